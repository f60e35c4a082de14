package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.amity.access.OfficeTokens;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.platform.EmbeddedRegistry;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.events.EventJson;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker with a SASL/SCRAM listener as its only client listener: Amity's services connect with a user's
 * credentials in their client configuration, and a client without credentials, or with a wrong password, gets nothing.
 * Passwords are generated for each run.
 */
class SaslScramTest {
  private static final String HOST = "127.0.0.1";
  private static final String USER = "amity";
  private static final String RELATIONSHIP = "shanghai/nl-rotterdam";
  private static final String QUERY_TOKEN = "scram-test-query-token-shanghai";
  private static final String TOPIC = "sasl-test";
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);
  private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;

  private static final String password = newPassword();
  private static EmbeddedKafka kafka;
  private static EmbeddedRegistry registry;

  @BeforeAll
  static void startBrokerAndRegistry() {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
    kafka = EmbeddedKafka.builder(dir.resolve("kafka")).host(HOST).brokerPort(ports[0]).controllerPort(ports[1])
        .scramUsers("broker", Map.of("broker", newPassword(), USER, password))
        .build();
    kafka.start();
    registry = EmbeddedRegistry.start(kafkaConfig(USER, password), HOST, 0, (short) 1);
  }

  @AfterAll
  static void stopRegistryAndBroker() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void amitysServicesAndTheCommandLineConnectWithScramCredentialsAndTheVitalityOfARelationshipAppears()
      throws Exception {
    Map<String, Object> config = new HashMap<>(kafkaConfig(USER, password));
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    Map<String, Object> streamsConfig = new HashMap<>(config);
    streamsConfig.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    int queryPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
    DashboardView view = new DashboardView();

    try (AmityStreamsApp streams = AmityStreamsApp.start(StreamsSettings.defaults(), streamsConfig,
             new AmityStreamsApp.Options(HOST, HOST, queryPort, Files.createDirectories(dir.resolve("state")), 3,
                 (short) 1, new OfficeTokens(Map.of("shanghai", OfficeTokens.hash(QUERY_TOKEN)))));
         DashboardFeed feed = DashboardFeed.start(view, config)) {
      registerTheRelationshipOnTheCommandLine();
      try (AmityPublisher publisher = AmityPublisher.start(config)) {
        publisher.publish(EventJson.read(mayoralVisit(), "", Instant.now())).get();
      }

      JsonNode queried = awaitVitalityWithTheVisitFromTheQueryApi(queryPort);
      assertThat(queried.path("band").asText()).isEqualTo("ACTIVE");
      RelationshipVitality onTheDashboard = awaitVitalityWithTheVisitOnTheDashboard(view);
      assertThat(onTheDashboard.getBand()).isEqualTo(Band.ACTIVE);
      assertThat(onTheDashboard.getScore()).isEqualTo(queried.path("score").asInt());
    }
  }

  @Test
  void aClientWithoutCredentialsCanNeitherWriteNorReadAndOneWithAWrongPasswordIsRefused() throws Exception {
    Map<String, Object> credentials = kafkaConfig(USER, password);
    try (Admin admin = Admin.create(credentials)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    write(credentials, WAIT_LIMIT);
    assertThat(read(credentials, WAIT_LIMIT)).containsExactly("written with credentials");

    // The broker expects a SASL handshake first and closes the connection on anything else; the client knows no
    // reason, reconnects and keeps waiting for metadata until its time runs out.
    Map<String, Object> noCredentials = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    assertThatThrownBy(() -> write(noCredentials, REFUSAL_LIMIT)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TimeoutException.class).hasMessageContaining("not present in metadata");
    assertThatThrownBy(() -> read(noCredentials, REFUSAL_LIMIT)).isInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> describeClusterThroughTheControllerListener(noCredentials))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);

    Map<String, Object> wrongPassword = kafkaConfig(USER, "not-" + password);
    assertThatThrownBy(() -> write(wrongPassword, WAIT_LIMIT)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("invalid credentials");
    assertThatThrownBy(() -> read(wrongPassword, WAIT_LIMIT)).isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("invalid credentials");
  }

  /** {@code amity partners add}, with the SASL settings in the configuration file and the password in the environment. */
  private static void registerTheRelationshipOnTheCommandLine() throws Exception {
    Path configFile = Files.writeString(dir.resolve("amity.properties"), String.join("\n",
        "bootstrap-servers=" + kafka.bootstrapServers(),
        "schema-registry-url=" + registry.url(),
        "kafka.security.protocol=SASL_PLAINTEXT",
        "kafka.sasl.mechanism=SCRAM-SHA-512", ""));
    Map<String, String> env = Map.of("AMITY_KAFKA_PROPERTY_SASL_JAAS_CONFIG", jaasConfig(USER, password));
    StringWriter err = new StringWriter();
    int officeAdded = AmityCommand.execute(new String[] {"offices", "add", "--config", configFile.toString(),
        "--office", "shanghai", "--name-en", "Shanghai", "--level", "CITY"}, env, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(officeAdded).as(err.toString()).isZero();
    int exitCode = AmityCommand.execute(new String[] {"partners", "add", "--config", configFile.toString(),
        "--office", "shanghai", "--partner", "nl-rotterdam", "--name-en", "Rotterdam", "--country", "NL",
        "--established", "1979-05-01"}, env, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(exitCode).as(err.toString()).isZero();
  }

  private static HttpRequest authorized(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + QUERY_TOKEN).build();
  }

  /** The relationship's vitality once it counts the visit; it is scored as soon as it is registered, without it. */
  private static JsonNode awaitVitalityWithTheVisitFromTheQueryApi(int queryPort) throws Exception {
    URI uri = URI.create("http://" + HOST + ":" + queryPort + "/api/v1/vitality/" + RELATIONSHIP);
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    HttpResponse<String> answer = HTTP.send(authorized(uri), HttpResponse.BodyHandlers.ofString());
    while (!(answer.statusCode() == 200 && JSON.readTree(answer.body()).path("exchanges").asInt() == 1)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = HTTP.send(authorized(uri), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(answer.statusCode()).as("the query API on %s: %s", uri, answer.body()).isEqualTo(200);
    JsonNode vitality = JSON.readTree(answer.body());
    assertThat(vitality.path("exchanges").asInt()).as("exchanges after up to %s: %s", WAIT_LIMIT, vitality).isEqualTo(1);
    return vitality;
  }

  private static RelationshipVitality awaitVitalityWithTheVisitOnTheDashboard(DashboardView view)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (view.vitality(RELATIONSHIP).map(RelationshipVitality::getExchanges).orElse(0) != 1
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    RelationshipVitality vitality = view.vitality(RELATIONSHIP)
        .orElseThrow(() -> new AssertionError("no vitality of " + RELATIONSHIP + " on the dashboard after " + WAIT_LIMIT));
    assertThat(vitality.getExchanges()).as("exchanges on the dashboard after up to %s: %s", WAIT_LIMIT, vitality)
        .isEqualTo(1);
    return vitality;
  }

  private static ObjectNode mayoralVisit() {
    ObjectNode event = JSON.createObjectNode().put("type", "DelegationVisited").put("eventId", "sasl-test:mayoral-visit")
        .put("occurredAt", Instant.now().minusSeconds(60).toString()).put("office", "shanghai")
        .put("source", "sasl-test").put("summary", "The mayor of Rotterdam visits")
        .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("leader", "the mayor")
        .put("startDate", LocalDate.now(ZoneOffset.UTC).toString());
    event.putArray("relationshipIds").add(RELATIONSHIP);
    event.putArray("domains").add("ECONOMY_AND_TRADE").add("TOURISM");
    return event;
  }

  private static void write(Map<String, Object> clientConfig, Duration limit) throws Exception {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) limit.toMillis());
    try (KafkaProducer<String, String> producer =
             new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, "written with credentials")).get();
    }
  }

  /** The topic's values, read from the beginning. */
  private static List<String> read(Map<String, Object> clientConfig, Duration limit) {
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(clientConfig, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(TOPIC, 0);
      consumer.assign(List.of(partition));
      consumer.seek(partition, consumer.beginningOffsets(List.of(partition), limit).get(partition));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + limit.toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
      return values;
    }
  }

  /** The controller listener answers some admin requests too (Admin's bootstrap.controllers). */
  private static void describeClusterThroughTheControllerListener(Map<String, Object> clientConfig) throws Exception {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    config.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, HOST + ":" + kafka.controllerPort());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL_LIMIT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_LIMIT.toMillis());
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().clusterId().get();
    }
  }

  /** What every Amity client needs on this broker besides the registry's address. */
  private static Map<String, Object> kafkaConfig(String user, String password) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
        SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
        SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
  }

  private static String jaasConfig(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
        + password + "\";";
  }

  /** URL-safe Base64, so the password needs no quoting in the JAAS configuration. */
  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
