package org.amity.streams.app;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.partners.Relationship;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.ledger.Placement;
import org.amity.streams.model.RelationshipFigures;
import org.amity.streams.query.QueryClient;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Office systems write with any client: librdkafka's clients (Python, Go, .NET, kcat) place a key by CRC32, not by
 * Kafka's murmur2, and a producer may choose partitions itself. Events and master data on any partition are scored
 * as the reference model scores them, and no known relationship is ever called unknown.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class RecordsOnAnyPartitionTest {
  private static final LocalDate ESTABLISHED = LocalDate.of(1995, 4, 20);
  private static final int RELATIONSHIPS = 12;
  private static final Duration MASTER_DATA_WAIT = Duration.ofSeconds(15);

  @TempDir
  Path stateDirs;

  @Test
  void eventsAndMasterDataOnAnyPartitionAreScoredAsTheReferenceModelScoresThem() throws Exception {
    QueryClient client = QueryClient.of("anywhere-" + Long.toString(System.nanoTime(), 36));
    String office = client.office();
    List<String> ids = IntStream.range(0, RELATIONSHIPS).mapToObj(i -> office + "/xx-partner-" + i).toList();
    String unknown = office + "/xx-nobody";
    int partitions = partitionsOf(Topics.RELATIONSHIPS.name());
    Placement placement = new Placement(partitions);
    Instant at = Instant.now().minus(Duration.ofDays(20));

    assertThat(partitions).as("partitions of the shared broker's topics").isGreaterThan(1);
    List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
    for (int i = 0; i < RELATIONSHIPS; i++) {
      String id = ids.get(i);
      Relationship master = relationship(id, ESTABLISHED);
      records.add(i % 2 == 0 ? byCrc32(Topics.RELATIONSHIPS.name(), id, master, partitions)
          : elsewhere(Topics.RELATIONSHIPS.name(), id, master, placement));
      records.add(byCrc32(EventTypes.DELEGATION_VISITED.topic().name(), id, visit("crc-" + id, at, id), partitions));
      records.add(elsewhere(EventTypes.DELEGATION_VISITED.topic().name(), id, visit("moved-" + id, at.plusSeconds(60), id),
          placement));
    }
    records.add(byCrc32(EventTypes.FORUM_HELD.topic().name(), ids.get(0), forum(envelope("forum-crc-" + office,
        at.plusSeconds(120), ids.subList(0, 4), Domain.CULTURE).build()), partitions));
    records.add(elsewhere(EventTypes.FORUM_HELD.topic().name(), ids.get(4), forum(envelope("forum-moved-" + office,
        at.plusSeconds(180), ids.subList(4, 8), Domain.CULTURE).build()), placement));
    records.add(byCrc32(EventTypes.DELEGATION_VISITED.topic().name(), unknown, visit("nobody-" + office, at, unknown), partitions));
    assertThat(IntStream.range(0, RELATIONSHIPS).filter(i -> !placement.isOn(ids.get(i),
        crc32Partition(ids.get(i), partitions))))
        .as("CRC32 puts some relationships where murmur2 would not").isNotEmpty();
    send(records);

    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId(office)
        .withMasterDataWait(MASTER_DATA_WAIT),
        clientConfig(), new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
            Files.createDirectory(stateDirs.resolve("streams-anywhere")), 3, (short) 1, client.accepted()))) {
      app.awaitRunning(Duration.ofSeconds(60));
      List<SpecificRecord> events = records.stream()
          .filter(r -> !r.topic().equals(Topics.RELATIONSHIPS.name())).map(ProducerRecord::value).toList();
      for (String id : ids) {
        int expected = ids.indexOf(id) < 8 ? 3 : 2;
        JsonNode vitality = client.awaitOk(port, "/api/v1/vitality/" + id,
            body -> body.path("exchanges").asInt() == expected);
        RelationshipFigures reference = Reference.figures(id, ESTABLISHED,
            Instant.parse(vitality.path("at").asText()), events);
        assertThat(vitality.path("score").asInt()).as(id).isEqualTo(reference.vitality().score());
        assertThat(vitality.path("rawMomentum").asDouble()).as(id)
            .isCloseTo(reference.vitality().rawMomentum(), within(1e-9));
      }
      assertThat(DeadLetters.awaitSome(office)).singleElement().asString()
          .contains("unknown relationship '" + unknown + "'", "not in the master data");
    }
  }

  private static SpecificRecord visit(String eventId, Instant at, String id) {
    return delegation(envelope(eventId, at, id, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.HEAD_OF_GOVERNMENT);
  }

  /** Where librdkafka's default partitioner (consistent_random) puts a key: CRC32 of its bytes. */
  private static int crc32Partition(String key, int partitions) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }

  private static ProducerRecord<String, SpecificRecord> byCrc32(String topic, String key, SpecificRecord value,
      int partitions) {
    return new ProducerRecord<>(topic, crc32Partition(key, partitions), key, value);
  }

  /** On a partition chosen by hand: the one after the relationship's own. */
  private static ProducerRecord<String, SpecificRecord> elsewhere(String topic, String key, SpecificRecord value,
      Placement placement) {
    return new ProducerRecord<>(topic, (placement.partitionOf(key) + 1) % placement.partitions(), key, value);
  }

  private static void send(List<ProducerRecord<String, SpecificRecord>> records) {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(clientConfig(), false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers()),
        new StringSerializer(), serde.serializer())) {
      records.forEach(producer::send);
    }
  }

  private static int partitionsOf(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        EmbeddedPlatformExtension.platform().bootstrapServers()))) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }
  }
}
