package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Band;
import org.amity.consumers.view.DashboardView;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ended and suspended relationships are shown as such, apart from the bands: in the table, its filters and the overview. */
class DashboardLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "共同繁荣";
  private static final DashboardView VIEW = new DashboardView();
  private static DashboardServer server;

  @BeforeAll
  static void start() {
    Instant now = Instant.now();
    put(relationship("jinan/us-sacramento", "Sacramento", "萨克拉门托", RelationshipStatus.ENDED), now, Band.DORMANT);
    put(relationship("jinan/fr-lyon", "Lyon", "里昂", RelationshipStatus.SUSPENDED), now, Band.COOLING);
    put(relationship("jinan/nz-dunedin", "Dunedin", "达尼丁", RelationshipStatus.FORMAL), now, Band.DORMANT);
    VIEW.putOffice("jinan", Fixtures.office("jinan", "Jinan FAO", "济南市外办", null));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0),
        new DashboardUsers(Map.of("zhang", PasswordHashes.hash(PASSWORD.toCharArray()))), VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anEndedRelationshipIsShownAsEndedAndLeftOutOfTheDormantOnes() throws Exception {
    JsonNode sacramento = row(get("/api/v1/partners"), "jinan/us-sacramento");
    assertThat(sacramento.path("status").asText()).isEqualTo("ENDED");
    assertThat(sacramento.path("band").asText()).isEqualTo("ENDED");
    assertThat(ids(get("/api/v1/partners?band=DORMANT"))).containsExactly("jinan/nz-dunedin");
    assertThat(ids(get("/api/v1/partners?band=ENDED,SUSPENDED"))).containsExactlyInAnyOrder("jinan/us-sacramento", "jinan/fr-lyon");
  }

  @Test
  void theOverviewCountsEndedAndSuspendedRelationshipsApartFromTheBands() throws Exception {
    JsonNode overview = get("/api/v1/overview");
    JsonNode jinan = overview.path("offices").get(0);
    assertThat(jinan.path("officeId").asText()).isEqualTo("jinan");
    assertThat(jinan.path("relationships").asInt()).isEqualTo(1);
    assertThat(jinan.path("bands").path("DORMANT").asInt()).isEqualTo(1);
    assertThat(jinan.path("bands").path("COOLING").asInt()).isZero();
    assertThat(jinan.path("suspended").asInt()).isEqualTo(1);
    assertThat(jinan.path("ended").asInt()).isEqualTo(1);
    assertThat(overview.path("bands").path("DORMANT").asInt()).isEqualTo(1);
  }

  private static void put(Relationship r, Instant now, Band band) {
    VIEW.putRelationship(r.getRelationshipId(), r);
    VIEW.putVitality(r.getRelationshipId(), Fixtures.vitality(r, now, 5, band, 400));
  }

  private static Relationship relationship(String id, String nameEn, String nameZh, RelationshipStatus status) {
    Relationship r = Fixtures.relationship(id, nameEn, nameZh, "US", "North America", RelationshipKind.SISTER_CITY,
        LocalDate.of(1985, 7, 1));
    return Relationship.newBuilder(r).setStatus(status).build();
  }

  private static JsonNode row(JsonNode partners, String id) {
    for (JsonNode row : partners.path("partners")) {
      if (row.path("relationshipId").asText().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no row " + id + " in " + partners);
  }

  private static List<String> ids(JsonNode partners) {
    List<String> ids = new ArrayList<>();
    partners.path("partners").forEach(row -> ids.add(row.path("relationshipId").asText()));
    return ids;
  }

  private static JsonNode get(String path) throws Exception {
    String credentials = Base64.getEncoder().encodeToString(("zhang:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
