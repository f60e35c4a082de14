package org.amity.producers.http;

import static org.amity.producers.http.IngestFixture.OFFICE_A;
import static org.amity.producers.http.IngestFixture.TOKEN_A;
import static org.amity.producers.http.IngestFixture.TOKEN_B;
import static org.amity.producers.http.IngestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.contract.Problem;
import org.amity.platform.EmbeddedPlatformExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offices and relationships are master data that an office manages through the API: it registers the offices under
 * it, changes fields one by one (what is not named is kept), and moves a relationship's status with its day kept.
 * Whatever is refused names the field, and nothing is written.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class IngestApiMasterDataTest {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final String DISTRICT = OFFICE_A + "-district-" + RUN;
  private static final String PARTNER = "us-sacramento" + RUN;
  private static IngestFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new IngestFixture(EmbeddedPlatformExtension.platform());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anOfficeRegistersAnOfficeUnderItAndSeesItsTree() throws Exception {
    HttpResponse<String> put = fixture.put("/api/v1/offices/" + DISTRICT, TOKEN_A, """
        {"nameEn": "District office", "nameZh": "区外办", "level": "DISTRICT", "parentOfficeId": "%s",
         "alertContact": "fao@district.example"}""".formatted(OFFICE_A));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    List<String> visible = new ArrayList<>();
    json(fixture.get("/api/v1/offices", TOKEN_A)).forEach(o -> visible.add(o.path("officeId").asText()));
    assertThat(visible).contains(OFFICE_A, DISTRICT).doesNotContain(IngestFixture.OFFICE_B);
    assertThat(fixture.get("/api/v1/offices/" + DISTRICT, TOKEN_B).statusCode()).isEqualTo(404);

    HttpResponse<String> patched = fixture.patch("/api/v1/offices/" + DISTRICT, TOKEN_A, "{\"nameZh\": \"某区外事办公室\"}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode office = json(fixture.get("/api/v1/offices/" + DISTRICT, TOKEN_A));
    assertThat(office.path("nameZh").asText()).isEqualTo("某区外事办公室");
    assertThat(office.path("alertContact").asText()).as("kept").isEqualTo("fao@district.example");
    assertThat(office.path("level").asText()).as("kept").isEqualTo("DISTRICT");
  }

  @Test
  void anOfficeCannotPlaceOfficesOutsideItsTreeNorMoveItself() throws Exception {
    long before = fixture.recordsOnOfficesTopic();
    assertRefused(fixture.put("/api/v1/offices/elsewhere-" + RUN, TOKEN_B, """
        {"nameEn": "Elsewhere", "level": "DISTRICT", "parentOfficeId": "%s"}""".formatted(OFFICE_A)), 403, "parentOfficeId");
    assertRefused(fixture.put("/api/v1/offices/top-" + RUN, TOKEN_A, """
        {"nameEn": "Top", "level": "CITY"}"""), 403, "parentOfficeId");
    assertRefused(fixture.patch("/api/v1/offices/" + OFFICE_A, TOKEN_A, "{\"parentOfficeId\": \"" + IngestFixture.OFFICE_B + "\"}"),
        403, "parentOfficeId");
    assertRefused(fixture.put("/api/v1/offices/" + "Bad_Id", TOKEN_A, """
        {"nameEn": "Bad", "level": "DISTRICT", "parentOfficeId": "%s"}""".formatted(OFFICE_A)), 422, "officeId");
    assertRefused(fixture.put("/api/v1/offices/city-under-" + RUN, TOKEN_A, """
        {"nameEn": "A city under a city", "level": "PROVINCE", "parentOfficeId": "%s"}""".formatted(OFFICE_A)), 422, "level");
    assertThat(fixture.recordsOnOfficesTopic()).as("records on amity.offices").isEqualTo(before);
  }

  @Test
  void aPatchChangesOnlyTheFieldsItNamesAndKeepsTheStatusHistory() throws Exception {
    HttpResponse<String> created = fixture.put("/api/v1/relationships/" + PARTNER, TOKEN_A, """
        {"partnerNameEn": "Sacramento", "partnerNameZh": "萨克拉门托", "country": "US", "region": "North America",
         "kind": "SISTER_CITY", "partnerLevel": "CITY", "establishedOn": "1985-07-01", "status": "FORMAL",
         "responsibleOfficer": "americas@office.example"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

    HttpResponse<String> ended = fixture.patch("/api/v1/relationships/" + PARTNER, TOKEN_A,
        "{\"status\": \"ENDED\", \"statusSince\": \"2025-06-30\"}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);

    JsonNode relationship = json(fixture.get("/api/v1/relationships/" + PARTNER, TOKEN_A));
    assertThat(relationship.path("status").asText()).isEqualTo("ENDED");
    assertThat(relationship.path("partnerNameZh").asText()).isEqualTo("萨克拉门托");
    assertThat(relationship.path("region").asText()).isEqualTo("North America");
    assertThat(relationship.path("establishedOn").asText()).isEqualTo("1985-07-01");
    assertThat(relationship.path("responsibleOfficer").asText()).isEqualTo("americas@office.example");
    assertThat(relationship.path("statusHistory").toString())
        .isEqualTo("[{\"status\":\"FORMAL\",\"since\":\"1985-07-01\"},{\"status\":\"ENDED\",\"since\":\"2025-06-30\"}]");
  }

  @Test
  void aStatusMoveThatRelationshipsDoNotMakeIsRefusedAndNothingIsWritten() throws Exception {
    String partner = "nz-dunedin" + RUN;
    assertThat(fixture.put("/api/v1/relationships/" + partner, TOKEN_A, """
        {"partnerNameEn": "Dunedin", "country": "NZ", "kind": "SISTER_CITY", "partnerLevel": "CITY",
         "status": "FORMAL"}""").statusCode()).isEqualTo(200);
    long before = fixture.recordsOnRelationshipsTopic();
    assertRefused(fixture.patch("/api/v1/relationships/" + partner, TOKEN_A, "{\"status\": \"LETTER_OF_INTENT\"}"), 422, "status");
    assertRefused(fixture.patch("/api/v1/relationships/" + partner, TOKEN_A,
        "{\"status\": \"ENDED\", \"statusSince\": \"2999-01-01\"}"), 422, "statusSince");
    assertRefused(fixture.patch("/api/v1/relationships/" + partner, TOKEN_A,
        "{\"status\": \"ENDED\", \"statusSince\": \"last week\"}"), 422, "statusSince");
    assertThat(fixture.recordsOnRelationshipsTopic()).as("records on amity.relationships").isEqualTo(before);
  }

  @Test
  void aRelationshipOfAnOfficeThatIsNotRegisteredIsRefusedNamingTheOffice() {
    List<Problem> problems = fixture.partners.problems(IngestFixture.relationship("unregistered-" + RUN, "nl-rotterdam"));
    assertThat(problems).extracting(Problem::path).containsExactly("officeId");
    assertThat(problems.get(0).reason()).contains("unregistered-" + RUN, "尚未登记", "not registered");
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String field) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    List<String> paths = new ArrayList<>();
    json(answer).path("problems").forEach(p -> paths.add(p.path("path").asText()));
    assertThat(paths).as(answer.body()).contains(field);
  }
}
