package org.amity.producers.http;

import static org.amity.producers.http.IngestFixture.JSON;
import static org.amity.producers.http.IngestFixture.OFFICE_A;
import static org.amity.producers.http.IngestFixture.OFFICE_B;
import static org.amity.producers.http.IngestFixture.TOKEN_A;
import static org.amity.producers.http.IngestFixture.TOKEN_B;
import static org.amity.producers.http.IngestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.amity.platform.EmbeddedPlatformExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each office writes events and relationships of its own, and nothing of another office's, whichever of the two
 * offices tries: refused with 403, and the topics show that nothing was written.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class IngestApiOfficeOwnershipTest {
  private static final String ROTTERDAM_OF_A = OFFICE_A + "/nl-rotterdam";
  private static final String HIRAKATA_OF_B = OFFICE_B + "/jp-hirakata";
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
  void eachOfficeWritesEventsOfItsOwnRelationships() throws Exception {
    ObjectNode ofA = visit(ROTTERDAM_OF_A);
    ObjectNode ofB = visit(HIRAKATA_OF_B);
    assertThat(post(TOKEN_A, ofA).statusCode()).isEqualTo(202);
    assertThat(post(TOKEN_B, ofB).statusCode()).isEqualTo(202);
    assertThat(fixture.eventIdsOnEventTopics()).contains(eventId(ofA), eventId(ofB));
  }

  @Test
  void officeAMayNotWriteAnEventOfOfficeBsRelationship() throws Exception {
    ObjectNode event = visit(HIRAKATA_OF_B);
    assertRefusedAndNothingWritten(TOKEN_A, event, "relationshipIds[0]", HIRAKATA_OF_B);
  }

  @Test
  void officeBMayNotWriteAnEventOfOfficeAsRelationship() throws Exception {
    ObjectNode event = visit(ROTTERDAM_OF_A);
    assertRefusedAndNothingWritten(TOKEN_B, event, "relationshipIds[0]", ROTTERDAM_OF_A);
  }

  @Test
  void anOfficeMayNotWriteAnEventInAnotherOfficesName() throws Exception {
    assertRefusedAndNothingWritten(TOKEN_A, visit(ROTTERDAM_OF_A).put("office", OFFICE_B), "office", OFFICE_B);
    assertRefusedAndNothingWritten(TOKEN_B, visit(HIRAKATA_OF_B).put("office", OFFICE_A), "office", OFFICE_A);
  }

  @Test
  void aMultilateralEventNamingAnotherOfficesRelationshipIsRefusedWhole() throws Exception {
    ObjectNode event = visit(ROTTERDAM_OF_A);
    event.putArray("relationshipIds").add(ROTTERDAM_OF_A).add(HIRAKATA_OF_B);
    assertRefusedAndNothingWritten(TOKEN_A, event, "relationshipIds[1]", HIRAKATA_OF_B);
  }

  @Test
  void aBatchWithOneEventOfAnotherOfficeWritesNoneOfItsEvents() throws Exception {
    ObjectNode own = visit(ROTTERDAM_OF_A);
    ObjectNode foreign = visit(HIRAKATA_OF_B);
    ArrayNode batch = JSON.createArrayNode().add(own).add(foreign);
    long before = fixture.recordsOnEventTopics();
    HttpResponse<String> answer = fixture.post("/api/v1/events", TOKEN_A, "application/json", batch.toString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(answer.body()).contains("events[1].relationshipIds[0]");
    assertThat(fixture.recordsOnEventTopics()).as("records on the event topics").isEqualTo(before);
    assertThat(fixture.eventIdsOnEventTopics()).doesNotContain(eventId(own), eventId(foreign));
  }

  @Test
  void eachOfficePutsItsOwnRelationshipsAndOnlyItSeesThem() throws Exception {
    HttpResponse<String> ofB = fixture.put("/api/v1/relationships/kr-busan", TOKEN_B, relationshipBody().toString());
    assertThat(ofB.statusCode()).as(ofB.body()).isEqualTo(200);
    assertThat(json(ofB).path("relationshipId").asText()).isEqualTo(OFFICE_B + "/kr-busan");
    assertThat(fixture.publisher.relationships().get(OFFICE_B + "/kr-busan")).isPresent();
    assertThat(fixture.get("/api/v1/relationships/kr-busan", TOKEN_A).statusCode()).isEqualTo(404);
    assertThat(json(fixture.get("/api/v1/relationships", TOKEN_A)).findValuesAsText("officeId")).containsOnly(OFFICE_A);
  }

  @Test
  void aRelationshipNamingAnotherOfficeIsRefusedAndNothingWritten() throws Exception {
    assertRelationshipRefused(TOKEN_A, relationshipBody().put("officeId", OFFICE_B), "officeId");
    assertRelationshipRefused(TOKEN_A, relationshipBody().put("relationshipId", OFFICE_B + "/kr-pusan"),
        "relationshipId");
    assertRelationshipRefused(TOKEN_B, relationshipBody().put("officeId", OFFICE_A), "officeId");
  }

  private static void assertRefusedAndNothingWritten(String token, ObjectNode event, String path, String mentions)
      throws Exception {
    long before = fixture.recordsOnEventTopics();
    HttpResponse<String> answer = post(token, event);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    JsonNode problem = json(answer).path("problems").get(0);
    assertThat(problem.path("path").asText()).isEqualTo(path);
    assertThat(problem.path("reason").asText()).contains(mentions);
    assertThat(fixture.recordsOnEventTopics()).as("records on the event topics").isEqualTo(before);
    assertThat(fixture.eventIdsOnEventTopics()).doesNotContain(eventId(event));
  }

  private static void assertRelationshipRefused(String token, ObjectNode body, String path) throws Exception {
    long before = fixture.recordsOnRelationshipsTopic();
    HttpResponse<String> answer = fixture.put("/api/v1/relationships/kr-pusan", token, body.toString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(json(answer).path("problems").findValuesAsText("path")).containsExactly(path);
    assertThat(fixture.recordsOnRelationshipsTopic()).as("records on the relationships topic").isEqualTo(before);
    assertThat(fixture.publisher.relationships().get(OFFICE_A + "/kr-pusan")).isEmpty();
    assertThat(fixture.publisher.relationships().get(OFFICE_B + "/kr-pusan")).isEmpty();
  }

  private static HttpResponse<String> post(String token, ObjectNode event) throws Exception {
    return fixture.post("/api/v1/events", token, "application/json", event.toString());
  }

  private static ObjectNode visit(String relationshipId) {
    ObjectNode event = JSON.createObjectNode()
        .put("type", "DelegationVisited").put("eventId", "ownership-" + UUID.randomUUID())
        .put("occurredAt", "2024-07-10T09:00:00+08:00").put("source", "test")
        .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("headcount", 12)
        .put("leader", "Mayor").put("startDate", "2024-07-10").put("endDate", "2024-07-12");
    event.putArray("relationshipIds").add(relationshipId);
    event.putArray("domains").add("URBAN_DEVELOPMENT");
    return event;
  }

  private static ObjectNode relationshipBody() {
    return JSON.createObjectNode().put("partnerNameEn", "Busan").put("country", "KR").put("kind", "SISTER_CITY")
        .put("partnerLevel", "CITY").put("status", "FORMAL").put("establishedOn", "1993-08-24");
  }

  private static String eventId(JsonNode event) {
    return event.path("eventId").asText();
  }
}
