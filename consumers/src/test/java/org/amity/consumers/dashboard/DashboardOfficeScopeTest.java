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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.amity.aggregates.Band;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.aggregates.YieldSum;
import org.amity.consumers.view.DashboardView;
import org.amity.events.Domain;
import org.amity.events.Money;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each dashboard user sees the relationships of their office and of the offices under it, in every answer of the API
 * and on the live stream: a district user (Changning) only Changning's, a city user (Shanghai) Shanghai's and
 * Changning's, a user without an office every office's (Jinan's too).
 */
class DashboardOfficeScopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "scope-test";
  private static final String DISTRICT_USER = "chen.changning";
  private static final String CITY_USER = "li.shanghai";
  private static final String EVERY_OFFICE_USER = "wang";
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static final String HIRAKATA = "shanghai-changning/jp-hirakata";
  private static final String SACRAMENTO = "jinan/us-sacramento";
  private static final DashboardView VIEW = new DashboardView();
  private static final Map<String, Relationship> RELATIONSHIPS = Map.of(
      ROTTERDAM, Fixtures.relationship(ROTTERDAM, "Rotterdam", "鹿特丹", "NL", "Europe", RelationshipKind.SISTER_CITY,
          LocalDate.of(1979, 5, 29)),
      HIRAKATA, Fixtures.relationship(HIRAKATA, "Hirakata", "枚方市", "JP", "Asia", RelationshipKind.SISTER_CITY,
          LocalDate.of(1987, 1, 1)),
      SACRAMENTO, Fixtures.relationship(SACRAMENTO, "Sacramento", "萨克拉门托", "US", "North America",
          RelationshipKind.FRIENDLY_COOPERATION, LocalDate.of(1985, 1, 1)));
  private static DashboardServer server;

  @BeforeAll
  static void start() {
    Fixtures.shanghaiAndChangning(VIEW);
    VIEW.putOffice("jinan", Fixtures.office("jinan", "Jinan FAO", "济南市外办", null));
    VIEW.putRollup("shanghai", Fixtures.rollup("shanghai", null, 1, 2));
    VIEW.putRollup("jinan", Fixtures.rollup("jinan", null, 2, 2));
    VIEW.putRollup("shanghai-changning", Fixtures.rollup("shanghai-changning", "shanghai", 1, 1));
    RELATIONSHIPS.forEach((id, relationship) -> {
      VIEW.putRelationship(id, relationship);
      VIEW.putVitality(id, vitality(id));
      VIEW.addAlert(Fixtures.anniversary(relationship, 40, LocalDate.now().plusDays(10)));
      String alertId = id + "|ANNIVERSARY|" + LocalDate.now().plusDays(10);
      VIEW.putDelivery(alertId + "|desk@" + id.split("/")[0] + ".example", new DashboardView.NotificationFailure(
          alertId, "desk@" + id.split("/")[0] + ".example", Instant.now().toString(), 3, "mailbox full"));
    });
    VIEW.addEvent(Fixtures.forum("youth-go", Instant.parse("2024-05-01T09:00:00Z"), List.of(Domain.EDUCATION_AND_YOUTH),
        ROTTERDAM, HIRAKATA));
    VIEW.putYield(ROTTERDAM, yieldOf(ROTTERDAM, new YieldEvent("rotterdam-visit", "DelegationVisited",
        Instant.parse("2024-05-01T09:00:00Z"), null, 12L, true)));
    VIEW.putYield(HIRAKATA, yieldOf(HIRAKATA, new YieldEvent("hirakata-show", "ExhibitionHeld",
        Instant.parse("2024-08-01T09:00:00Z"), new Money(90_000_000L, "JPY"), 300L, true)));
    VIEW.putOfficeYield("shanghai/2024", officeYield("shanghai", sum(Map.of(), Map.of("DelegationVisited", 12L)),
        sum(Map.of("JPY", 90_000_000L), Map.of("DelegationVisited", 12L, "ExhibitionHeld", 300L))));
    String hash = PasswordHashes.hash(PASSWORD.toCharArray());
    DashboardUsers users = DashboardUsers.fromEntries(Map.of(DISTRICT_USER, hash,
        DISTRICT_USER + ".office", "shanghai-changning", CITY_USER, hash, CITY_USER + ".office", "shanghai",
        EVERY_OFFICE_USER, hash));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- a district user

  @Test
  void aDistrictUserListsOnlyTheDistrictsPartners() throws Exception {
    JsonNode partners = json(DISTRICT_USER, "/api/v1/partners");
    assertThat(partners.path("partners").findValuesAsText("relationshipId")).containsExactly(HIRAKATA);
    assertThat(partners.path("count").asInt()).isEqualTo(1);
    assertThat(partners.path("facets").path("offices").toString()).isEqualTo("[\"shanghai-changning\"]");
    assertThat(partners.path("facets").path("regions").toString()).isEqualTo("[\"Asia\"]");
    assertThat(json(DISTRICT_USER, "/api/v1/partners?office=shanghai").path("count").asInt()).isZero();
  }

  @Test
  void aDistrictUsersCsvHasOnlyTheDistrictsRows() throws Exception {
    assertThat(csvRelationshipIds(DISTRICT_USER, "/api/v1/partners.csv")).containsExactly(HIRAKATA);
    assertThat(csvRelationshipIds(DISTRICT_USER, "/api/v1/partners.csv?office=shanghai")).isEmpty();
  }

  @Test
  void aDistrictUserGetsNotFoundForTheCitysPartnerJustAsForOneThatDoesNotExist() throws Exception {
    HttpResponse<String> cityPartner = get(DISTRICT_USER, "/api/v1/partners/shanghai/nl-rotterdam");
    HttpResponse<String> nowhere = get(DISTRICT_USER, "/api/v1/partners/shanghai/xx-nowhere");
    assertThat(cityPartner.statusCode()).isEqualTo(404);
    assertThat(cityPartner.body()).isEqualTo(nowhere.body().replace("xx-nowhere", "nl-rotterdam"));
    assertThat(get(DISTRICT_USER, "/api/v1/partners/shanghai/nl-rotterdam/history").statusCode()).isEqualTo(404);
    assertThat(get(DISTRICT_USER, "/api/v1/partners/jinan/us-sacramento").statusCode()).isEqualTo(404);
    assertThat(json(DISTRICT_USER, "/api/v1/partners/shanghai-changning/jp-hirakata").path("vitality")
        .path("score").asInt()).isEqualTo(50);
    assertThat(get(DISTRICT_USER, "/api/v1/partners/shanghai-changning/jp-hirakata/history").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aDistrictUsersOverviewHasOnlyTheDistrict() throws Exception {
    JsonNode overview = json(DISTRICT_USER, "/api/v1/overview");
    assertThat(officeIds(overview.path("offices"))).containsExactly("shanghai-changning");
    assertThat(officeIds(overview.path("ranking"))).containsExactly("shanghai-changning");
    assertThat(overview.path("bands").path("ACTIVE").asInt()).isEqualTo(1);
    assertThat(overview.path("alerts").findValuesAsText("relationshipId")).containsExactly(HIRAKATA);
    assertThat(overview.path("notificationFailures").findValuesAsText("alertId"))
        .hasSize(1).allSatisfy(alertId -> assertThat(alertId).startsWith(HIRAKATA + "|"));
    assertThat(overview.path("notificationFailureCount").asInt()).isEqualTo(1);
  }

  @Test
  void aDistrictUsersAlertsAreTheDistricts() throws Exception {
    assertThat(json(DISTRICT_USER, "/api/v1/alerts").path("alerts").findValuesAsText("relationshipId"))
        .containsExactly(HIRAKATA);
    assertThat(json(DISTRICT_USER, "/api/v1/alerts?office=shanghai").path("count").asInt()).isZero();
  }

  @Test
  void aMultilateralExchangeNamesOnlyTheRelationshipsTheUserSees() throws Exception {
    assertThat(relationshipIdsOfExchange(DISTRICT_USER, HIRAKATA)).containsExactly(HIRAKATA);
    assertThat(relationshipIdsOfExchange(CITY_USER, HIRAKATA)).containsExactly(ROTTERDAM, HIRAKATA);
  }

  @Test
  void whoAmISaysTheUsersOffice() throws Exception {
    assertThat(json(DISTRICT_USER, "/api/v1/me").path("office").asText()).isEqualTo("shanghai-changning");
    assertThat(json(EVERY_OFFICE_USER, "/api/v1/me").path("office").isNull()).isTrue();
  }

  // ---- a city user

  @Test
  void aCityUserSeesTheCityAndItsDistrictsButNoOtherCity() throws Exception {
    assertThat(json(CITY_USER, "/api/v1/partners").path("partners").findValuesAsText("relationshipId"))
        .containsExactlyInAnyOrder(ROTTERDAM, HIRAKATA);
    assertThat(csvRelationshipIds(CITY_USER, "/api/v1/partners.csv")).containsExactlyInAnyOrder(ROTTERDAM, HIRAKATA);
    assertThat(get(CITY_USER, "/api/v1/partners/shanghai-changning/jp-hirakata").statusCode()).isEqualTo(200);
    assertThat(get(CITY_USER, "/api/v1/partners/shanghai/nl-rotterdam/history").statusCode()).isEqualTo(200);
    assertThat(get(CITY_USER, "/api/v1/partners/jinan/us-sacramento").statusCode()).isEqualTo(404);
    JsonNode overview = json(CITY_USER, "/api/v1/overview");
    assertThat(officeIds(overview.path("offices")))
        .containsExactly("shanghai", "shanghai-changning");
    assertThat(officeIds(overview.path("ranking")))
        .containsExactlyInAnyOrder("shanghai", "shanghai-changning");
    assertThat(overview.path("alerts").findValuesAsText("relationshipId"))
        .containsExactlyInAnyOrder(ROTTERDAM, HIRAKATA);
    assertThat(overview.path("notificationFailureCount").asInt()).isEqualTo(2);
    assertThat(json(CITY_USER, "/api/v1/alerts").path("alerts").findValuesAsText("officeId"))
        .containsExactlyInAnyOrder("shanghai", "shanghai-changning");
  }

  // ---- a user without an office

  @Test
  void aUserWithoutAnOfficeSeesEveryOffice() throws Exception {
    assertThat(json(EVERY_OFFICE_USER, "/api/v1/partners").path("count").asInt()).isEqualTo(3);
    assertThat(csvRelationshipIds(EVERY_OFFICE_USER, "/api/v1/partners.csv")).hasSize(3);
    assertThat(get(EVERY_OFFICE_USER, "/api/v1/partners/jinan/us-sacramento").statusCode()).isEqualTo(200);
    JsonNode overview = json(EVERY_OFFICE_USER, "/api/v1/overview");
    assertThat(officeIds(overview.path("offices")))
        .containsExactly("jinan", "shanghai", "shanghai-changning");
    assertThat(overview.path("ranking")).hasSize(3);
    assertThat(overview.path("alerts")).hasSize(3);
    assertThat(overview.path("notificationFailureCount").asInt()).isEqualTo(3);
    assertThat(json(EVERY_OFFICE_USER, "/api/v1/alerts").path("count").asInt()).isEqualTo(3);
  }

  // ---- live updates

  @Test
  void theLiveStreamCarriesToEachUserOnlyTheChangesOfTheOfficesTheySee() throws Exception {
    try (LiveStream district = LiveStream.open(DISTRICT_USER); LiveStream city = LiveStream.open(CITY_USER);
         LiveStream everyOffice = LiveStream.open(EVERY_OFFICE_USER)) {
      VIEW.putVitality(ROTTERDAM, VIEW.vitality(ROTTERDAM).orElseThrow());
      VIEW.putRollup("shanghai", VIEW.rollups().stream().filter(r -> r.getOfficeId().equals("shanghai"))
          .findFirst().orElseThrow());
      VIEW.putVitality(SACRAMENTO, VIEW.vitality(SACRAMENTO).orElseThrow());
      VIEW.putVitality(HIRAKATA, VIEW.vitality(HIRAKATA).orElseThrow());

      assertThat(district.keysUntil(HIRAKATA)).containsOnly(HIRAKATA);
      assertThat(city.keysUntil(HIRAKATA)).contains(ROTTERDAM, "shanghai").doesNotContain(SACRAMENTO);
      assertThat(everyOffice.keysUntil(HIRAKATA)).contains(ROTTERDAM, "shanghai", SACRAMENTO);
    }
  }

  // ---- how the office hierarchy is read

  @Test
  void anOfficeWithoutMasterDataIsPlacedUnderItsParentByItsRollup() {
    DashboardView view = new DashboardView();
    view.putOffice("shanghai", Fixtures.office("shanghai", "Shanghai FAO", null, null));
    view.putRollup("shanghai-pudong", Fixtures.rollup("shanghai-pudong", "shanghai", 2, 2));
    view.putRollup("shanghai-pudong-lujiazui", Fixtures.rollup("shanghai-pudong-lujiazui", "shanghai-pudong", 1, 1));
    OfficeScope city = OfficeScope.of("shanghai", view);
    assertThat(city.sees("shanghai-pudong")).isTrue();
    assertThat(city.sees("shanghai-pudong-lujiazui")).as("a district's own sub-offices").isTrue();
    assertThat(city.sees("jinan")).isFalse();
    assertThat(OfficeScope.of("shanghai-pudong", view).sees("shanghai")).isFalse();
    assertThat(OfficeScope.EVERY_OFFICE.sees("jinan")).isTrue();
  }

  // ---- helpers

  /** One user's stream of server-sent events: the keys of the change events, read on a thread of its own. */
  // ---- the office page

  @Test
  void theOfficePageShowsItsYieldOwnAndWithTheDistrictAndTheEventsBehindIt() throws Exception {
    JsonNode page = json(CITY_USER, "/api/v1/offices/shanghai");
    assertThat(page.path("nameZh").asText()).isEqualTo("上海市外办");
    assertThat(page.path("year").asInt()).isEqualTo(2024);
    assertThat(page.path("yields").get(0).path("own").path("people").toString()).isEqualTo("{\"DelegationVisited\":12}");
    assertThat(page.path("yields").get(0).path("withDistricts").path("money").toString()).isEqualTo("{\"JPY\":90000000}");
    assertThat(page.path("events").findValuesAsText("eventId")).containsExactly("hirakata-show", "rotterdam-visit");
    assertThat(page.path("events").get(0).path("partners").get(0).path("nameZh").asText()).isEqualTo("枚方市");
    assertThat(json(CITY_USER, "/api/v1/offices/shanghai?year=2023").path("events").size()).isZero();
  }

  @Test
  void aDistrictUserGetsNotFoundForTheCitysOfficePageAndSeesOnlyItsOwnEvents() throws Exception {
    HttpResponse<String> city = get(DISTRICT_USER, "/api/v1/offices/shanghai");
    assertThat(city.statusCode()).isEqualTo(404);
    assertThat(city.body()).isEqualTo(get(DISTRICT_USER, "/api/v1/offices/nowhere").body().replace("nowhere", "shanghai"));
    assertThat(json(DISTRICT_USER, "/api/v1/offices/shanghai-changning?year=2024").path("events")
        .findValuesAsText("eventId")).containsExactly("hirakata-show");
  }

  @Test
  void anOfficePageForAYearThatIsNotOneIsRefusedInBothLanguages() throws Exception {
    HttpResponse<String> refused = get(CITY_USER, "/api/v1/offices/shanghai?year=24");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("error").asText())
        .isEqualTo("year 应为四位年份，如 2024，而不是 \"24\" / year must be a year such as 2024, not \"24\"");
  }

  private static RelationshipYield yieldOf(String relationshipId, YieldEvent event) {
    Map<String, Long> money = event.getMoney() == null ? Map.of()
        : Map.of(event.getMoney().getCurrency(), event.getMoney().getAmountMinor());
    return new RelationshipYield(relationshipId, relationshipId.split("/")[0], relationshipId, null, List.of(
        new YearYield(2024, money, Map.of(event.getType(), event.getPeople()), List.of(event))));
  }

  private static YieldSum sum(Map<String, Long> money, Map<String, Long> people) {
    Map<String, Integer> events = new java.util.HashMap<>();
    people.keySet().forEach(type -> events.put(type, 1));
    return new YieldSum(money, people, events);
  }

  private static OfficeYield officeYield(String office, YieldSum own, YieldSum withDistricts) {
    return new OfficeYield(office, 2024, null, null, own, withDistricts, Instant.now());
  }

  private static final class LiveStream implements AutoCloseable {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Stream<String> body;

    private LiveStream(Stream<String> body) {
      this.body = body;
      this.reader = new Thread(() -> {
        try {
          body.forEach(lines::add);
        } catch (RuntimeException e) {
          // closed
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    /** Opens the stream and waits for its hello, after which the server sends it every change. */
    static LiveStream open(String user) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(request(user, "/api/v1/live"), (name, value) -> true)
          .header("Accept", "text/event-stream").build();
      HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      LiveStream stream = new LiveStream(response.body());
      stream.nextData("hello");
      return stream;
    }

    /** The keys of the change events up to the first that holds {@code last}. */
    List<String> keysUntil(String last) throws Exception {
      List<String> keys = new ArrayList<>();
      while (!keys.contains(last)) {
        JSON.readTree(nextData("change")).path("keys").forEach(key -> keys.add(key.asText()));
      }
      return keys;
    }

    private String nextData(String event) throws InterruptedException {
      boolean inEvent = false;
      while (true) {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("an event '" + event + "' within 10 s").isNotNull();
        if (line.startsWith("event:")) {
          inEvent = line.substring(6).trim().equals(event);
        } else if (inEvent && line.startsWith("data:")) {
          return line.substring(5).trim();
        }
      }
    }

    @Override
    public void close() {
      body.close();
      reader.interrupt();
    }
  }

  /** The officeId of each element of the array (not those of the rollups inside). */
  private static List<String> officeIds(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.path("officeId").asText()));
    return ids;
  }

  private static List<String> relationshipIdsOfExchange(String user, String relationshipId) throws Exception {
    JsonNode exchange = json(user, "/api/v1/partners/" + relationshipId).path("exchanges").get(0);
    List<String> ids = new ArrayList<>();
    exchange.path("relationshipIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static List<String> csvRelationshipIds(String user, String path) throws Exception {
    HttpResponse<String> csv = get(user, path);
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    Iterator<String> lines = csv.body().replace("\uFEFF", "").lines().skip(1).iterator();
    lines.forEachRemaining(line -> ids.add(line.split(",")[0]));
    return ids;
  }

  private static org.amity.aggregates.RelationshipVitality vitality(String id) {
    Relationship relationship = RELATIONSHIPS.get(id);
    return Fixtures.vitality(relationship, Instant.now(), id.equals(HIRAKATA) ? 50 : 70,
        id.equals(HIRAKATA) ? Band.ACTIVE : Band.THRIVING, 5);
  }

  private static JsonNode json(String user, String path) throws Exception {
    HttpResponse<String> answer = get(user, path);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> get(String user, String path) throws Exception {
    return Fixtures.get(server.url() + path, user, PASSWORD);
  }

  private static HttpRequest request(String user, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + credentials).build();
  }
}
