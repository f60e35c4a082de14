package org.amity.streams.query;

import static org.amity.streams.app.TopologyFixture.office;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.OfficeRollup;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One unreadable record on amity.offices (read by every instance into a global table) is skipped: the application
 * stays RUNNING, goes on scoring and publishes the rollups of offices (the global table restores such a record as it
 * is, and reading the table must pass over it).
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class UnreadableOfficeTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path stateDirs;

  @Test
  void anUnreadableOfficeRecordLeavesTheApplicationRunningAndTheRollupsPublished() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    String officeId = "unreadable-" + run;
    String relationshipId = officeId + "/nl-rotterdam";
    QueryClient client = QueryClient.of(officeId);
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedPlatformExtension.platform().registryUrl());
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.OFFICES.name(), "garbage-" + run, new byte[] {0, 0, 0, 0x7f, 0x05, 1})).get();
    }
    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId("unreadable-" + run),
        config, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
            Files.createDirectory(stateDirs.resolve("streams-unreadable")), 3, (short) 1, client.accepted()))) {
      app.awaitRunning(Duration.ofSeconds(60));
      try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), new StringSerializer(), new ByteArraySerializer())) {
        raw.send(new ProducerRecord<>(Topics.OFFICES.name(), "garbage-while-running-" + run, "not avro".getBytes())).get();
      }
      SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
      serde.configure(config, false);
      try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)),
          new StringSerializer(), serde.serializer())) {
        producer.send(new ProducerRecord<>(Topics.OFFICES.name(), officeId, office(officeId, null))).get();
        producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), relationshipId,
            relationship(relationshipId, LocalDate.of(1979, 5, 29)))).get();
      }
      URI vitality = URI.create("http://127.0.0.1:" + port + "/api/v1/vitality/" + relationshipId);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int status = 0;
      while (status != 200 && System.nanoTime() < deadline) {
        Thread.sleep(250);
        status = HTTP.send(client.get(vitality).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      }
      assertThat(status).as("the relationship registered after the unreadable office is scored").isEqualTo(200);
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(awaitRollup(config, officeId)).as("the office's rollup, though the table holds unreadable records")
          .isNotNull();
      assertThat(MetricsText.of(app.streams().metrics()))
          .containsPattern("amity_streams_unreadable_offices_skipped_total [1-9]");
    }
  }

  /** The first rollup of the office on amity.office-rollups, or null if none came within a minute. */
  private static OfficeRollup awaitRollup(Map<String, Object> clientConfig, String officeId) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SpecificAvroSerde<OfficeRollup> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    try (KafkaConsumer<String, OfficeRollup> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        serde.deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.OFFICE_ROLLUPS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, OfficeRollup> record : consumer.poll(Duration.ofMillis(250))) {
          if (officeId.equals(record.key())) {
            return record.value();
          }
        }
      }
      return null;
    }
  }
}
