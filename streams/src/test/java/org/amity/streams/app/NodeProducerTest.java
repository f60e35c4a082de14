package org.amity.streams.app;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.query.QueryClient;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office system written in Node.js (clients/node: kafkajs and Confluent's own Avro serializer, the schema looked
 * up in Amity's registry) reports a visit, and Amity scores it like one of its own. Skipped, saying why, where Node.js
 * is absent or its packages cannot be installed.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class NodeProducerTest {
  private static final Path CLIENT = Path.of("").toAbsolutePath().getParent().resolve("clients/node");

  @TempDir
  Path stateDirs;

  @Test
  void aVisitSerializedByConfluentsJavaScriptSerializerAndSentByKafkajsIsScored() throws Exception {
    assumeTrue(run(List.of("node", "--version"), Duration.ofSeconds(30)).ok(), "Node.js is not installed");
    if (!Files.isDirectory(CLIENT.resolve("node_modules"))) {
      Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
      assumeTrue(installed.ok(), "npm ci in " + CLIENT + " failed: " + installed.output());
    }
    QueryClient client = QueryClient.of("node-" + Long.toString(System.nanoTime(), 36));
    String office = client.office();
    String relationshipId = office + "/us-sacramento";
    publishRelationship(relationshipId);

    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId(office),
        clientConfig(), new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
            Files.createDirectory(stateDirs.resolve("streams-node")), 3, (short) 1, client.accepted()))) {
      app.awaitRunning(Duration.ofSeconds(60));
      Instant occurredAt = Instant.now().minus(Duration.ofDays(2));
      Result sent = run(List.of("node", "report-visit.js", EmbeddedPlatformExtension.platform().bootstrapServers(),
          EmbeddedPlatformExtension.platform().registryUrl(), office, relationshipId, "node-visit-" + office,
          occurredAt.toString()), Duration.ofMinutes(2));
      assertThat(sent.ok()).as(sent.output()).isTrue();
      assertThat(sent.output()).contains("\"topic\":\"" + EventTypes.DELEGATION_VISITED.topic().name() + "\"");

      JsonNode vitality = client.awaitOk(port, "/api/v1/vitality/" + relationshipId,
          body -> body.path("exchanges").asInt() == 1);
      assertThat(vitality.path("topContributors").get(0).path("eventId").asText()).isEqualTo("node-visit-" + office);
      assertThat(vitality.path("rawMomentum").asDouble()).as("a head of government's inbound visit, two days old")
          .isBetween(9.8, 10.0);
    }
  }

  private record Result(boolean ok, String output) {}

  private static Result run(List<String> command, Duration timeout) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true).start();
      boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(ended && process.exitValue() == 0, output);
    } catch (IOException e) {
      return new Result(false, e.toString());
    }
  }

  private static void publishRelationship(String relationshipId) throws Exception {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(clientConfig(), false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers()),
        new StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), relationshipId,
          relationship(relationshipId, LocalDate.of(1985, 8, 21)))).get();
    }
  }
}
