package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.view.World;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network map's answers: partners placed by country and continent with their bands, the gaps of a chosen list,
 * ceremony-only and one-way partners, and the office scope (a district user does not see the city's map).
 */
class NetworkMapTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "map-test";
  private static final String CITY_USER = "li.shanghai";
  private static final String DISTRICT_USER = "chen.changning";
  private static final Instant NOW = Instant.now();
  private static final DashboardView VIEW = new DashboardView();
  private static DashboardServer server;

  @BeforeAll
  static void start() {
    Fixtures.shanghaiAndChangning(VIEW);
    // visits both ways and cultural events, but its last agreement 900 days ago: ceremony only
    partner("shanghai/de-hamburg", "Hamburg", "DE", RelationshipStatus.FORMAL, Band.ACTIVE, 20, 900, 0.5, 1, 1);
    // three delegations came in the last year, none went in two years: one-way, inbound
    partner("shanghai/us-chicago", "Chicago", "US", RelationshipStatus.FORMAL, Band.THRIVING, 10, 40, 0, 3, 0);
    // delegations both ways: neither
    partner("shanghai/jp-osaka", "Osaka", "JP", RelationshipStatus.FORMAL, Band.ACTIVE, 30, 60, 0.5, 2, 1);
    // no delegation in the last year: neither
    partner("shanghai/fr-lyon", "Lyon", "FR", RelationshipStatus.FORMAL, Band.COOLING, 200, 300, 0, 0, 0);
    // a letter of intent covers no gap; an ended relationship is no longer a partner
    partner("shanghai/br-sao-paulo", "São Paulo", "BR", RelationshipStatus.LETTER_OF_INTENT, Band.NEW, 15, 15, 0, 0,
        0);
    partner("shanghai/ar-rosario", "Rosario", "AR", RelationshipStatus.ENDED, Band.DORMANT, 2000, 2000, 0, 0, 0);
    // the district's partners are on the city's map; an unknown country code is not placed
    partner("shanghai-changning/jp-minato", "Minato", "JP", RelationshipStatus.FORMAL, Band.DORMANT, 800, 900, 0, 0,
        0);
    partner("shanghai-changning/xx-atlantis", "Atlantis", "XX", RelationshipStatus.FORMAL, Band.ACTIVE, 5, 5, 0, 0,
        0);
    String hash = PasswordHashes.hash(PASSWORD.toCharArray());
    DashboardUsers users = DashboardUsers.fromEntries(Map.of(CITY_USER, hash, CITY_USER + ".office", "shanghai",
        DISTRICT_USER, hash, DISTRICT_USER + ".office", "shanghai-changning"));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void placesEachLivingPartnerInItsCountryAndContinentWithItsBand() throws Exception {
    JsonNode map = json(CITY_USER, "/api/v1/map");
    assertThat(map.path("partners").findValuesAsText("relationshipId")).containsExactly("shanghai/br-sao-paulo",
        "shanghai/de-hamburg", "shanghai/fr-lyon", "shanghai-changning/jp-minato", "shanghai/jp-osaka",
        "shanghai/us-chicago", "shanghai-changning/xx-atlantis");
    assertThat(map.path("counts").toString()).isEqualTo(
        "{\"partners\":7,\"formal\":6,\"countries\":5,\"ceremonyOnly\":1,\"oneWay\":1,\"gaps\":3}");
    JsonNode japan = map.path("countries").get(0);
    assertThat(japan.path("country").asText()).isEqualTo("JP");
    assertThat(japan.path("nameZh").asText()).isEqualTo("日本");
    assertThat(japan.path("bands").toString()).isEqualTo("{\"ACTIVE\":1,\"DORMANT\":1}");
    JsonNode europe = continent(map, "EU");
    assertThat(europe.path("nameZh").asText()).isEqualTo("欧洲");
    assertThat(europe.path("partners").asInt()).isEqualTo(2);
    assertThat(europe.path("bands").toString()).isEqualTo("{\"ACTIVE\":1,\"COOLING\":1}");
    assertThat(map.path("partners").get(6).path("continent").isNull()).as("an unknown country is not placed").isTrue();
  }

  @Test
  void theGapsAreTheMembersOfTheChosenListWithNoFormalPartner() throws Exception {
    JsonNode continents = json(CITY_USER, "/api/v1/map");
    assertThat(continents.path("list").path("id").asText()).isEqualTo("continents");
    assertThat(continents.path("gaps").findValuesAsText("code")).containsExactly("AF", "SA", "OC");
    assertThat(continents.path("gaps").findValuesAsText("nameZh")).containsExactly("非洲", "南美洲", "大洋洲");
    JsonNode g20 = json(CITY_USER, "/api/v1/map?list=g20");
    List<String> gaps = g20.path("gaps").findValuesAsText("code");
    assertThat(gaps).doesNotContain("DE", "FR", "JP", "US", "CN").contains("BR", "AR", "GB", "IN");
    assertThat(gaps).hasSize(18 - 4);
    assertThat(g20.path("list").path("nameZh").asText()).isEqualTo("二十国集团");
  }

  @Test
  void ceremonyOnlyAndOneWayPartnersAreMarked() throws Exception {
    Map<String, JsonNode> partners = byId(json(CITY_USER, "/api/v1/map").path("partners"));
    assertThat(partners.get("shanghai/de-hamburg").path("ceremonyOnly").asBoolean()).isTrue();
    assertThat(partners.get("shanghai/us-chicago").path("ceremonyOnly").asBoolean()).isFalse();
    assertThat(partners.get("shanghai-changning/jp-minato").path("ceremonyOnly").asBoolean())
        .as("nothing at all in two years is dormancy, not ceremony").isFalse();
    assertThat(partners.get("shanghai/us-chicago").path("oneWay").asText()).isEqualTo("INBOUND");
    assertThat(partners.get("shanghai/jp-osaka").path("oneWay").isNull()).isTrue();
    assertThat(partners.get("shanghai/fr-lyon").path("oneWay").isNull()).isTrue();
  }

  @Test
  void anOfficeMapHoldsTheOfficeAndTheOfficesUnderIt() throws Exception {
    JsonNode changning = json(CITY_USER, "/api/v1/map?office=shanghai-changning");
    assertThat(changning.path("partners").findValuesAsText("relationshipId"))
        .containsExactly("shanghai-changning/jp-minato", "shanghai-changning/xx-atlantis");
    assertThat(json(DISTRICT_USER, "/api/v1/map").path("counts").path("partners").asInt()).isEqualTo(2);
    assertThat(json(DISTRICT_USER, "/api/v1/map").path("offices").findValuesAsText("officeId"))
        .containsExactly("shanghai-changning");
  }

  @Test
  void aDistrictUserGetsNotFoundForTheCitysMapJustAsForAnOfficeThatDoesNotExist() throws Exception {
    HttpResponse<String> city = Fixtures.get(server.url() + "/api/v1/map?office=shanghai", DISTRICT_USER, PASSWORD);
    HttpResponse<String> nowhere = Fixtures.get(server.url() + "/api/v1/map?office=nowhere", DISTRICT_USER, PASSWORD);
    assertThat(city.statusCode()).isEqualTo(404);
    assertThat(city.body()).isEqualTo(nowhere.body().replace("nowhere", "shanghai"))
        .contains("没有外办 shanghai / No office shanghai");
  }

  @Test
  void anUnknownListIsRefusedNamingTheListsThereAre() throws Exception {
    HttpResponse<String> answer = Fixtures.get(server.url() + "/api/v1/map?list=nato", CITY_USER, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo(
        "list 应为 continents, g20, eu, asean, sco, brics 之一，而不是 \"nato\" / "
            + "list must be one of continents, g20, eu, asean, sco, brics, not \"nato\"");
  }

  @Test
  void theShippedWorldPlacesTaiwanHongKongAndMacaoInChina() {
    assertThat(World.shipped().country("tw").orElseThrow().code()).isEqualTo("CN");
    assertThat(World.shipped().country("HK").orElseThrow().nameZh()).isEqualTo("中国");
    assertThat(World.shipped().country("MO").orElseThrow().continent()).isEqualTo("AS");
    assertThat(World.shipped().country("XX")).isEmpty();
    for (CountryGroups.Group group : CountryGroups.all()) {
      for (String member : group.members()) {
        assertThat(group.continents() ? World.shipped().continents().containsKey(member)
            : World.shipped().country(member).isPresent()).as(group.id() + " " + member).isTrue();
      }
    }
  }

  /**
   * A partner whose last exchange and last substantive exchange were so many days ago, with the delegations of the
   * last year each way and the reciprocity of the last two years.
   */
  private static void partner(String id, String name, String country, RelationshipStatus status, Band band,
                              int lastExchangeDaysAgo, int lastSubstantiveDaysAgo, double reciprocity, int inbound,
                              int outbound) {
    Relationship relationship = Fixtures.relationship(id, name, null, country, null, RelationshipKind.SISTER_CITY,
        LocalDate.of(2000, 1, 1));
    relationship.setStatus(status);
    RelationshipVitality vitality = Fixtures.vitality(relationship, NOW, 50, band, lastExchangeDaysAgo);
    vitality.setLastSubstantiveAt(NOW.minus(lastSubstantiveDaysAgo, ChronoUnit.DAYS));
    vitality.setReciprocity(reciprocity);
    VIEW.putRelationship(id, relationship);
    VIEW.putVitality(id, vitality);
    List<ActivityWindow> windows = new ArrayList<>();
    for (int days : new int[] {30, 90, 365}) {
      Tally none = new Tally(0, 0);
      windows.add(new ActivityWindow(days, none, Map.of(), new Tally(days == 365 ? inbound : 0, 0),
          new Tally(days == 365 ? outbound : 0, 0)));
    }
    VIEW.putActivity(id, new RelationshipActivity(id, relationship.getOfficeId(), NOW, windows, "vitality-1"));
  }

  private static JsonNode continent(JsonNode map, String code) {
    for (JsonNode continent : map.path("continents")) {
      if (continent.path("continent").asText().equals(code)) {
        return continent;
      }
    }
    throw new AssertionError("no continent " + code);
  }

  private static Map<String, JsonNode> byId(JsonNode partners) {
    Map<String, JsonNode> byId = new HashMap<>();
    partners.forEach(p -> byId.put(p.path("relationshipId").asText(), p));
    return byId;
  }

  private static JsonNode json(String user, String path) throws Exception {
    HttpResponse<String> answer = Fixtures.get(server.url() + path, user, PASSWORD);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
