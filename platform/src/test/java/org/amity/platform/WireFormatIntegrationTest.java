package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.amity.contract.Topics;
import org.amity.events.SampleEvents;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.AvroSerializer;
import org.amity.topics.TopicSpec;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records written with Amity's serde are plain Confluent wire format, readable by anyone with the registry. */
@ExtendWith(EmbeddedPlatformExtension.class)
class WireFormatIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Platform platform = EmbeddedPlatformExtension.platform();

  @Test
  void everyEventTypeIsConfluentWireFormatAndReadsBackWithPlainAvro() throws Exception {
    List<SpecificRecord> records = SampleEvents.everyType();
    List<ProducerRecord<String, Object>> sent = new ArrayList<>();
    try (KafkaProducer<String, Object> producer = producer()) {
      for (SpecificRecord record : records) {
        ProducerRecord<String, Object> out = new ProducerRecord<>(topicOf(record).name(), "key-" + sent.size(), record);
        producer.send(out).get();
        sent.add(out);
      }
    }
    for (int i = 0; i < records.size(); i++) {
      SpecificRecord expected = records.get(i);
      ConsumerRecord<byte[], byte[]> raw = readOne(sent.get(i).topic(), sent.get(i).key());
      byte[] bytes = raw.value();
      assertThat(bytes[0]).as("magic byte of %s", expected.getSchema().getName()).isZero();
      int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
      Schema registered = new Schema.Parser().parse(schemaTextById(id));
      assertThat(registered).isEqualTo(expected.getSchema());
      assertThat(plainAvroDecode(registered, bytes)).isEqualTo(expected);
    }
  }

  @Test
  void anUnknownSchemaIdFromTheRealRegistryIsNamed() {
    byte[] bytes = {0, 0, 0, 0x7f, 0x7f, 2, 4};
    try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl()), false);
      assertThatThrownBy(() -> deserializer.deserialize("amity.events.video-meeting", bytes))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("Unknown schema id 32639")
          .hasMessageContaining("not found");
    }
  }

  private static TopicSpec topicOf(SpecificRecord record) {
    return Topics.ALL.stream().filter(t -> t.value().equals(record.getClass().getName())).findFirst().orElseThrow();
  }

  private static Object plainAvroDecode(Schema schema, byte[] bytes) throws Exception {
    var reader = new SpecificDatumReader<>(schema, schema, SpecificData.get());
    return reader.read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
  }

  private String schemaTextById(int id) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/schemas/ids/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("schema").asText();
  }

  private KafkaProducer<String, Object> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
    return new KafkaProducer<>(props, new StringSerializer(), configured(new AvroSerializer<>(), props));
  }

  private static <T extends AvroSerializer<Object>> T configured(T serializer, Properties props) {
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, props.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL)), false);
    return serializer;
  }

  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(new StringDeserializer().deserialize(topic, record.key()))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic);
  }
}
