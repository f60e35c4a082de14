package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Band;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.EventValidator;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.ProjectMilestone;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over a view filled by hand: login required, filters, sorting, CSV, history, timeline; it only reads. */
class DashboardApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String PASSWORD = "correct horse 马";
  private static DashboardServer server;
  private static DashboardUsers users;
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static final String LA = "shanghai/us-los-angeles";
  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
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
    VIEW.putVitality(hirakata.getRelationshipId(),
        Fixtures.vitality(hirakata, now.minus(Duration.ofDays(10)), 40, Band.ACTIVE, 20));
    VIEW.putRollup("shanghai", Fixtures.rollup("shanghai", null, 1, 2));
    VIEW.putRollup("shanghai-changning", Fixtures.rollup("shanghai-changning", "shanghai", 1, 1));
    VIEW.addAlert(Fixtures.anniversary(rotterdam, 50, LocalDate.now().plusDays(30)));
    VIEW.addAlert(Fixtures.anniversary(rotterdam, 50, LocalDate.now().plusDays(30)));
    users = new DashboardUsers(Map.of("wang", PasswordHashes.hash(PASSWORD.toCharArray())));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0, "http://127.0.0.1:9", Map.of("shanghai", "any-token")), users, VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void onlyTheOperatorsEndpointsAndTheLoginPageAreOpen() throws Exception {
    assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", null).body())
        .contains("amity_dashboard_relationships{application=\"amity\",role=\"dashboard\"} 3.0");
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
    for (HttpResponse<String> refused : List.of(get("/api/v1/partners", basic("wang", "wrong")),
        get("/api/v1/partners", basic("nobody", PASSWORD)))) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("用户名或密码错误 / Wrong user name or password");
    }
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
    java.util.regex.Matcher chart = java.util.regex.Pattern.compile("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.js")
        .matcher(page.body());
    assertThat(chart.find()).as("the page loads Chart.js from its webjar").isTrue();
    assertThat(HTTP.send(HttpRequest.newBuilder(uri(chart.group()))
        .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void everythingButFollowUpStepsIsReadOnly() throws Exception {
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
    assertThat(json("/api/v1/partners?q=" + URLEncoder.encode("欧洲", StandardCharsets.UTF_8)).path("partners")
        .findValuesAsText("partnerId")).containsExactly("nl-rotterdam");
    assertThat(json("/api/v1/partners?q=north%20am").path("partners").findValuesAsText("partnerId"))
        .containsExactly("us-los-angeles");
    assertThat(json("/api/v1/partners?sort=days&order=desc").path("partners").get(0).path("partnerId").asText())
        .isEqualTo("us-los-angeles");
    assertThat(json("/api/v1/partners?sort=name&order=asc").path("partners").get(0).path("partnerId").asText())
        .isEqualTo("jp-hirakata");
    assertThat(json("/api/v1/partners").path("facets").path("regions").toString())
        .isEqualTo("[\"Asia\",\"Europe\",\"North America\"]");
  }

  @Test
  void signingInGoesOnlyToAPageOfThisDashboardAndAMissingAssetIsNotFound() throws Exception {
    String login = "username=wang&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=";
    for (String elsewhere : List.of("/\\example.com", "//example.com", "https://example.com", "/partners\t", "/a b")) {
      HttpResponse<String> answer = post("/login", login + java.net.URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
      assertThat(answer.headers().firstValue("Location")).as(elsewhere).hasValue("/");
    }
    assertThat(post("/login", login + "%2Fpartners%3Fband%3DDORMANT").headers().firstValue("Location"))
        .hasValue("/partners?band=DORMANT");
    assertThat(get("/assets/nosuch.js", basic("wang", PASSWORD)).statusCode()).isEqualTo(404);
  }

  @Test
  void theCsvExportHasTheFilteredRowsQuoted() throws Exception {
    HttpResponse<String> csv = get("/api/v1/partners.csv?office=shanghai-changning&lang=en", basic("wang", PASSWORD));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("amity-partners.csv");
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("relationship,office,partner id,name (English),name (Chinese),country,region,kind,status,"
        + "established,responsible officer,vitality,band");
    assertThat(lines[1]).startsWith("shanghai-changning/jp-hirakata,shanghai-changning,jp-hirakata,\"Hirakata, \"\"Osaka\"\"\","
        + "枚方市,JP,Asia,sister city,formal,1987-01-01,");
    assertThat(lines[1]).contains(",40,active,20,30,");
  }

  @Test
  void theCsvExportIsInChineseUnlessAskedOtherwise() throws Exception {
    String[] lines = get("/api/v1/partners.csv?office=shanghai-changning", basic("wang", PASSWORD)).body()
        .replace("\uFEFF", "").split("\r\n");
    assertThat(lines[0]).startsWith("关系编号,外办,伙伴编号,英文名,中文名,国家,地区,关系类型,状态,结好日期,负责人,活力值,等级");
    assertThat(lines[1]).contains(",JP,亚洲,友好城市,正式,1987-01-01,").contains(",40,正常,");
  }

  @Test
  void daysSinceTheLastExchangesCountToTodayNotToTheMomentScored() throws Exception {
    JsonNode row = json("/api/v1/partners?region=Asia").path("partners").get(0);
    assertThat(row.path("daysSinceLastExchange").asInt()).as("20 days when scored 10 days ago").isEqualTo(30);
    JsonNode vitality = json("/api/v1/partners/shanghai-changning/jp-hirakata").path("vitality");
    assertThat(vitality.path("daysSinceLastExchange").asInt()).isEqualTo(30);
    assertThat(vitality.path("daysSinceLastSubstantive").asInt()).isEqualTo(130);
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
  void theTimelineListsExchangesNewestFirstWithTheirTypeSpecificWords() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(agreement("agreement", ROTTERDAM, 10));
    view.addEvent(visit("visit", ROTTERDAM, 30));
    view.addEvent(ProjectMilestone.newBuilder().setEnvelope(envelope("project", 20, null, ROTTERDAM))
        .setProjectId("corridor").setProjectName("Green shipping corridor").setMilestone(Milestone.LAUNCHED)
        .setReachedOn(LocalDate.of(2024, 3, 21)).build());
    JsonNode exchanges = exchanges(view, ROTTERDAM);
    assertThat(exchanges.findValuesAsText("eventId")).containsExactly("visit", "project", "agreement");
    JsonNode visit = exchanges.get(0);
    assertThat(visit.path("type").asText()).isEqualTo("DelegationVisited");
    assertThat(visit.path("occurredAt").asText()).isEqualTo("2024-03-31T09:00:00Z");
    assertThat(visit.path("summary").asText()).isEqualTo("summary of visit");
    assertThat(visit.path("domains").toString()).isEqualTo("[\"CULTURE\",\"TOURISM\"]");
    assertThat(visit.path("details").path("direction").asText()).isEqualTo("INBOUND");
    assertThat(visit.path("details").path("level").asText()).isEqualTo("HEAD_OF_GOVERNMENT");
    assertThat(exchanges.get(1).path("details").path("milestone").asText()).isEqualTo("LAUNCHED");
    assertThat(exchanges.get(2).path("details").path("kind").asText()).isEqualTo("MEMORANDUM");
    assertThat(exchanges(view, LA)).isEmpty();
  }

  @Test
  void theTimelineKeepsTheNewestHundredExchanges() throws Exception {
    DashboardView view = timelineView();
    for (int day = 120; day >= 1; day--) {
      view.addEvent(meeting("meeting-" + day, day, null, ROTTERDAM));
    }
    view.addEvent(meeting("meeting-0", 0, null, ROTTERDAM));
    JsonNode exchanges = exchanges(view, ROTTERDAM);
    assertThat(exchanges).hasSize(DashboardView.MAX_EXCHANGES);
    assertThat(exchanges.get(0).path("eventId").asText()).isEqualTo("meeting-120");
    assertThat(exchanges.get(99).path("eventId").asText()).isEqualTo("meeting-21");
  }

  @Test
  void aDuplicateEventShowsOnce() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(visit("visit", ROTTERDAM, 1));
    view.addEvent(visit("visit", ROTTERDAM, 1));
    view.addEvent(meeting("visit", 2, null, ROTTERDAM));
    view.addEvent(agreement("agreement", ROTTERDAM, 3));
    assertThat(exchanges(view, ROTTERDAM).findValuesAsText("eventId")).containsExactly("agreement", "visit");
    assertThat(exchanges(view, ROTTERDAM).get(1).path("type").asText()).isEqualTo("DelegationVisited");
  }

  @Test
  void aRetractedEventDisappearsEvenWhenTheRetractionIsReadFirst() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(visit("visit", ROTTERDAM, 1));
    view.addEvent(agreement("agreement", ROTTERDAM, 2));
    assertThat(exchanges(view, ROTTERDAM)).hasSize(2);
    view.addEvent(retraction("visit", ROTTERDAM));
    view.addEvent(retraction("late-visit", ROTTERDAM));
    view.addEvent(visit("late-visit", ROTTERDAM, 3));
    assertThat(exchanges(view, ROTTERDAM).findValuesAsText("eventId")).containsExactly("agreement");
  }

  @Test
  void aCorrectionReplacesTheEventItCorrects() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(meeting("meeting", 1, null, ROTTERDAM));
    view.addEvent(agreement("agreement", ROTTERDAM, 2));
    view.addEvent(meeting("meeting-corrected", 5, "meeting", ROTTERDAM));
    // a correction read before the event it corrects (another topic) keeps that event out
    view.addEvent(meeting("forum-corrected", 4, "forum", ROTTERDAM));
    view.addEvent(forum("forum", 3, ROTTERDAM));
    JsonNode exchanges = exchanges(view, ROTTERDAM);
    assertThat(exchanges.findValuesAsText("eventId")).containsExactly("meeting-corrected", "forum-corrected",
        "agreement");
    assertThat(exchanges.get(0).path("corrects").asText()).isEqualTo("meeting");
    assertThat(exchanges.get(0).path("summary").asText()).isEqualTo("summary of meeting-corrected");
  }

  @Test
  void aRetractionOrCorrectionNamingOtherRelationshipsLeavesTheEventWhereItIs() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(visit("visit", ROTTERDAM, 1));
    view.addEvent(meeting("meeting", 2, null, ROTTERDAM));
    view.addEvent(retraction("visit", LA));
    view.addEvent(meeting("not-a-correction", 3, "meeting", LA));
    assertThat(exchanges(view, ROTTERDAM).findValuesAsText("eventId")).containsExactly("meeting", "visit");
    assertThat(exchanges(view, LA).findValuesAsText("eventId")).containsExactly("not-a-correction");
  }

  @Test
  void aMillionCharacterSummaryWrittenStraightToATopicIsCutToWhatTheContractAllows() throws Exception {
    DashboardView view = timelineView();
    VideoMeeting huge = meeting("huge", 1, null, ROTTERDAM);
    huge.getEnvelope().setSummary("长".repeat(1_040_000));
    huge.setTopic("t".repeat(20_000));
    view.addEvent(huge);
    JsonNode exchange = exchanges(view, ROTTERDAM).get(0);
    assertThat(exchange.path("summary").asText()).hasSize(EventValidator.SUMMARY_LIMIT + 1).endsWith("…");
    assertThat(exchange.toString()).hasSizeLessThan(EventValidator.SUMMARY_LIMIT * 4 + EventValidator.TEXT_LIMIT * 2);
  }

  @Test
  void eventsNamingEndlesslyManyInventedRelationshipsKeepABoundedNumberOfTimelines() throws Exception {
    DashboardView view = timelineView();
    for (int i = 0; i < DashboardView.MAX_UNREGISTERED_TIMELINES + 500; i++) {
      view.addEvent(visit("invented-" + i, "shanghai/xx-invented-" + i, 1));
    }
    view.addEvent(visit("real", ROTTERDAM, 2));
    assertThat(view.exchanges("shanghai/xx-invented-0")).hasSize(1);
    assertThat(view.exchanges("shanghai/xx-invented-" + (DashboardView.MAX_UNREGISTERED_TIMELINES + 499))).isEmpty();
    assertThat(exchanges(view, ROTTERDAM).findValuesAsText("eventId")).containsExactly("real");
  }

  @Test
  void healthIsDownOnceTheFeedStopped() throws Exception {
    DashboardView view = timelineView();
    try (DashboardServer own = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, view).start()) {
      URI health = URI.create(own.url() + "/health/live");
      assertThat(HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      view.feedStopped("java.lang.OutOfMemoryError: Java heap space");
      HttpResponse<String> down = HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(down.body()).path("checks").path("feed").path("reason").asText())
          .contains("feed stopped", "OutOfMemoryError");
    }
  }

  @Test
  void aMultilateralEventAppearsForEachRelationshipItNames() throws Exception {
    DashboardView view = timelineView();
    view.addEvent(forum("forum", 7, ROTTERDAM, LA, ROTTERDAM));
    view.addEvent(visit("visit", LA, 1));
    assertThat(exchanges(view, ROTTERDAM).findValuesAsText("eventId")).containsExactly("forum");
    assertThat(exchanges(view, LA).findValuesAsText("eventId")).containsExactly("forum", "visit");
    assertThat(exchanges(view, LA).get(0).path("relationshipIds").toString())
        .isEqualTo("[\"" + ROTTERDAM + "\",\"" + LA + "\"]");
    view.addEvent(retraction("forum", ROTTERDAM, LA));
    assertThat(exchanges(view, ROTTERDAM)).isEmpty();
    assertThat(exchanges(view, LA).findValuesAsText("eventId")).containsExactly("visit");
  }

  @Test
  void theSharedPartnerAnswerHasAnExchangesArray() throws Exception {
    assertThat(json("/api/v1/partners/shanghai/nl-rotterdam").path("exchanges").isArray()).isTrue();
  }

  /** A view with two relationships and nothing else, for the timeline tests. */
  private static DashboardView timelineView() {
    DashboardView view = new DashboardView();
    view.putRelationship(ROTTERDAM, VIEW.relationship(ROTTERDAM).orElseThrow());
    view.putRelationship(LA, VIEW.relationship(LA).orElseThrow());
    return view;
  }

  /** The partner's exchanges as {@code GET /api/v1/partners/{office}/{partner}} answers them over this view. */
  private static JsonNode exchanges(DashboardView view, String relationshipId) throws Exception {
    try (DashboardServer own = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, view).start()) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(own.url() + "/api/v1/partners/"
          + relationshipId)).header("Authorization", basic("wang", PASSWORD)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode exchanges = JSON.readTree(answer.body()).path("exchanges");
      assertThat(exchanges.isArray()).as(answer.body()).isTrue();
      return exchanges;
    }
  }

  private static Envelope envelope(String eventId, int day, String corrects, String... relationshipIds) {
    return Envelope.newBuilder().setEventId(eventId).setOccurredAt(T0.plus(Duration.ofDays(day)))
        .setRecordedAt(T0.plus(Duration.ofDays(day + 1))).setOffice("shanghai")
        .setRelationshipIds(List.of(relationshipIds)).setDomains(List.of(Domain.CULTURE, Domain.TOURISM))
        .setSource("api-test").setSummary("summary of " + eventId).setCorrects(corrects).build();
  }

  private static DelegationVisited visit(String eventId, String relationshipId, int day) {
    return DelegationVisited.newBuilder().setEnvelope(envelope(eventId, day, null, relationshipId))
        .setDirection(Direction.INBOUND).setLevel(DelegationLevel.HEAD_OF_GOVERNMENT).setLeader("Mayor")
        .setStartDate(LocalDate.of(2024, 3, 1).plusDays(day)).build();
  }

  private static AgreementSigned agreement(String eventId, String relationshipId, int day) {
    return AgreementSigned.newBuilder().setEnvelope(envelope(eventId, day, null, relationshipId))
        .setKind(AgreementKind.MEMORANDUM).setTitle("Memorandum on ports")
        .setSignedOn(LocalDate.of(2024, 3, 1).plusDays(day)).build();
  }

  private static VideoMeeting meeting(String eventId, int day, String corrects, String relationshipId) {
    return VideoMeeting.newBuilder().setEnvelope(envelope(eventId, day, corrects, relationshipId))
        .setLevel(DelegationLevel.DEPARTMENT).setTopic("Ports").build();
  }

  private static ForumHeld forum(String eventId, int day, String... relationshipIds) {
    return ForumHeld.newBuilder().setEnvelope(envelope(eventId, day, null, relationshipIds))
        .setKind(GatheringKind.FORUM).setTitle("Friendship City Forum").setVenue(Venue.HOME)
        .setStartDate(LocalDate.of(2024, 3, 1).plusDays(day)).build();
  }

  private static EventRetracted retraction(String eventId, String... relationshipIds) {
    return EventRetracted.newBuilder().setEnvelope(envelope("retract-" + eventId, 50, null, relationshipIds))
        .setRetractedEventId(eventId).setReason("recorded by mistake").build();
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
