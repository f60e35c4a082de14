package org.amity.consumers.notifier;

import static org.amity.consumers.notifier.NotifierFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amity.aggregates.Alert;
import org.amity.platform.EmbeddedPlatformExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier posting to a webhook served on 127.0.0.1 by the JDK's HTTP server. */
@ExtendWith(EmbeddedPlatformExtension.class)
class WebhookNotifierTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotifierFixture fixture = new NotifierFixture();
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // /flaky answers 500 twice, then 200; /refusing always answers 400.
    server.createContext("/flaky", exchange -> answer(exchange, calls("/flaky") <= 2 ? 500 : 200));
    server.createContext("/ok", exchange -> {
      calls("/ok");
      answer(exchange, 200);
    });
    server.createContext("/refusing", exchange -> {
      calls("/refusing");
      answer(exchange, 400);
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private int calls(String path) {
    return calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] body = (status == 200 ? "ok" : "no: " + status).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Notifier start(String group, String hookPath) throws InterruptedException {
    Properties p = fixture.properties(group);
    p.setProperty("route.chat.office", fixture.office);
    p.setProperty("route.chat.to", url(hookPath));
    p.setProperty("responsible-officer", "never");
    return Notifier.start(NotifierSettings.from(p), fixture.clientConfig()).awaitRunning(DEADLINE);
  }

  @Test
  void aWebhookAnswering500IsRetriedThenDeliveredOnceAsJsonWithText() throws Exception {
    Alert alert = fixture.dormant("nl-rotterdam", "officer.wang@city.example.org");
    try (Notifier notifier = start("flaky", "/flaky")) {
      fixture.publish(alert);
      await("delivered after the 500s", DEADLINE, () -> notifier.stats().delivered() == 1);
      assertThat(notifier.stats().failedTries()).isEqualTo(2);
      assertThat(notifier.stats().deadLettered()).isZero();
    }
    assertThat(calls.get("/flaky").get()).as("two 500s and one 200, nothing after").isEqualTo(3);
    JsonNode posted = JSON.readTree(bodies.get(2));
    assertThat(posted.path("text").asText()).contains("鹿特丹（Rotterdam）", "活力等级由“趋冷”变为“休眠”", "活力值 8",
        "https://amity.example.org/partners/" + fixture.office + "/nl-rotterdam");
    assertThat(posted.path("alertId").asText()).isEqualTo(alert.getAlertId());
    assertThat(posted.path("band").asText()).isEqualTo("DORMANT");
    assertThat(posted.path("daysSinceLastExchange").asInt()).isEqualTo(400);
    assertThat(posted.path("link").asText()).as("the alert on its partner's page, where it is followed up")
        .isEqualTo("https://amity.example.org/partners/" + fixture.office + "/nl-rotterdam#alert="
            + java.net.URLEncoder.encode(alert.getAlertId(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aWebhookAnswering400IsDeadLetteredAtOnceWithTopicPartitionOffsetAndReason() throws Exception {
    Alert alert = fixture.dormant("jp-hirakata", null);
    try (Notifier notifier = start("refusing", "/refusing")) {
      fixture.publish(alert);
      await("dead-lettered", DEADLINE, () -> notifier.stats().deadLettered() == 1);
      assertThat(notifier.stats().delivered()).isZero();
      assertThat(notifier.stats().failedTries()).as("a 400 is not retried").isZero();
    }
    assertThat(calls.get("/refusing").get()).isEqualTo(1);

    ConsumerRecord<byte[], byte[]> letter = readOne(fixture.deadLetterTopic);
    Map<String, String> headers = new HashMap<>();
    for (Header header : letter.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    assertThat(headers).containsEntry("__notifier.errors.topic", fixture.alertsTopic)
        .containsEntry("__notifier.errors.offset", "0")
        .containsEntry("__notifier.errors.recipient", url("/refusing"))
        .containsKey("__notifier.errors.partition");
    assertThat(headers.get("__notifier.errors.message")).contains("400");
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(alert.getRelationshipId());

    try (DeliveryLog deliveries = new DeliveryLog(fixture.clientConfig(), fixture.deliveriesTopic)) {
      deliveries.catchUp();
      DeliveryLog.Entry entry = deliveries.get(alert.getAlertId(), url("/refusing"));
      assertThat(entry.status()).as("the failure is on record for a dashboard").isEqualTo(DeliveryLog.Status.FAILED);
      assertThat(entry.reason()).contains("400");
    }
  }

  @Test
  void aRecordThatIsNoAlertIsDeadLetteredAndTheAlertsAfterItAreStillDelivered() throws Exception {
    Alert alert = fixture.dormant("pt-lisboa", null);
    try (Notifier notifier = start("garbage", "/ok")) {
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(fixture.clientConfig(), new ByteArraySerializer(),
          new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(fixture.alertsTopic, 0, utf8(alert.getRelationshipId()), utf8("not avro"))).get();
      }
      fixture.publish(alert);
      await("the alert delivered", DEADLINE, () -> notifier.stats().delivered() == 1);
      assertThat(notifier.stats().deadLettered()).isEqualTo(1);
    }
    ConsumerRecord<byte[], byte[]> letter = readOne(fixture.deadLetterTopic);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(new String(letter.headers().lastHeader("__notifier.errors.message").value(), StandardCharsets.UTF_8))
        .startsWith("not an Alert");
    assertThat(new String(letter.headers().lastHeader("__notifier.errors.partition").value(), StandardCharsets.UTF_8))
        .isEqualTo("0");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) throws InterruptedException {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await("a dead letter", DEADLINE, () -> {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return !records.isEmpty();
      });
      assertThat(records).hasSize(1);
      return records.get(0);
    }
  }
}
