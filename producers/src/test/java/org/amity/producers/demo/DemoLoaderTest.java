package org.amity.producers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.publish.AmityPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPlatformExtension.class)
class DemoLoaderTest {

  @Test
  void loadingTheDemoAgainOnALaterDayAddsNothing() {
    Platform platform = EmbeddedPlatformExtension.platform();
    Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url", platform.registryUrl());
    LocalDate today = LocalDate.of(2026, 11, 21);
    DemoData demo = DemoData.build(today);
    try (AmityPublisher publisher = AmityPublisher.start(config)) {
      DemoLoader.Loaded first = DemoLoader.load(config, publisher, today);
      assertThat(first.events()).isEqualTo(demo.events().size());
      assertThat(first.relationships()).isEqualTo(demo.relationships().size());
    }
    try (AmityPublisher restarted = AmityPublisher.start(config)) {
      DemoLoader.Loaded second = DemoLoader.load(config, restarted, today.plusDays(9));
      assertThat(second.events()).isZero();
      assertThat(second.relationships()).isZero();
      assertThat(second.eventsSkipped()).isEqualTo(demo.events().size());
    }
  }
}
