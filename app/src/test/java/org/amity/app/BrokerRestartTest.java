package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.amity.access.OfficeTokens;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.platform.EmbeddedRegistry;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
import org.amity.topics.TopicCreator;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker stops and comes back on the same data directory and ports while clients keep posting events
 * to the ingest API. Every event answered 202 is on the event topics once and counted by the streams application and
 * the dashboard; every other answer is a 503 and its event is nowhere. Nothing is restarted but the broker.
 */
class BrokerRestartTest {
  private static final String HOST = "127.0.0.1";
  private static final String OFFICE = "shanghai";
  private static final String TOKEN = "broker-restart-token-shanghai";
  private static final List<String> PARTNERS = List.of("nl-rotterdam", "ie-cork", "jp-osaka");
  private static final Duration POST_INTERVAL = Duration.ofMillis(100);
  private static final Duration BEFORE_STOP = Duration.ofSeconds(3);
  // longer than the publisher lets a write wait (15 s) and than the ingest API's old 30 s limit: both answers occur
  private static final Duration OUTAGE = Duration.ofSeconds(35);
  // posts go on until one sent after the restart is written: those under way at the restart may take a while to end
  private static final Duration AFTER_RESTART = Duration.ofSeconds(60);
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What the ingest API answered to one POST. */
  record Answer(String eventId, String relationshipId, int status, String body, boolean sentAfterRestart) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private volatile boolean restarted;

  @Test
  @Timeout(210)
  void everyAcknowledgedEventIsCountedOnceAndEveryServiceRecoversWhenTheBrokerRestartsMidFlow(
      @TempDir Path dataDir, @TempDir Path stateDir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(4);
    EmbeddedKafka kafka = broker(dataDir, ports);
    kafka.start();
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      new TopicCreator(admin, 3, (short) 1).ensure(Topics.ALL);
    }
    Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://" + HOST + ":" + ports[2]);
    Map<String, Object> streamsConfig = new HashMap<>(config);
    streamsConfig.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    int queryPort = ports[3];
    DashboardView view = new DashboardView();
    try (EmbeddedRegistry registry = EmbeddedRegistry.start(kafka.bootstrapServers(), HOST, ports[2], (short) 1);
         AmityPublisher publisher = AmityPublisher.start(config);
         PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
         IngestApi ingest = new IngestApi(IngestSettings.defaults(HOST, 0),
             new OfficeTokens(Map.of(OFFICE, OfficeTokens.hash(TOKEN))), publisher, partners, Clock.systemUTC()).start();
         AmityStreamsApp streams = AmityStreamsApp.start(StreamsSettings.defaults()
                 .withIntervals(Duration.ofMillis(200), Duration.ofHours(1)), streamsConfig,
             new AmityStreamsApp.Options(HOST, HOST, queryPort, stateDir, 3, (short) 1,
                 new OfficeTokens(Map.of(OFFICE, OfficeTokens.hash(TOKEN)))));
         DashboardFeed feed = DashboardFeed.start(view, config)) {
      partners.put(Office.newBuilder().setOfficeId(OFFICE).setNameEn(OFFICE).setLevel(OfficeLevel.CITY).build());
      for (String partner : PARTNERS) {
        putRelationship(ingest, partner);
      }
      streams.awaitRunning(Duration.ofSeconds(60));

      AtomicBoolean posting = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (String partner : PARTNERS) {
        Thread client = new Thread(() -> postUntilStopped(ingest, OFFICE + "/" + partner, posting), "client-" + partner);
        client.start();
        clients.add(client);
      }
      Thread.sleep(BEFORE_STOP.toMillis());
      kafka.stop();
      Thread.sleep(OUTAGE.toMillis());
      long restarting = System.nanoTime();
      kafka = broker(dataDir, ports);
      kafka.start();
      restarted = true;
      System.out.printf("broker back after %d ms%n", (System.nanoTime() - restarting) / 1_000_000);
      awaitAWriteSentAfterTheRestart();
      posting.set(false);
      for (Thread client : clients) {
        client.join(WAIT_LIMIT.toMillis());
      }

      Map<Integer, Long> statuses = answers.values().stream()
          .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
      System.out.println("answers by status: " + statuses);
      assertThat(answers.values()).as("every answer is 202 or a clear 503")
          .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(202, 503));
      assertThat(answers.values()).as("events acknowledged after the restart")
          .anyMatch(answer -> answer.sentAfterRestart() && answer.status() == 202);

      Map<String, Integer> copies = eventIdsOnTheEventTopics(config);
      for (Answer answer : answers.values()) {
        int expected = answer.status() == 202 ? 1 : 0;
        assertThat(copies.getOrDefault(answer.eventId(), 0)).as("copies of %s on the event topics", answer)
            .isEqualTo(expected);
      }
      assertThat(answers.values()).filteredOn(answer -> answer.status() == 503)
          .allSatisfy(answer -> assertThat(answer.body()).as(answer.toString()).contains("nothing was written"));

      Map<String, Integer> acknowledged = new TreeMap<>();
      answers.values().stream().filter(answer -> answer.status() == 202)
          .forEach(answer -> acknowledged.merge(answer.relationshipId(), 1, Integer::sum));
      assertThat(acknowledged).containsOnlyKeys(PARTNERS.stream().map(p -> OFFICE + "/" + p).toList());
      assertThat(awaitValue(() -> exchangesInTheQueryApi(queryPort), acknowledged))
          .as("exchanges per relationship in the streams query API").isEqualTo(acknowledged);
      assertThat(awaitValue(() -> exchangesOnTheDashboard(view), acknowledged))
          .as("exchanges per relationship in the dashboard feed").isEqualTo(acknowledged);
      assertThat(streams.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(get("http://" + HOST + ":" + queryPort + "/health/ready").statusCode()).isEqualTo(200);
    } finally {
      kafka.close();
    }
  }

  private void awaitAWriteSentAfterTheRestart() throws InterruptedException {
    long deadline = System.nanoTime() + AFTER_RESTART.toNanos();
    while (System.nanoTime() < deadline
        && answers.values().stream().noneMatch(answer -> answer.sentAfterRestart() && answer.status() == 202)) {
      Thread.sleep(100);
    }
  }

  private static EmbeddedKafka broker(Path dataDir, int[] ports) {
    return EmbeddedKafka.builder(dataDir.resolve("kafka")).host(HOST).brokerPort(ports[0]).controllerPort(ports[1])
        .build();
  }

  private void postUntilStopped(IngestApi ingest, String relationshipId, AtomicBoolean posting) {
    int sent = 0;
    while (posting.get()) {
      boolean afterRestart = restarted;
      String eventId = "restart:" + relationshipId + ":" + sent++;
      try {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/v1/events"))
            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(videoMeeting(eventId, relationshipId).toString())).build(),
            HttpResponse.BodyHandlers.ofString());
        answers.put(eventId, new Answer(eventId, relationshipId, answer.statusCode(), answer.body(), afterRestart));
        Thread.sleep(POST_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        answers.put(eventId, new Answer(eventId, relationshipId, -1, e.toString(), afterRestart));
      }
    }
  }

  private static ObjectNode videoMeeting(String eventId, String relationshipId) {
    ObjectNode event = JSON.createObjectNode().put("type", "VideoMeeting").put("eventId", eventId)
        .put("occurredAt", Instant.now().minusSeconds(60).toString()).put("source", "broker-restart-test")
        .put("summary", "video meeting " + eventId).put("level", "DEPARTMENT");
    event.putArray("relationshipIds").add(relationshipId);
    event.putArray("domains").add("EDUCATION_AND_YOUTH");
    return event;
  }

  private static void putRelationship(IngestApi ingest, String partner) throws Exception {
    ObjectNode relationship = JSON.createObjectNode().put("partnerNameEn", partner).put("country",
            partner.substring(0, 2).toUpperCase()).put("kind", "SISTER_CITY").put("partnerLevel", "CITY")
        .put("establishedOn", "2005-03-01").put("status", "FORMAL");
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
            URI.create(ingest.url() + "/api/v1/relationships/" + partner))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(relationship.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** eventId → how many times it is on the event topics, committed records only. */
  private static Map<String, Integer> eventIdsOnTheEventTopics(Map<String, Object> config) {
    Map<String, Object> consumerConfig = new HashMap<>(config);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    Map<String, Integer> copies = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (TopicSpec topic : Topics.EVENTS) {
        consumer.partitionsFor(topic.name(), WAIT_LIMIT)
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT_LIMIT);
      long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read the event topics to their end in time").isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          SpecificRecord event = serde.deserializer().deserialize(record.topic(), record.value());
          copies.merge(EventTypes.envelopeOf(event).getEventId(), 1, Integer::sum);
        }
      }
    }
    return copies;
  }

  private static Map<String, Integer> exchangesInTheQueryApi(int queryPort) throws Exception {
    Map<String, Integer> exchanges = new TreeMap<>();
    for (String partner : PARTNERS) {
      HttpResponse<String> answer = get("http://" + HOST + ":" + queryPort + "/api/v1/vitality/" + OFFICE + "/" + partner);
      if (answer.statusCode() == 200) {
        exchanges.put(OFFICE + "/" + partner, JSON.readTree(answer.body()).path("exchanges").asInt());
      }
    }
    return exchanges;
  }

  private static Map<String, Integer> exchangesOnTheDashboard(DashboardView view) {
    Map<String, Integer> exchanges = new TreeMap<>();
    for (String partner : PARTNERS) {
      view.vitality(OFFICE + "/" + partner).ifPresent(v -> exchanges.put(v.getRelationshipId(), v.getExchanges()));
    }
    return exchanges;
  }

  /** Polls until the value equals the expected one or the wait limit passes, and returns the last value seen. */
  private static <T> T awaitValue(ThrowingSupplier<T> value, T expected) throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    T seen = value.get();
    while (!seen.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      seen = value.get();
    }
    return seen;
  }

  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
