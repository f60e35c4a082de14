package org.amity.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OpsEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<String> kafka = new AtomicReference<>();
  private Telemetry telemetry;
  private OpsServer server;

  @BeforeEach
  void start() {
    telemetry = Telemetry.of("tester");
    Health health = new Health()
        .live("threads", Optional::empty)
        .ready("kafka", () -> Optional.ofNullable(kafka.get()));
    server = OpsServer.start("127.0.0.1", 0, telemetry, health);
  }

  @AfterEach
  void stop() {
    server.close();
    telemetry.close();
  }

  @Test
  void readyFollowsItsChecksWhileLiveDoesNot() throws Exception {
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
    kafka.set("no broker answers at localhost:9092");

    HttpResponse<String> ready = get("/health/ready", null);
    HttpResponse<String> live = get("/health/live", null);

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"kafka\":{\"status\":\"DOWN\",\"reason\":\"no broker answers at localhost:9092\"}");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).doesNotContain("kafka");
  }

  @Test
  void metricsShowTheJvmAndEachRequestTaggedWithTheRole() throws Exception {
    get("/health/ready", null);
    get("/no/such/page", null);

    String metrics = get("/metrics", null).body();

    assertThat(metrics).contains("jvm_memory_used_bytes{");
    assertThat(metrics).containsPattern(
        "http_server_requests_seconds_count\\{[^}]*role=\"tester\"[^}]*status=\"200\",uri=\"/health/ready\"} 1");
    assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\",uri=\"unmatched\"} 1");
  }

  @Test
  void aWellFormedRequestIdIsKeptAndAnyOtherReplaced() throws Exception {
    assertThat(get("/health/live", "batch-42").headers().firstValue("X-Request-Id")).contains("batch-42");
    String replaced = get("/health/live", "not an id <script>").headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(replaced).matches("[0-9a-f-]{36}");
  }

  @Test
  void theAccessLogCarriesTheRequestIdAndNeitherTheQueryNorTheOperatorsPaths() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger(OpsEndpoints.ACCESS_LOG);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      get("/health/live", "probe-1");
      get("/no/such/page?token=secret-token", "batch-7");
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (lines.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      access.detachAppender(lines);
    }
    assertThat(lines.list).singleElement().satisfies(line -> {
      assertThat(line.getFormattedMessage()).startsWith("GET /no/such/page 404 ").doesNotContain("secret-token");
      assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "batch-7");
    });
  }

  @Test
  void aMethodNoOneKnowsIsCountedAsOtherSoThatTheSeriesStayFew() throws Exception {
    for (String invented : new String[] {"BREW", "WHEN", "XYZZY"}) {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
          .method(invented, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
    String metrics = get("/metrics", null).body();
    assertThat(metrics).contains("method=\"OTHER\"").doesNotContain("BREW", "XYZZY");
  }

  private HttpResponse<String> get(String path, String requestId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
