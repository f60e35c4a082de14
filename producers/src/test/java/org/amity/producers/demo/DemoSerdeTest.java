package org.amity.producers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.registry.MockSchemaRegistry;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every record of the demo goes through the project's serde to its topic and reads back equal. */
class DemoSerdeTest {
  private final String scope = "demo-serde-" + UUID.randomUUID();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void everyRecordRoundTripsThroughTheAvroSerde() {
    Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + scope,
        AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>();
    deserializer.configure(config, false);

    DemoData demo = DemoData.build(LocalDate.of(2026, 11, 21));
    List<SpecificRecord> records = new ArrayList<>();
    records.addAll(demo.offices());
    records.addAll(demo.relationships());
    records.addAll(demo.events());
    int count = 0;
    for (SpecificRecord record : records) {
      String topic = topicOf(record);
      byte[] bytes = serializer.serialize(topic, record);
      assertThat(bytes[0]).isZero();
      SpecificRecord read = deserializer.deserialize(topic, bytes);
      assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
      count++;
    }
    assertThat(count).isEqualTo(3 + demo.relationships().size() + demo.events().size());
    assertThat(MockSchemaRegistry.forScope(scope).subjects()).hasSize(2 + EventTypes.names().size());
  }

  private static String topicOf(SpecificRecord record) {
    if (record instanceof Office) {
      return Topics.OFFICES.name();
    }
    if (record instanceof Relationship) {
      return Topics.RELATIONSHIPS.name();
    }
    return EventTypes.topicOf(record).name();
  }
}
