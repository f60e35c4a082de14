package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.amity.aggregates.Band;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over a view filled by hand: login required, filters, sorting, CSV, history, read-only. */
class DashboardApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String PASSWORD = "correct horse 马";
  private static DashboardServer server;
  private static final DashboardView VIEW = new DashboardView();

  @BeforeAll
  static void start() {
    Instant now = Instant.now();
    Relationship rotterdam = Fixtures.relationship("shanghai/nl-rotterdam", "Rotterdam", "鹿特丹", "NL", "Europe",
        RelationshipKind.SISTER_CITY, LocalDate.of(1979, 5, 29));
    Relationship la = Fixtures.relationship("shanghai/us-los-angeles", "Los Angeles", "洛杉矶", "US", "North America",
        RelationshipKind.PORT_PARTNERSHIP, LocalDate.of(1979, 6, 1));
    Relationship hirakata = Fixtures.relationship("shanghai-changning/jp-hirakata", "Hirakata, \"Osaka\"", "枚方市",
        "JP", "Asia", RelationshipKind.SISTER_CITY, LocalDate.of(1987, 1, 1));
    VIEW.putRelationship(rotterdam.getRelationshipId(), rotterdam);
    VIEW.putRelationship(la.getRelationshipId(), la);
    VIEW.putRelationship(hirakata.getRelationshipId(), hirakata);
    VIEW.putOffice("shanghai", Fixtures.office("shanghai", "Shanghai FAO", "上海市外办", null));
    VIEW.putVitality(rotterdam.getRelationshipId(), Fixtures.vitality(rotterdam, now.minusSeconds(86_400 * 30), 55, Band.ACTIVE, 3));
    VIEW.putVitality(rotterdam.getRelationshipId(), Fixtures.vitality(rotterdam, now, 68, Band.THRIVING, 2));
    VIEW.putVitality(la.getRelationshipId(), Fixtures.vitality(la, now, 12, Band.COOLING, 200));
    VIEW.putVitality(hirakata.getRelationshipId(), Fixtures.vitality(hirakata, now, 40, Band.ACTIVE, 20));
    VIEW.putRollup("shanghai", Fixtures.rollup("shanghai", null, 1, 2));
    VIEW.putRollup("shanghai-changning", Fixtures.rollup("shanghai-changning", "shanghai", 1, 1));
    VIEW.addAlert(Fixtures.anniversary(rotterdam, 50, LocalDate.now().plusDays(30)));
    VIEW.addAlert(Fixtures.anniversary(rotterdam, 50, LocalDate.now().plusDays(30)));
    DashboardUsers users = new DashboardUsers(Map.of("wang", PasswordHashes.hash(PASSWORD.toCharArray())));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0, "http://127.0.0.1:9"), users, VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void onlyHealthAndTheLoginPageAreOpen() throws Exception {
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/login", null).statusCode()).isEqualTo(200);
    HttpResponse<String> api = get("/api/v1/partners", null);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(api.body()).path("error").asText()).contains("Sign in");
    HttpResponse<String> page = get("/partners", null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login?next=%2Fpartners"));
    assertThat(get("/webjars/chart.js/4.4.1/dist/chart.umd.js", null).statusCode()).isEqualTo(302);
    assertThat(get("/api/v1/partners.csv", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/live", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/partners", basic("wang", "wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/partners", basic("nobody", PASSWORD)).statusCode()).isEqualTo(401);
  }

  @Test
  void theLoginFormStartsASessionAndAWrongPasswordDoesNot() throws Exception {
    HttpResponse<String> failed = post("/login", "username=wang&password=nope&next=%2Fpartners");
    assertThat(failed.statusCode()).isEqualTo(302);
    assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("failed=1");
    HttpResponse<String> ok = post("/login", "username=wang&password="
        + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fpartners");
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location")).hasValue("/partners");
    String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("AMITY_DASHBOARD="))
        .findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly");
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri("/partners"))
        .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/chart.js/4.4.1/dist/chart.umd.js");
    assertThat(HTTP.send(HttpRequest.newBuilder(uri("/webjars/chart.js/4.4.1/dist/chart.umd.js"))
        .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theDashboardIsReadOnly() throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/partners"))
        .header("Authorization", basic("wang", PASSWORD)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(405);
  }

  @Test
  void partnersAreFilteredByOfficeBandRegionAndKindAndSorted() throws Exception {
    JsonNode all = json("/api/v1/partners");
    assertThat(all.path("count").asInt()).isEqualTo(3);
    assertThat(all.path("partners").findValuesAsText("relationshipId")).containsExactly(
        "shanghai/nl-rotterdam", "shanghai-changning/jp-hirakata", "shanghai/us-los-angeles");
    assertThat(all.path("partners").get(0).path("partnerNameZh").asText()).isEqualTo("鹿特丹");
    assertThat(all.path("partners").get(0).path("sparkline")).hasSize(2);
    assertThat(json("/api/v1/partners?office=shanghai").path("count").asInt()).isEqualTo(2);
    assertThat(json("/api/v1/partners?band=COOLING").path("partners").findValuesAsText("relationshipId"))
        .containsExactly("shanghai/us-los-angeles");
    assertThat(json("/api/v1/partners?band=THRIVING,ACTIVE").path("count").asInt()).isEqualTo(2);
    assertThat(json("/api/v1/partners?region=Asia").path("partners").findValuesAsText("partnerId"))
        .containsExactly("jp-hirakata");
    assertThat(json("/api/v1/partners?kind=PORT_PARTNERSHIP").path("count").asInt()).isEqualTo(1);
    assertThat(json("/api/v1/partners?office=shanghai&kind=SISTER_CITY&band=THRIVING").path("count").asInt())
        .isEqualTo(1);
    assertThat(json("/api/v1/partners?q=鹿特").path("count").asInt()).isEqualTo(1);
    assertThat(json("/api/v1/partners?sort=days&order=desc").path("partners").get(0).path("partnerId").asText())
        .isEqualTo("us-los-angeles");
    assertThat(json("/api/v1/partners?sort=name&order=asc").path("partners").get(0).path("partnerId").asText())
        .isEqualTo("jp-hirakata");
    assertThat(json("/api/v1/partners").path("facets").path("regions").toString())
        .isEqualTo("[\"Asia\",\"Europe\",\"North America\"]");
  }

  @Test
  void theCsvExportHasTheFilteredRowsQuoted() throws Exception {
    HttpResponse<String> csv = get("/api/v1/partners.csv?office=shanghai-changning", basic("wang", PASSWORD));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("amity-partners.csv");
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("relationshipId,officeId,partnerId,partnerNameEn,partnerNameZh");
    assertThat(lines[1]).startsWith("shanghai-changning/jp-hirakata,shanghai-changning,jp-hirakata,\"Hirakata, \"\"Osaka\"\"\",枚方市,JP,Asia,SISTER_CITY,40,ACTIVE,20,20,");
  }

  @Test
  void theOverviewCountsBandsPerOfficeRanksOfficesAndListsAlertsOnce() throws Exception {
    JsonNode overview = json("/api/v1/overview");
    JsonNode shanghai = overview.path("offices").get(0);
    assertThat(shanghai.path("officeId").asText()).isEqualTo("shanghai");
    assertThat(shanghai.path("nameZh").asText()).isEqualTo("上海市外办");
    assertThat(shanghai.path("bands").path("THRIVING").asInt()).isEqualTo(1);
    assertThat(shanghai.path("bands").path("COOLING").asInt()).isEqualTo(1);
    assertThat(overview.path("ranking")).hasSize(2);
    assertThat(overview.path("alerts")).hasSize(1);
    assertThat(overview.path("bands").path("ACTIVE").asInt()).isEqualTo(1);
  }

  @Test
  void aPartnerHasItsComponentsHistoryAndUpcomingAnniversary() throws Exception {
    JsonNode partner = json("/api/v1/partners/shanghai/nl-rotterdam");
    assertThat(partner.path("vitality").path("score").asInt()).isEqualTo(68);
    assertThat(partner.path("vitality").path("breadth").asDouble()).isEqualTo(0.5);
    assertThat(partner.path("vitality").path("topContributors").get(0).path("eventId").asText()).isEqualTo("visit-1");
    assertThat(partner.path("history")).hasSize(2);
    assertThat(partner.path("upcoming").get(0).path("anniversaryYears").asInt()).isEqualTo(50);
    JsonNode history = json("/api/v1/partners/shanghai/nl-rotterdam/history");
    assertThat(history.path("source").asText()).as("the streams URL answers nothing: what the dashboard saw")
        .isEqualTo("dashboard");
    assertThat(history.path("history").findValuesAsText("band")).containsExactly("ACTIVE", "THRIVING");
    assertThat(get("/api/v1/partners/shanghai/xx-nowhere", basic("wang", PASSWORD)).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/partners?alerts=x", basic("wang", PASSWORD)).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/overview?alerts=x", basic("wang", PASSWORD)).statusCode()).isEqualTo(400);
  }

  @Test
  void passwordHashesAreSaltedAndChecked() {
    String one = PasswordHashes.hash("secret".toCharArray());
    assertThat(one).startsWith("pbkdf2-sha256$").isNotEqualTo(PasswordHashes.hash("secret".toCharArray()));
    assertThat(PasswordHashes.matches("secret".toCharArray(), one)).isTrue();
    assertThat(PasswordHashes.matches("Secret".toCharArray(), one)).isFalse();
    assertThat(PasswordHashes.matches("secret".toCharArray(), "plain")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DashboardUsers(Map.of("li", "5e884898da")))
        .hasMessageContaining("user li").hasMessageContaining("--hash-password");
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> answer = get(path, basic("wang", PASSWORD));
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(server.url() + path.replace("鹿特", "%E9%B9%BF%E7%89%B9"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
