package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overview counts the records set aside on amity.dead-letter, by the topic each was read from, for users who see
 * every office: the count is the whole system's.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class DeadLettersShownTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void theOverviewCountsDeadLettersByTheTopicTheyWereReadFrom() throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers(),
        "schema.registry.url", EmbeddedPlatformExtension.platform().registryUrl());
    DashboardView view = new DashboardView();
    String events = EventTypes.DELEGATION_VISITED.topic().name() + "-" + System.nanoTime();
    String alerts = Topics.ALERTS.name() + "-" + System.nanoTime();
    try (DashboardFeed feed = DashboardFeed.start(view, config);
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
             new ByteArraySerializer())) {
      producer.send(letter("__streams.errors.topic", events, "garbage"));
      producer.send(letter("__streams.errors.topic", events, "negative headcount"));
      producer.send(letter("__notifier.errors.topic", alerts, "webhook answered 400"));
      producer.flush();

      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!Overview.of(view, 10, OfficeScope.EVERY_OFFICE).path("deadLetters").path("byTopic").has(alerts) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      JsonNode deadLetters = Overview.of(view, 10, OfficeScope.EVERY_OFFICE).path("deadLetters");
      assertThat(deadLetters.path("byTopic").path(events).asLong()).isEqualTo(2);
      assertThat(deadLetters.path("byTopic").path(alerts).asLong()).isEqualTo(1);
      assertThat(deadLetters.path("total").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(Overview.of(view, 10, OfficeScope.of("shanghai", view)).path("deadLetters").path("total").asLong())
          .as("an office's user does not see the whole system's dead letters").isZero();
    }
  }

  private static ProducerRecord<byte[], byte[]> letter(String header, String topic, String value) {
    ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.DEAD_LETTER.name(), null,
        value.getBytes(StandardCharsets.UTF_8));
    letter.headers().add(header, topic.getBytes(StandardCharsets.UTF_8));
    return letter;
  }
}
