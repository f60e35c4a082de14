package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.SampleEvents;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.registry.RegisteredSchema;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.SchemaRegistryClient;
import org.amity.topics.TopicSpec;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on the same directory keeps the topics, the records and every schema id. */
class PlatformRestartTest {

  @Test
  void restartOnTheSameDirectoryKeepsTopicsRecordsAndSchemaIds(@TempDir Path dataDir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(3);
    PlatformSettings settings = new PlatformSettings(dataDir, "127.0.0.1", ports[0], ports[1], ports[2]);
    String topic = EventTypes.DELEGATION_VISITED.topic().name();
    RegisteredSchema before;
    try (Platform platform = Platform.start(settings)) {
      SchemaRegistryClient registry = client(platform);
      registry.register("restart-value", SchemaBuilder.builder().stringType());
      before = registry.version("restart-value", 1);
      produce(platform, topic, "before restart");
    }

    try (Platform platform = Platform.start(settings)) {
      SchemaRegistryClient registry = client(platform);
      assertThat(registry.latest("restart-value")).isEqualTo(before);
      assertThat(registry.schemaById(before.id())).isEqualTo(before.schema());
      int next = registry.register("restart-2-value", SchemaBuilder.builder().longType());
      assertThat(next).as("ids are never reused").isGreaterThan(before.id());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.ALL.stream().map(TopicSpec::name).toList()).contains("_schemas");
      }
      assertThat(readValues(platform, topic)).containsExactly("before restart");
      String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(platform.registryUrl() + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).as("the registry's JVM, its journal's Kafka producer and its subjects")
          .contains("jvm_memory_used_bytes{", "kafka_producer_record_send_total{")
          .containsPattern("amity_registry_subjects\\{[^}]*role=\"registry\"} [1-9]");
    }
  }

  private static SchemaRegistryClient client(Platform platform) {
    return RegistryClientConfig.from(Map.of("schema.registry.url", platform.registryUrl())).newClient();
  }

  private static void produce(Platform platform, String topic, String value) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, SampleEvents.ROTTERDAM, value)).get();
    }
  }

  private static List<String> readValues(Platform platform, String topic) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          return java.util.stream.StreamSupport.stream(records.spliterator(), false).map(ConsumerRecord::value).toList();
        }
      }
    }
    return List.of();
  }
}
