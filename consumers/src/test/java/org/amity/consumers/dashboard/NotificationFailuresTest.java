package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.amity.consumers.notifier.DeliveryLog;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A notification the notifier gave up on is visible on the dashboard: the dashboard reads the notifier's delivery log
 * (the notifier's own writer, on the real topic), and shows the failure until a later delivery replaces it.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class NotificationFailuresTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void aDeadLetteredNotificationShowsOnTheOverviewUntilItIsDelivered() throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers());
    config.put("schema.registry.url", EmbeddedPlatformExtension.platform().registryUrl());
    String alertId = "shanghai/nl-rotterdam|WENT_DORMANT|" + System.nanoTime();
    DashboardView view = new DashboardView();
    try (DeliveryLog deliveries = new DeliveryLog(config, Topics.NOTIFIER_DELIVERIES.name());
         DashboardFeed feed = DashboardFeed.start(view, config)) {
      deliveries.write(DeliveryLog.Entry.of(alertId, "https://chat.example.org/hook", DeliveryLog.Status.FAILED,
          Instant.now(), 1, "webhook answered 400 Bad Request", null));
      await(() -> failures(view).path("notificationFailureCount").asInt() > 0);

      JsonNode overview = failures(view);
      assertThat(overview.path("notificationFailures")).anySatisfy(failure -> {
        assertThat(failure.path("alertId").asText()).isEqualTo(alertId);
        assertThat(failure.path("recipient").asText()).isEqualTo("https://chat.example.org/hook");
        assertThat(failure.path("reason").asText()).contains("400");
      });

      deliveries.write(DeliveryLog.Entry.of(alertId, "https://chat.example.org/hook", DeliveryLog.Status.DELIVERED,
          Instant.now(), 2, null, null));
      await(() -> failures(view).path("notificationFailures").findValuesAsText("alertId").stream()
          .noneMatch(alertId::equals));
    }
  }

  private static JsonNode failures(DashboardView view) {
    return Overview.of(view, 10, OfficeScope.EVERY_OFFICE);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE);
      }
      Thread.sleep(50);
    }
  }
}
