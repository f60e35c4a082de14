package org.amity.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.registry.MockSchemaRegistry;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyntheticSerdeTest {
  private final String scope = "synthetic-" + UUID.randomUUID();
  private final AvroSerializer<Object> serializer = new AvroSerializer<>();
  private final AvroDeserializer<Object> deserializer = new AvroDeserializer<>();

  @BeforeEach
  void configure() {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + scope);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    serializer.configure(config, false);
    deserializer.configure(config, false);
  }

  @AfterEach
  void drop() {
    serializer.close();
    deserializer.close();
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void generatedEventsOfEveryTypeGoThroughTheSerdeUnchanged() {
    SyntheticGenerator generator = new SyntheticGenerator(SyntheticSpec.of(20, 50, 3, LocalDate.of(2025, 1, 1), 5));
    List<SpecificRecord> sample = everyTypeAFewTimes(generator);

    assertThat(sample.stream().map(Object::getClass).distinct()).hasSize(EventTypes.all().size());
    for (SpecificRecord event : sample) {
      String topic = Topics.forEventType(event.getClass()).orElseThrow().name();
      Object back = deserializer.deserialize(topic, serializer.serialize(topic, event));
      assertThat(back).isInstanceOf(event.getClass()).isEqualTo(event);
    }
  }

  @Test
  void officesAndRelationshipsGoThroughTheSerdeUnchanged() {
    SyntheticGenerator generator = new SyntheticGenerator(SyntheticSpec.of(3, 40, 2, LocalDate.of(2025, 1, 1), 5));
    List<Object> masterData = new ArrayList<>(generator.offices());
    masterData.addAll(generator.relationships().toList());

    for (Object record : masterData) {
      String topic = record instanceof org.amity.partners.Office ? Topics.OFFICES.name() : Topics.RELATIONSHIPS.name();
      assertThat(deserializer.deserialize(topic, serializer.serialize(topic, record))).isEqualTo(record);
    }
  }

  /** Up to 40 events of each type, about 300 in all. */
  private static List<SpecificRecord> everyTypeAFewTimes(SyntheticGenerator generator) {
    Map<Class<?>, List<SpecificRecord>> byType = generator.events()
        .collect(Collectors.groupingBy(Object::getClass));
    return byType.values().stream().flatMap(events -> events.stream().limit(40)).toList();
  }
}
