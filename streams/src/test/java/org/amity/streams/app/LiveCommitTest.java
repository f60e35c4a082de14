package org.amity.streams.app;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.query.QueryClient;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of the published topics (the dashboard) see only committed transactions: a relationship published for
 * live input is committed at once, not at the next commit interval.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class LiveCommitTest {
  private static final Duration COMMIT_INTERVAL = Duration.ofMinutes(5);

  @TempDir
  Path stateDirs;

  @Test
  void aLiveEventsScoreIsCommittedWithoutWaitingForTheCommitInterval() throws Exception {
    QueryClient client = QueryClient.of("live-commit-" + Long.toString(System.nanoTime(), 36));
    String id = client.office() + "/xx-partner";
    Map<String, Object> config = clientConfig();
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
    config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        (int) COMMIT_INTERVAL.plusMinutes(1).toMillis());
    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    // the producer is ready before the live event's time is taken: the event must reach the ledger within 2 s of it
    try (KafkaProducer<String, SpecificRecord> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), id, relationship(id, LocalDate.of(1995, 4, 20)))).get();
      try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId(client.office()),
          config, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
              Files.createDirectory(stateDirs.resolve("streams-live-commit")), 3, (short) 1, client.accepted()));
           KafkaConsumer<String, RelationshipVitality> committed = committedVitality()) {
        app.awaitRunning(Duration.ofSeconds(60));
        client.awaitOk(port, "/api/v1/vitality/" + id, vitality -> vitality.path("exchanges").asInt() == 0);
        Instant now = Instant.now();

        producer.send(new ProducerRecord<>(EventTypes.DELEGATION_VISITED.topic().name(), null, now.toEpochMilli(), id,
            delegation(envelope("live-" + id, now, id, Domain.CULTURE), Direction.INBOUND, DelegationLevel.DEPARTMENT)));

        assertThat(awaitCommittedExchanges(committed, id, Duration.ofSeconds(30))).isEqualTo(1);
      }
    }
  }

  /** The exchanges of the relationship's newest committed vitality once it counts one; 0 if none came in time. */
  private static int awaitCommittedExchanges(KafkaConsumer<String, RelationshipVitality> consumer, String id,
      Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      for (var record : consumer.poll(Duration.ofMillis(200))) {
        if (record.key().equals(id) && record.value().getExchanges() > 0) {
          return record.value().getExchanges();
        }
      }
    }
    return 0;
  }

  private static KafkaConsumer<String, RelationshipVitality> committedVitality() {
    Map<String, Object> config = clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SpecificAvroSerde<RelationshipVitality> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    KafkaConsumer<String, RelationshipVitality> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        serde.deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.VITALITY.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static KafkaProducer<String, SpecificRecord> producer() {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(clientConfig(), false);
    return new KafkaProducer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers()),
        new StringSerializer(), serde.serializer());
  }
}
