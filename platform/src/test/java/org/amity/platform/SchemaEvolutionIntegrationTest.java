package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.amity.events.DelegationVisited;
import org.amity.events.SampleEvents;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.AvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry guards DelegationVisited's lineage: incompatible changes are refused, compatible ones read by old consumers. */
@ExtendWith(EmbeddedPlatformExtension.class)
class SchemaEvolutionIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "evolution.delegation-visited";
  private static final String SUBJECT = TOPIC + "-value";

  private final Platform platform = EmbeddedPlatformExtension.platform();

  @Test
  void incompatibleChangeIsRefusedAndCompatibleOneIsReadByTheOldConsumer() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    DelegationVisited visit = SampleEvents.delegationVisited();
    produce(visit);

    HttpResponse<String> refused = register(withField(DelegationVisited.getClassSchema(), requiredField("protocolOfficer")));
    assertThat(refused.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(refused.body());
    assertThat(error.path("error_code").asInt()).isEqualTo(409);
    assertThat(error.path("message").asText())
        .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")
        .contains("protocolOfficer");

    Schema evolved = withField(DelegationVisited.getClassSchema(), optionalField("interpreter"));
    HttpResponse<String> accepted = register(evolved);
    assertThat(accepted.statusCode()).isEqualTo(200);
    int evolvedId = JSON.readTree(accepted.body()).path("id").asInt();

    GenericRecord newer = asEvolved(visit, evolved);
    newer.put("interpreter", "Ms Lin");
    produce(newer);

    List<ConsumerRecord<String, Object>> read = readAllAsGeneratedClass(2);
    assertThat(read).extracting(ConsumerRecord::value).containsExactly(visit, visit);
    assertThat(getJson("/subjects/" + SUBJECT + "/versions")).hasSize(2);
    assertThat(getJson("/subjects/" + SUBJECT + "/versions/latest").path("id").asInt()).isEqualTo(evolvedId);
  }

  private static Schema withField(Schema base, ObjectNode field) throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(base.toString());
    ((ArrayNode) json.path("fields")).add(field);
    return new Schema.Parser().parse(json.toString());
  }

  private static ObjectNode requiredField(String name) {
    return JSON.createObjectNode().put("name", name).put("type", "string");
  }

  private static ObjectNode optionalField(String name) {
    ObjectNode field = JSON.createObjectNode().put("name", name);
    field.putArray("type").add("null").add("string");
    field.putNull("default");
    return field;
  }

  private static GenericRecord asEvolved(DelegationVisited visit, Schema evolved) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(DelegationVisited.class).write(visit, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(DelegationVisited.getClassSchema(), evolved)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  private HttpResponse<String> register(Schema schema) throws Exception {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects/" + SUBJECT + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    return JSON.readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(platform.registryUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private void produce(Object value) throws Exception {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl()), false);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(TOPIC, SampleEvents.ROTTERDAM, value)).get();
    }
  }

  private List<ConsumerRecord<String, Object>> readAllAsGeneratedClass(int expected) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl(),
        AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "old-consumer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props, new StringDeserializer(), deserializer)) {
      consumer.subscribe(List.of(TOPIC));
      List<ConsumerRecord<String, Object>> read = new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 20_000;
      while (read.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
      return read;
    }
  }
}
