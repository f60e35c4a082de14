package org.amity.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amity.contract.Topics;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger reads an event's entry for its first relationship straight from the event topic, beside that
 * relationship's master data: with an event topic partitioned otherwise than amity.relationships, entries would land
 * in tasks without their relationship. The application refuses to start, naming the counts.
 */
class PartitionCountsTest {
  @Test
  void anEventTopicWithOtherPartitionsThanTheRelationshipsIsRefusedAtStart(@TempDir Path dir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(3);
    try (EmbeddedKafka kafka = EmbeddedKafka.builder(dir.resolve("kafka")).host("127.0.0.1").brokerPort(ports[0])
        .controllerPort(ports[1]).build()) {
      kafka.start();
      String odd = Topics.EVENTS.get(0).name();
      try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(Topics.RELATIONSHIPS.name(), 3, (short) 1),
            new NewTopic(odd, 2, (short) 1)));
        admin.createTopics(topics).all().get();
      }
      Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          "schema.registry.url", "http://127.0.0.1:" + ports[2]);

      assertThatThrownBy(() -> AmityStreamsApp.start(StreamsSettings.defaults(), new java.util.HashMap<>(config),
              new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", 0, dir.resolve("state"), 3, (short) 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("same number of partitions")
          .hasMessageContaining(odd + "=2")
          .hasMessageContaining(Topics.RELATIONSHIPS.name() + "=3");
      assertThat(dir.resolve("state")).doesNotExist();
    }
  }
}
