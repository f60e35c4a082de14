package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.DashboardServer;
import org.amity.consumers.dashboard.DashboardSettings;
import org.amity.consumers.dashboard.DashboardUsers;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Office tokens, dashboard passwords and Kafka credentials appear in no log line, whether they are right or wrong:
 * everything the services log while offices and users sign in, and while clients are configured, is captured.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class SecretsNeverLoggedTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = OfficeTokens.newToken();
  private static final String WRONG_TOKEN = OfficeTokens.newToken();
  private static final String PASSWORD = "correct-horse-" + System.nanoTime();
  private static final String WRONG_PASSWORD = "wrong-horse-" + System.nanoTime();
  private static final String KAFKA_PASSWORD = "kafka-secret-" + System.nanoTime();
  private static final String REGISTRY_PASSWORD = "registry-secret-" + System.nanoTime();

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureEveryLogLine() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
  }

  @Test
  void noTokenPasswordOrCredentialAppearsInTheLogsRightOrWrong() throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers(),
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedPlatformExtension.platform().registryUrl());
    try (AmityPublisher publisher = AmityPublisher.start(config);
         PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
         IngestApi ingest = new IngestApi(IngestSettings.defaults("127.0.0.1", 0),
             new OfficeTokens(Map.of("shanghai", OfficeTokens.hash(TOKEN))), publisher, partners, Clock.systemUTC())
             .start();
         DashboardServer dashboard = new DashboardServer(new DashboardSettings("127.0.0.1", 0),
             new DashboardUsers(Map.of("li.wei", PasswordHashes.hash(PASSWORD.toCharArray()))), new DashboardView())
             .start()) {
      assertThat(get(ingest.url() + "/api/v1/relationships", "Bearer " + TOKEN)).isEqualTo(200);
      assertThat(get(ingest.url() + "/api/v1/relationships", "Bearer " + WRONG_TOKEN)).isEqualTo(401);
      assertThat(get(dashboard.url() + "/api/v1/partners", basic("li.wei", PASSWORD))).isEqualTo(200);
      assertThat(get(dashboard.url() + "/api/v1/partners", basic("li.wei", WRONG_PASSWORD))).isEqualTo(401);
      assertThat(login(dashboard.url(), WRONG_PASSWORD)).isNotEqualTo(500);
      assertThat(login(dashboard.url(), PASSWORD)).isNotEqualTo(500);
    }
    configureAClientWithCredentials();

    assertThat(logged.list).as("log lines captured").isNotEmpty();
    assertThat(logged.list).as("the access log's lines are among them")
        .anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo("org.amity.access"));
    for (String secret : List.of(TOKEN, WRONG_TOKEN, PASSWORD, WRONG_PASSWORD, KAFKA_PASSWORD, REGISTRY_PASSWORD)) {
      assertThat(logged.list).as("log lines naming a secret").noneSatisfy(event -> assertThat(text(event))
          .contains(secret));
    }
  }

  /** Kafka logs a client's whole configuration when it starts; the credentials must show as hidden. */
  private static void configureAClientWithCredentials() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers());
    config.put("security.protocol", "SASL_PLAINTEXT");
    config.put("sasl.mechanism", "SCRAM-SHA-512");
    config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"amity\""
        + " password=\"" + KAFKA_PASSWORD + "\";");
    config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "amity:" + REGISTRY_PASSWORD);
    config.put("max.block.ms", 1_000);
    new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()).close(Duration.ofSeconds(1));
  }

  /** The line as text, with its throwable, and as the JSON line AMITY_LOG_FORMAT=json writes (context included). */
  private static String text(ILoggingEvent event) {
    JsonEncoder json = new JsonEncoder();
    json.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    json.start();
    return event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
        : ThrowableProxyUtil.asString(event.getThrowableProxy())) + new String(json.encode(event), StandardCharsets.UTF_8);
  }

  private static int get(String url, String authorization) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int login(String url, String password) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=li.wei&password=" + password + "&next=%2F")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
