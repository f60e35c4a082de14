package org.amity.streams.query;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.ForumHeld;
import org.amity.partners.Relationship;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.app.CommittedAlerts;
import org.amity.streams.app.DeadLetters;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the streams application with one application id on the embedded broker: each answers for every
 * relationship, and when one stops the other takes over its share and still answers. The events carry their
 * event time as record timestamp, earlier than the master data's: each still finds its relationship (a replay must
 * never send an event to the dead letters because its master data was read later). An alert is raised once, whichever
 * instance reviews the relationship and however often.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class TwoInstancesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int RELATIONSHIPS = 12;
  /** The first relationships, named together by one forum. */
  private static final int MULTILATERAL = 4;
  /** Every relationship's 30th anniversary is a week away: each gets one alert about it, however often reviewed. */
  private static final LocalDate THIRTY_YEARS_AGO_NEXT_WEEK = LocalDate.now(ZoneOffset.UTC).minusYears(30).plusDays(7);
  private static final Duration REVIEW = Duration.ofMillis(300);
  private static final QueryClient CLIENT = QueryClient.of("office-" + Long.toString(System.nanoTime(), 36));

  @TempDir
  Path stateDirs;

  @Test
  void everyRelationshipCanBeQueriedFromEitherInstanceAndTheSurvivorTakesOverWithoutRepeatingAlerts() throws Exception {
    String applicationId = "amity-streams-two-" + System.nanoTime();
    String office = CLIENT.office();
    List<String> ids = IntStream.range(0, RELATIONSHIPS).mapToObj(i -> office + "/xx-partner-" + i).toList();
    publish(ids);

    int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
    StreamsSettings settings = StreamsSettings.defaults().withApplicationId(applicationId)
        .withIntervals(Duration.ofMillis(200), REVIEW);
    AmityStreamsApp first = start(settings, ports[0], "first");
    AmityStreamsApp second = start(settings, ports[1], "second");
    try {
      first.awaitRunning(Duration.ofSeconds(60));
      second.awaitRunning(Duration.ofSeconds(60));
      assertThat(awaitActiveTasks(first)).as("both instances hold some of the work").isPositive();
      assertThat(awaitActiveTasks(second)).isPositive();

      for (String id : ids) {
        assertThat(awaitVitality(ports[0], id, exchanges(ids, id)).path("relationshipId").asText()).isEqualTo(id);
        assertThat(awaitVitality(ports[1], id, exchanges(ids, id)).path("relationshipId").asText()).isEqualTo(id);
      }
      JsonNode listed = awaitOk(ports[1], "/api/v1/vitality?office=" + office);
      assertThat(listed.path("count").asInt()).isEqualTo(RELATIONSHIPS);
      String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[0] + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).containsPattern("amity_streams_running\\{[^}]*role=\"streams\"} 1")
          .containsPattern("amity_streams_processed_records_total\\{[^}]*} [1-9]")
          .contains("kafka_stream_thread_process_total{");
      assertThat(DeadLetters.of(office)).isEmpty();

      first.close();
      second.awaitRunning(Duration.ofSeconds(60));
      for (String id : ids) {
        JsonNode vitality = awaitVitality(ports[1], id, exchanges(ids, id));
        assertThat(vitality.path("relationshipId").asText()).isEqualTo(id);
        assertThat(vitality.path("band").asText()).isEqualTo("ACTIVE");
      }
      JsonNode history = awaitOk(ports[1], "/api/v1/vitality/" + ids.get(0) + "/history?days=28&step=7");
      assertThat(history.path("history")).hasSize(5);

      first = start(settings, ports[0], "first-again");
      first.awaitRunning(Duration.ofSeconds(60));
      Thread.sleep(REVIEW.multipliedBy(10).toMillis());
      List<Alert> alerts = CommittedAlerts.of(office, clientConfig());
      assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
      assertThat(alerts).filteredOn(alert -> alert.getKind() == AlertKind.ANNIVERSARY)
          .as("one anniversary alert per relationship, though every instance reviewed them many times")
          .extracting(Alert::getRelationshipId).containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      first.close();
      second.close();
    }
  }

  private static void publish(List<String> ids) {
    Map<String, Object> config = clientConfig();
    config.put("transactional.id", null);
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    Instant now = Instant.now();
    try (KafkaProducer<String, SpecificRecord> producer =
             new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(
                 CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), new StringSerializer(), serde.serializer())) {
      for (String id : ids) {
        Relationship relationship = relationship(id, THIRTY_YEARS_AGO_NEXT_WEEK);
        producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), id, relationship));
      }
      producer.flush();
      Instant occurredAt = now.minus(Duration.ofDays(3));
      for (String id : ids) {
        DelegationVisited visit = delegation(envelope("visit-" + id, occurredAt, id,
            Domain.GOVERNANCE, Domain.CULTURE), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT);
        producer.send(new ProducerRecord<>(EventTypes.DELEGATION_VISITED.topic().name(), null, occurredAt.toEpochMilli(), id,
            visit));
      }
      ForumHeld forum = forum(envelope("forum-" + ids.get(0), occurredAt, ids.subList(0, MULTILATERAL),
          Domain.CULTURE).build());
      producer.send(new ProducerRecord<>(EventTypes.FORUM_HELD.topic().name(), null, occurredAt.toEpochMilli(), ids.get(0),
          forum));
    }
  }

  private AmityStreamsApp start(StreamsSettings settings, int port, String name) throws Exception {
    Map<String, Object> config = clientConfig();
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    Path stateDir = Files.createDirectory(stateDirs.resolve(name));
    return AmityStreamsApp.start(settings, config,
        new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port, stateDir, 3, (short) 1, CLIENT.accepted()));
  }

  /** The visit, and for the first ones the forum. */
  private static int exchanges(List<String> ids, String id) {
    return ids.indexOf(id) < MULTILATERAL ? 2 : 1;
  }

  /** The relationship's vitality once it counts {@code exchanges} exchanges. */
  private static JsonNode awaitVitality(int port, String id, int exchanges) throws Exception {
    return CLIENT.awaitOk(port, "/api/v1/vitality/" + id, body -> body.path("exchanges").asInt() == exchanges);
  }

  private static JsonNode awaitOk(int port, String path) throws Exception {
    return CLIENT.awaitOk(port, path, body -> true);
  }

  /** The instance's active tasks once it holds some: a member may be running with none until a follow-up rebalance. */
  private static int awaitActiveTasks(AmityStreamsApp app) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int tasks = 0;
    while (System.nanoTime() < deadline
        && (tasks = app.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum()) == 0) {
      Thread.sleep(200);
    }
    return tasks;
  }
}
