package org.amity.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.amity.events.DelegationVisited;
import org.amity.events.SampleEvents;
import org.amity.registry.MockSchemaRegistry;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private static final String TOPIC = "amity.events.delegation-visited";
  private final String scope = "serde-test-" + UUID.randomUUID();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(scope);
  }

  private Map<String, Object> config(Object... extra) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    for (int i = 0; i < extra.length; i += 2) {
      config.put((String) extra[i], extra[i + 1]);
    }
    return config;
  }

  private <T> AvroSerializer<T> serializer(Map<String, Object> config) {
    AvroSerializer<T> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private <T> AvroDeserializer<T> deserializer(Map<String, Object> config) {
    AvroDeserializer<T> deserializer = new AvroDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }

  @Test
  void everyEventTypeRoundTripsAsItsGeneratedClass() {
    AvroSerializer<SpecificRecord> serializer = serializer(config());
    AvroDeserializer<SpecificRecord> deserializer = deserializer(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
    for (SpecificRecord record : SampleEvents.everyType()) {
      String topic = "topic-" + record.getSchema().getName();
      SpecificRecord read = deserializer.deserialize(topic, serializer.serialize(topic, record));
      assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
    }
  }

  @Test
  void writesTheConfluentHeaderWithTheRegisteredId() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    SchemaRegistryClient registry = MockSchemaRegistry.forScope(scope);
    int id = registry.latest(TOPIC + "-value").id();
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(registry.schemaById(id)).isEqualTo(DelegationVisited.getClassSchema());
  }

  @Test
  void readsGenericRecordsWithoutTheSpecificReader() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    Object read = deserializer(config()).deserialize(TOPIC, bytes);
    assertThat(read).isInstanceOf(GenericRecord.class);
    assertThat(((GenericRecord) read).get("leader")).hasToString("Mayor Ahmed Aboutaleb");
  }

  @Test
  void writesGenericRecordsAndPrimitives() {
    Schema schema = SchemaBuilder.record("Ping").namespace("test").fields().requiredString("who").endRecord();
    GenericRecord ping = new GenericData.Record(schema);
    ping.put("who", "Cork");
    AvroSerializer<Object> serializer = serializer(config());
    AvroDeserializer<Object> deserializer = deserializer(config());
    assertThat(deserializer.deserialize("pings", serializer.serialize("pings", ping))).isEqualTo(ping);
    assertThat(deserializer.deserialize("counts", serializer.serialize("counts", 72L))).isEqualTo(72L);
    assertThat(deserializer.deserialize("names", serializer.serialize("names", "Jinan")).toString()).isEqualTo("Jinan");
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer(config()).serialize(TOPIC, null)).isNull();
    assertThat(deserializer(config()).deserialize(TOPIC, null)).isNull();
  }

  @Test
  void namesSubjectsByTheConfiguredStrategy() {
    serializer(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")).serialize(TOPIC, SampleEvents.delegationVisited());
    serializer(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"))
        .serialize(TOPIC, SampleEvents.agreementSigned());
    AvroSerializer<Object> keys = new AvroSerializer<>();
    keys.configure(config(), true);
    keys.serialize(TOPIC, "shanghai/nl-rotterdam");
    assertThat(MockSchemaRegistry.forScope(scope).subjects()).containsExactlyInAnyOrder(
        TOPIC + "-org.amity.events.DelegationVisited", "org.amity.events.AgreementSigned", TOPIC + "-key");
  }

  @Test
  void withoutAutoRegisterAnUnknownSchemaIsRefused() {
    AvroSerializer<Object> serializer = serializer(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));
    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleEvents.delegationVisited()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("subject '" + TOPIC + "-value'");
    MockSchemaRegistry.forScope(scope).register(TOPIC + "-value", DelegationVisited.getClassSchema());
    assertThat(serializer.serialize(TOPIC, SampleEvents.delegationVisited())).isNotEmpty();
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsNewestId() {
    SchemaRegistryClient registry = MockSchemaRegistry.forScope(scope);
    int first = registry.register(TOPIC + "-value", DelegationVisited.getClassSchema());
    byte[] bytes = serializer(config(AvroSerdeConfig.USE_LATEST_VERSION, "true", AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"))
        .serialize(TOPIC, SampleEvents.delegationVisited());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(first);
  }

  @Test
  void aWrongMagicByteIsNamed() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    bytes[0] = 7;
    assertThatThrownBy(() -> deserializer(config()).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte 0x07");
  }

  @Test
  void garbageIsRefusedNotReadAsNull() {
    byte[] garbage = "{\"not\":\"avro\"}".getBytes();
    assertThatThrownBy(() -> deserializer(config()).deserialize(TOPIC, garbage))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte 0x7b");
  }

  @Test
  void anUnknownSchemaIdIsNamed() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    ByteBuffer.wrap(bytes).putInt(1, 4242);
    assertThatThrownBy(() -> deserializer(config()).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 4242");
  }

  @Test
  void aTruncatedPayloadIsNamed() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    AvroDeserializer<Object> deserializer = deserializer(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"));
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length - 10)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Truncated or corrupt Avro payload");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, Arrays.copyOf(bytes, 3)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("too short for the Confluent wire format");
  }

  @Test
  void bytesLeftOverAfterTheRecordAreRefused() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleEvents.delegationVisited());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> deserializer(config()).deserialize(TOPIC, longer))
        .isInstanceOf(SerializationException.class).hasMessageContaining("bytes left over");
  }

  @Test
  void aMissingRegistryUrlIsAConfigError() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    assertThatThrownBy(() -> serializer.configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }

  @Test
  void aBadSettingIsAConfigErrorNamingIt() {
    assertThatThrownBy(() -> serializer(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    assertThatThrownBy(() -> serializer(config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "ByColour")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy");
  }

  @Test
  void aSpecificSerdeWorksInKafkaStreamsStyle() {
    SpecificAvroSerde<DelegationVisited> serde = new SpecificAvroSerde<>();
    serde.configure(config(), false);
    DelegationVisited visit = SampleEvents.delegationVisited();
    assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, visit))).isEqualTo(visit);
  }
}
