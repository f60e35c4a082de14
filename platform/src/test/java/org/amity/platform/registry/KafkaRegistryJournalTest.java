package org.amity.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.amity.registry.RegistryEntry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry's schema store: what another client wrote there that is no entry is passed over at a restart. */
@ExtendWith(EmbeddedPlatformExtension.class)
class KafkaRegistryJournalTest {
  private static final String FIRST = "{\"type\":\"record\",\"name\":\"First\",\"fields\":[]}";
  private static final String SECOND = "{\"type\":\"record\",\"name\":\"Second\",\"fields\":[]}";

  @Test
  void unreadableRecordsInTheStoreArePassedOverAndTheEntriesAroundThemReplayed() throws Exception {
    String topic = "_schemas-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        EmbeddedPlatformExtension.platform().bootstrapServers());
    try (KafkaRegistryJournal journal = new KafkaRegistryJournal(topic, config)) {
      journal.replayInto(new LocalSchemaRegistry(), (short) 1);
      journal.write(new RegistryEntry.SchemaVersion("first-value", 1, 101, FIRST));
      try (KafkaProducer<String, String> other = new KafkaProducer<>(Map.copyOf(config), new StringSerializer(),
          new StringSerializer())) {
        other.send(new ProducerRecord<>(topic, "not json", "not json either")).get();
        other.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"x\",\"version\":1,\"magic\":1}",
            "{\"subject\":\"x\",\"version\":1,\"id\":102,\"schema\":\"not a schema\"}")).get();
        other.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
            "{\"compatibilityLevel\":\"SOMETIMES\"}")).get();
      }
      journal.write(new RegistryEntry.SchemaVersion("second-value", 1, 103, SECOND));
    }

    LocalSchemaRegistry restarted = new LocalSchemaRegistry(CompatibilityLevel.BACKWARD, entry -> { });
    try (KafkaRegistryJournal journal = new KafkaRegistryJournal(topic, config)) {
      journal.replayInto(restarted, (short) 1);
    }
    assertThat(restarted.subjects()).containsExactlyInAnyOrder("first-value", "second-value");
    assertThat(restarted.schemaById(103).getName()).isEqualTo("Second");
  }
}
