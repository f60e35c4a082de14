package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amity platform}, {@code amity streams}, {@code amity ingest} and {@code amity dashboard} as four processes,
 * configured as an operator would (one configuration file, ports and credentials from the environment), with the
 * demo data loaded by {@code amity load-demo}: the dashboard shows what the streams application computed from what
 * came in, and an event POSTed to the ingest API reaches the dashboard.
 */
class SeparateProcessesIT {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String USER = "li.wei";
  private static final String PASSWORD = "separate-processes";
  private static final String TOKEN = OfficeTokens.newToken();

  @Test
  void ingestStreamsAndDashboardWorkTogetherAgainstOnePlatform(@TempDir Path dir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(6);
    Path config = Files.writeString(dir.resolve("amity.properties"), String.join("\n",
        "bootstrap-servers=127.0.0.1:" + ports[0],
        "schema-registry-url=http://127.0.0.1:" + ports[2],
        "platform.kafka-port=" + ports[0],
        "platform.controller-port=" + ports[1],
        "platform.registry-port=" + ports[2],
        "platform.data-dir=" + dir.resolve("data"),
        "streams.state-dir=" + dir.resolve("streams"),
        "streams.query-port=" + ports[3],
        "dashboard.streams-url=http://127.0.0.1:" + ports[3], ""));
    Map<String, String> env = Map.of("AMITY_CONFIG", config.toString());

    try (AmityProcess platform = AmityProcess.start(dir.resolve("platform.log"), env, "platform")) {
      platform.awaitOutput("Press Ctrl-C", LIMIT);
      try (AmityProcess streams = AmityProcess.start(dir.resolve("streams.log"), with(env, "AMITY_STREAMS_TOKENS",
              "shanghai=" + OfficeTokens.hash(TOKEN)), "streams");
          AmityProcess ingest = AmityProcess.start(dir.resolve("ingest.log"), with(env, "AMITY_PORT", "" + ports[4],
              "AMITY_INGEST_TOKENS", "shanghai=" + OfficeTokens.hash(TOKEN)), "ingest");
          AmityProcess dashboard = AmityProcess.start(dir.resolve("dashboard.log"), with(env, "AMITY_PORT",
              "" + ports[5], "AMITY_DASHBOARD_USERS", USER + "=" + PasswordHashes.hash(PASSWORD.toCharArray()),
              "AMITY_DASHBOARD_STREAMS_TOKENS", "shanghai=" + TOKEN),
              "dashboard")) {
        AmityProcess loader = AmityProcess.start(dir.resolve("load-demo.log"), env, "load-demo");
        assertThat(loader.awaitExit(LIMIT)).as("load-demo exit code").isZero();
        assertThat(loader.output()).contains("Demo data: 47 relationships");

        DashboardClient viewer = new DashboardClient("http://127.0.0.1:" + ports[5], USER, PASSWORD);
        viewer.awaitDemoPartners(LIMIT);
        String partner = firstDormantPartnerOfShanghai(viewer);
        ingest.awaitOutput("Ingest API:", LIMIT);
        postAMayoralVisitAndAMemorandum(ports[4], partner);
        viewer.await("/api/v1/partners?office=shanghai", partners -> !band(partners, partner).equals("DORMANT"), LIMIT,
            partner + " out of DORMANT");
        viewer.await("/api/v1/partners/" + partner + "/history", h -> h.path("source").asText().equals("streams"),
            LIMIT, "the score history from the streams query API, asked with Shanghai's token");
        assertThat(queryWithoutToken(ports[3])).as("the streams query API without a token").isEqualTo(401);
        assertThat(streams.isAlive()).isTrue();
      }
    }
  }

  private static int queryWithoutToken(int queryPort) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryPort + "/api/v1/vitality")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Map<String, String> with(Map<String, String> env, String... pairs) {
    Map<String, String> more = new java.util.HashMap<>(env);
    for (int i = 0; i < pairs.length; i += 2) {
      more.put(pairs[i], pairs[i + 1]);
    }
    return more;
  }

  private static String firstDormantPartnerOfShanghai(DashboardClient viewer) throws InterruptedException {
    for (JsonNode partner : viewer.get("/api/v1/partners?office=shanghai&band=DORMANT").path("partners")) {
      return partner.path("relationshipId").asText();
    }
    throw new AssertionError("no dormant demo partner of Shanghai");
  }

  private static String band(JsonNode partners, String relationshipId) {
    for (JsonNode partner : partners.path("partners")) {
      if (partner.path("relationshipId").asText().equals(relationshipId)) {
        return partner.path("band").asText();
      }
    }
    return "";
  }

  private static void postAMayoralVisitAndAMemorandum(int ingestPort, String relationshipId) throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    ObjectNode body = JSON.createObjectNode();
    body.putArray("events")
        .add(event("DelegationVisited", "separate-processes-visit", relationshipId, "ECONOMY_AND_TRADE")
            .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("startDate", today))
        .add(event("AgreementSigned", "separate-processes-memorandum", relationshipId, "EDUCATION_AND_YOUTH")
            .put("kind", "MEMORANDUM").put("title", "Memorandum on education").put("signedOn", today));
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort
            + "/api/v1/events")).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
  }

  private static ObjectNode event(String type, String eventId, String relationshipId, String domain) {
    ObjectNode event = JSON.createObjectNode().put("type", type).put("eventId", eventId)
        .put("occurredAt", Instant.now().minusSeconds(60).toString())
        .put("source", "separate-processes-test").put("summary", type + " " + eventId);
    event.putArray("relationshipIds").add(relationshipId);
    event.putArray("domains").add(domain);
    return event;
  }
}
