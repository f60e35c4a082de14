package org.amity.producers.http;

import static org.amity.producers.http.IngestFixture.JSON;
import static org.amity.producers.http.IngestFixture.TOKEN_A;
import static org.amity.producers.http.IngestFixture.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.amity.platform.EmbeddedPlatformExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad request gets its documented status and a message naming the problem, and nothing is written. */
@ExtendWith(EmbeddedPlatformExtension.class)
class IngestApiInvalidRequestsTest {
  private static final String JSON_TYPE = "application/json";
  /** The eventId of a visit written before the cases run, for the cases that reuse it. */
  private static final String WRITTEN_EVENT_ID = "written-" + UUID.randomUUID();
  private static IngestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new IngestFixture(EmbeddedPlatformExtension.platform());
    HttpResponse<String> written = fixture.postEvents(writtenVisit().toString());
    assertThat(written.statusCode()).as(written.body()).isEqualTo(202);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** One bad request: who sends it, how, what body, and the answer it must get. */
  record Case(String name, String token, String contentType, String body, int status, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ObjectNode visit() {
    ObjectNode event = JSON.createObjectNode()
        .put("type", "DelegationVisited").put("eventId", "bad-" + UUID.randomUUID())
        .put("occurredAt", "2024-07-10T09:00:00+08:00").put("source", "test")
        .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("headcount", 12)
        .put("leader", "Mayor").put("startDate", "2024-07-10").put("endDate", "2024-07-12");
    event.putArray("relationshipIds").add("ingest-a/nl-rotterdam");
    event.putArray("domains").add("URBAN_DEVELOPMENT");
    return event;
  }

  static ObjectNode writtenVisit() {
    return visit().put("eventId", WRITTEN_EVENT_ID);
  }

  static ObjectNode agreement() {
    ObjectNode event = visit();
    for (String field : List.of("direction", "level", "headcount", "leader", "startDate", "endDate")) {
      event.remove(field);
    }
    event.put("type", "AgreementSigned").put("kind", "MEMORANDUM").put("title", "Memorandum on ports")
        .put("signedOn", "2024-06-03").put("validUntil", "2029-06-02");
    event.putObject("value").put("amountMinor", 100).put("currency", "USD");
    return event;
  }

  static ObjectNode of(String type, Object... fields) {
    ObjectNode event = visit();
    for (String field : List.of("direction", "level", "headcount", "leader", "startDate", "endDate")) {
      event.remove(field);
    }
    event.put("type", type);
    for (int i = 0; i < fields.length; i += 2) {
      event.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
    }
    return event;
  }

  static Case invalid(String name, ObjectNode event, Consumer<ObjectNode> change, String mentions) {
    change.accept(event);
    return new Case(name, TOKEN_A, JSON_TYPE, event.toString(), 422, mentions);
  }

  static Case visitWith(String name, Consumer<ObjectNode> change, String mentions) {
    return invalid(name, visit(), change, mentions);
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>(List.of(
        visitWith("missing type", e -> e.remove("type"), "type"),
        visitWith("unknown type", e -> e.put("type", "PicnicHeld"), "unknown event type"),
        visitWith("type not a string", e -> e.put("type", 42), "type"),
        visitWith("missing eventId", e -> e.remove("eventId"), "eventId"),
        visitWith("blank eventId", e -> e.put("eventId", ""), "eventId"),
        visitWith("eventId with spaces", e -> e.put("eventId", "my event"), "eventId"),
        visitWith("missing occurredAt", e -> e.remove("occurredAt"), "occurredAt"),
        visitWith("occurredAt not a time", e -> e.put("occurredAt", "yesterday"), "occurredAt"),
        visitWith("occurredAt in year 3000", e -> e.put("occurredAt", "3000-01-01T00:00:00Z"), "occurredAt"),
        visitWith("occurredAt before 1900", e -> e.put("occurredAt", "1800-01-01T00:00:00Z"), "occurredAt"),
        visitWith("missing relationshipIds", e -> e.remove("relationshipIds"), "relationshipIds"),
        visitWith("empty relationshipIds", e -> e.putArray("relationshipIds"), "relationshipIds"),
        visitWith("relationshipIds not an array", e -> e.put("relationshipIds", "ingest-a/nl-rotterdam"), "relationshipIds"),
        visitWith("relationship id badly formed", e -> e.putArray("relationshipIds").add("Rotterdam"), "office/partner"),
        visitWith("unknown relationship", e -> e.putArray("relationshipIds").add("ingest-a/xx-nowhere"), "unknown relationship"),
        visitWith("relationship named twice", e -> e.putArray("relationshipIds").add("ingest-a/nl-rotterdam").add("ingest-a/nl-rotterdam"), "twice"),
        visitWith("domains not an array", e -> e.put("domains", "CULTURE"), "domains"),
        visitWith("unknown domain", e -> e.putArray("domains").add("FISHING"), "domains[0]"),
        visitWith("domain named twice", e -> e.putArray("domains").add("CULTURE").add("culture"), "domains"),
        visitWith("missing direction", e -> e.remove("direction"), "direction"),
        visitWith("unknown direction", e -> e.put("direction", "SIDEWAYS"), "direction"),
        visitWith("unknown level", e -> e.put("level", "EMPEROR"), "level"),
        visitWith("negative headcount", e -> e.put("headcount", -3), "headcount"),
        visitWith("zero headcount", e -> e.put("headcount", 0), "headcount"),
        visitWith("headcount as words", e -> e.put("headcount", "twelve"), "headcount"),
        visitWith("fractional headcount", e -> e.put("headcount", 1.5), "headcount"),
        visitWith("missing startDate", e -> e.remove("startDate"), "startDate"),
        visitWith("impossible startDate", e -> e.put("startDate", "2024-13-45"), "startDate"),
        visitWith("startDate in year 3000", e -> e.put("startDate", "3000-01-01"), "startDate"),
        visitWith("endDate before startDate", e -> e.put("endDate", "2024-07-01"), "endDate"),
        visitWith("unknown field", e -> e.put("colour", "red"), "colour"),
        visitWith("summary not a string", e -> e.put("summary", 5), "summary"),
        invalid("validUntil before signedOn", agreement(), e -> e.put("validUntil", "2020-01-01"), "validUntil"),
        invalid("currency not ISO", agreement(), e -> ((ObjectNode) e.get("value")).put("currency", "dollars"), "currency"),
        invalid("negative value", agreement(), e -> ((ObjectNode) e.get("value")).put("amountMinor", -5), "amountMinor"),
        invalid("missing agreement kind", agreement(), e -> e.remove("kind"), "kind"),
        invalid("value without amountMinor", agreement(), e -> ((ObjectNode) e.get("value")).remove("amountMinor"), "value.amountMinor"),
        invalid("blank projectId", of("ProjectMilestone", "projectId", " ", "projectName", "Buses", "milestone", "LAUNCHED",
            "reachedOn", "2024-03-01"), e -> { }, "projectId"),
        invalid("retraction without reason", of("EventRetracted", "retractedEventId", "x-1"), e -> { }, "reason"),
        invalid("negative visitors", of("ExhibitionHeld", "title", "Charming Shanghai", "venue", "PARTNER", "visitors", -1,
            "startDate", "2024-05-01"), e -> { }, "visitors"),
        invalid("zero participants", of("ExchangeProgramme", "kind", "STUDENTS", "title", "Summer school", "participants", 0,
            "startDate", "2024-05-01"), e -> { }, "participants"),
        new Case("no token", null, JSON_TYPE, visit().toString(), 401, "token"),
        new Case("unknown token", "not-a-real-token", JSON_TYPE, visit().toString(), 401, "not valid"),
        new Case("basic instead of bearer", "Basic b2ZmaWNlOnB3", JSON_TYPE, visit().toString(), 401, "Bearer"),
        new Case("another office's relationship", TOKEN_A, JSON_TYPE,
            visitWith("", e -> e.putArray("relationshipIds").add("ingest-b/jp-hirakata"), "").body(), 403, "ingest-b/jp-hirakata"),
        new Case("another office named", TOKEN_A, JSON_TYPE, visitWith("", e -> e.put("office", "ingest-b"), "").body(), 403, "ingest-b"),
        new Case("another office's event retracted", TOKEN_B, JSON_TYPE, of("EventRetracted", "retractedEventId",
            WRITTEN_EVENT_ID, "reason", "not ours").put("eventId", "b-" + UUID.randomUUID())
            .set("relationshipIds", JSON.createArrayNode().add("ingest-b/jp-hirakata")).toString(), 422,
            "event " + WRITTEN_EVENT_ID + " was recorded by office ingest-a; office ingest-b cannot withdraw or correct it"),
        new Case("another office's event corrected", TOKEN_B, JSON_TYPE, visit().put("corrects", WRITTEN_EVENT_ID)
            .set("relationshipIds", JSON.createArrayNode().add("ingest-b/jp-hirakata")).toString(), 422,
            "外办 ingest-b 不能撤回或更正它"),
        new Case("text/plain body", TOKEN_A, "text/plain", visit().toString(), 415, "application/json"),
        new Case("JSONP", TOKEN_A, "application/jsonp", visit().toString(), 415, "application/jsonp"),
        new Case("a JSON patch", TOKEN_A, "application/json-patch+json", visit().toString(), 415, "json-patch"),
        new Case("JSON in Latin-1", TOKEN_A, "application/json; charset=iso-8859-1", visit().toString(), 415, "UTF-8"),
        visitWith("a source of only NUL", e -> e.put("source", "\u0000"), "must not contain control characters"),
        visitWith("a summary of a million characters", e -> e.put("summary", "长".repeat(5_001)), "must be at most 5000 characters, not 5001"),
        visitWith("a leader's name of a thousand and one", e -> e.put("leader", "x".repeat(1_001)), "最多 1000 个字符"),
        new Case("no content type", TOKEN_A, null, visit().toString(), 415, "application/json"),
        new Case("body over the limit", TOKEN_A, JSON_TYPE, oversized(), 413, "limit"),
        new Case("batch over the limit", TOKEN_A, JSON_TYPE, batchOf(IngestSettings.DEFAULT_MAX_BATCH_EVENTS + 1), 413, "at most"),
        new Case("broken JSON", TOKEN_A, JSON_TYPE, "{\"type\": \"DelegationVisited\",", 400, "not valid JSON"),
        new Case("empty body", TOKEN_A, JSON_TYPE, "", 400, "empty"),
        new Case("a bare number", TOKEN_A, JSON_TYPE, "42", 422, "JSON object"),
        new Case("events not an array", TOKEN_A, JSON_TYPE, "{\"events\": \"many\"}", 400, "events"),
        new Case("empty batch", TOKEN_A, JSON_TYPE, "[]", 422, "at least one"),
        new Case("batch with one bad event", TOKEN_A, JSON_TYPE, batchWithOneBadEvent(), 422, "events[1].headcount"),
        new Case("eventId twice in a batch", TOKEN_A, JSON_TYPE, batchWithRepeatedId(), 422, "appears twice"),
        new Case("two JSON values one after the other", TOKEN_A, JSON_TYPE, visit().toString() + visit(), 400, "Trailing token"),
        new Case("a field given twice", TOKEN_A, JSON_TYPE,
            visit().toString().replace("\"headcount\":12", "\"headcount\":12,\"headcount\":-1"), 400, "Duplicate field 'headcount'"),
        new Case("nesting deeper than the parser allows", TOKEN_A, JSON_TYPE, "[".repeat(2000) + "]".repeat(2000), 400, "nesting depth"),
        new Case("a number of 2000 digits", TOKEN_A, JSON_TYPE, "{\"headcount\":" + "9".repeat(2000) + "}", 400, "Number value length"),
        new Case("JSON null", TOKEN_A, JSON_TYPE, "null", 422, "JSON object"),
        new Case("a batch holding a number", TOKEN_A, JSON_TYPE, "[" + visit() + ",42]", 422, "events[1]"),
        new Case("a batch object with other fields", TOKEN_A, JSON_TYPE,
            JSON.createObjectNode().put("type", "DelegationVisited").set("events", JSON.createArrayNode().add(visit())).toString(),
            422, "type"),
        visitWith("recordedAt in year 3000", e -> e.put("recordedAt", "3000-01-01T00:00:00Z"), "recordedAt"),
        visitWith("recordedAt beyond what Avro can hold", e -> e.put("recordedAt", "+999999999-01-01T00:00:00Z"), "recordedAt"),
        new Case("an eventId written before, with other content", TOKEN_A, JSON_TYPE,
            writtenVisit().put("headcount", 13).toString(), 409, WRITTEN_EVENT_ID),
        new Case("a new event batched with a reused eventId", TOKEN_A, JSON_TYPE,
            JSON.createArrayNode().add(visit()).add(writtenVisit().put("headcount", 14)).toString(), 409, "corrects")));
    return cases.stream();
  }

  static String oversized() {
    ObjectNode event = visit();
    event.put("summary", "x".repeat(IngestSettings.DEFAULT_MAX_BODY_BYTES));
    return event.toString();
  }

  static String batchOf(int size) {
    ArrayNode batch = JSON.createArrayNode();
    for (int i = 0; i < size; i++) {
      batch.add(visit());
    }
    return batch.toString();
  }

  static String batchWithOneBadEvent() {
    ArrayNode batch = JSON.createArrayNode();
    batch.add(visit());
    batch.add(visit().put("headcount", -1));
    batch.add(visit());
    return batch.toString();
  }

  static String batchWithRepeatedId() {
    ArrayNode batch = JSON.createArrayNode();
    ObjectNode event = visit();
    batch.add(event);
    batch.add(event.deepCopy());
    return batch.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsStatusAMessageNamingTheProblemAndNothingWritten(Case bad) throws Exception {
    long before = fixture.recordsOnEventTopics();
    HttpResponse<String> response = fixture.post("/api/v1/events", bad.token(), bad.contentType(), bad.body());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    JsonNode answer = IngestFixture.json(response);
    assertThat(answer.path("status").asInt()).isEqualTo(bad.status());
    assertThat(answer.toString()).as("the answer names the problem").contains(bad.mentions());
    assertThat(fixture.recordsOnEventTopics()).as("records on the event topics").isEqualTo(before);
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNamingTheByteAndNothingIsWritten() throws Exception {
    String[] around = visit().put("leader", "@@").toString().split("@@");
    byte[] before = around[0].getBytes(StandardCharsets.UTF_8);
    byte[] after = around[1].getBytes(StandardCharsets.UTF_8);
    for (byte[] broken : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
      long written = fixture.recordsOnEventTopics();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(before);
      body.writeBytes(broken);
      body.writeBytes(after);
      HttpResponse<String> response = fixture.postBytes("/api/v1/events", TOKEN_A, body.toByteArray());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.body()).contains("is not valid UTF-8 at byte " + (before.length + 1));
      assertThat(fixture.recordsOnEventTopics()).isEqualTo(written);
    }
  }

  @Test
  void aBodyOverTheLimitIsAnsweredEveryTimeNotCutOffMidUpload() throws Exception {
    String body = oversized();
    for (int attempt = 0; attempt < 50; attempt++) {
      HttpResponse<String> response = fixture.post("/api/v1/events", TOKEN_A, JSON_TYPE, body);
      assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(413);
      assertThat(response.body()).contains("字节的上限");
    }
  }

  @Test
  void theTableHasAtLeastFortyCases() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }
}
