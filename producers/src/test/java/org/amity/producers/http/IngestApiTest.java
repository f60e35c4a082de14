package org.amity.producers.http;

import static org.amity.producers.http.IngestFixture.JSON;
import static org.amity.producers.http.IngestFixture.OFFICE_A;
import static org.amity.producers.http.IngestFixture.TOKEN_A;
import static org.amity.producers.http.IngestFixture.TOKEN_B;
import static org.amity.producers.http.IngestFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contract.EventTypes;
import org.amity.events.Envelope;
import org.amity.events.SampleEvents;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.producers.events.EventJson;
import org.amity.serde.AvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPlatformExtension.class)
class IngestApiTest {
  private static IngestFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new IngestFixture(EmbeddedPlatformExtension.platform());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** The sample of every event type, moved to office A's relationships and given fresh eventIds. */
  private static List<SpecificRecord> eventsOfOfficeA() {
    List<SpecificRecord> events = new ArrayList<>();
    List<String> partners = List.of("nl-rotterdam", "es-barcelona", "za-johannesburg", "fr-paris", "nz-dunedin");
    for (SpecificRecord sample : SampleEvents.everyType()) {
      if (!sample.getSchema().getNamespace().equals("org.amity.events")) {
        continue;
      }
      Envelope envelope = EventTypes.envelopeOf(sample);
      envelope.setEventId("api-" + UUID.randomUUID());
      envelope.setOffice(OFFICE_A);
      int count = envelope.getRelationshipIds().size();
      envelope.setRelationshipIds(partners.subList(0, Math.min(count, partners.size())).stream().map(p -> OFFICE_A + "/" + p).toList());
      events.add(sample);
    }
    return events;
  }

  @Test
  void everyEventTypePostedAsJsonArrivesOnItsTopicAsAnEqualAvroRecord() throws Exception {
    List<SpecificRecord> events = eventsOfOfficeA();
    assertThat(events).hasSize(EventTypes.names().size());
    Map<String, SpecificRecord> expected = new HashMap<>();
    for (SpecificRecord event : events) {
      HttpResponse<String> response = fixture.postEvents(EventJson.write(event).toString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      JsonNode answer = json(response).path("events").get(0);
      assertThat(answer.path("topic").asText()).isEqualTo(EventTypes.topicOf(event).name());
      assertThat(answer.path("offset").isNumber()).isTrue();
      expected.put(EventTypes.envelopeOf(event).getEventId(), event);
    }
    Map<String, List<SpecificRecord>> arrived = readBack(expected.keySet());
    expected.forEach((id, event) -> assertThat(arrived.get(id)).as(id).containsExactly(event));
  }

  @Test
  void theSameEventSentTwiceIsWrittenOnceAndTheAnswerSaysSo() throws Exception {
    SpecificRecord event = eventsOfOfficeA().get(0);
    ObjectNode json = EventJson.write(event);
    json.remove("recordedAt");
    json.remove("office");
    json.remove("summary");
    json.remove("corrects");
    json.remove("headcount");
    String body = json.toString();
    JsonNode first = json(fixture.postEvents(body));
    HttpResponse<String> second = fixture.postEvents(body);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(first.path("accepted").asInt()).isEqualTo(1);
    assertThat(json(second).path("duplicates").asInt()).isEqualTo(1);
    assertThat(json(second).path("events").get(0).path("duplicate").asBoolean()).isTrue();
    assertThat(json(second).path("events").get(0).path("offset")).isEqualTo(first.path("events").get(0).path("offset"));
    String eventId = EventTypes.envelopeOf(event).getEventId();
    assertThat(readBack(java.util.Set.of(eventId)).get(eventId)).hasSize(1);
  }

  @Test
  void anEventIdReusedForOtherContentIsAConflict() throws Exception {
    ObjectNode event = EventJson.write(eventsOfOfficeA().get(0));
    assertThat(fixture.postEvents(event.toString()).statusCode()).isEqualTo(202);
    event.put("summary", "something else entirely");
    HttpResponse<String> conflict = fixture.postEvents(event.toString());
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).path("error").asText()).contains(event.path("eventId").asText(), "corrects");
  }

  @Test
  void aBatchIsWrittenWholeWithOneAnswerPerEvent() throws Exception {
    var batch = JSON.createObjectNode();
    var events = batch.putArray("events");
    eventsOfOfficeA().forEach(e -> events.add(EventJson.write(e)));
    HttpResponse<String> response = fixture.postEvents(batch.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json(response).path("accepted").asInt()).isEqualTo(events.size());
    assertThat(json(response).path("events")).hasSize(events.size());
  }

  @Test
  void officesManageTheirOwnRelationshipsOnly() throws Exception {
    String body = "{\"partnerNameEn\":\"Cork\",\"partnerNameZh\":\"科克\",\"country\":\"IE\",\"kind\":\"SISTER_CITY\","
        + "\"partnerLevel\":\"CITY\",\"status\":\"FORMAL\",\"establishedOn\":\"2005-01-01\"}";
    var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.api.url() + "/api/v1/relationships/ie-cork"))
        .header("Authorization", "Bearer " + TOKEN_A).header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> stored = java.net.http.HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(json(fixture.get("/api/v1/relationships/ie-cork", TOKEN_A)).path("relationshipId").asText()).isEqualTo(OFFICE_A + "/ie-cork");
    assertThat(fixture.get("/api/v1/relationships/ie-cork", TOKEN_B).statusCode()).isEqualTo(404);
    assertThat(json(fixture.get("/api/v1/relationships", TOKEN_B))).extracting(n -> n.path("officeId").asText()).containsOnly("ingest-b");
  }

  @Test
  void describesItselfAndAnswersProbes() throws Exception {
    HttpResponse<String> openapi = fixture.get("/api/v1/openapi.json", null);
    assertThat(openapi.statusCode()).isEqualTo(200);
    JsonNode doc = json(openapi);
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    assertThat(doc.path("components").path("schemas").path("DelegationVisited").path("properties").path("direction").path("enum"))
        .extracting(JsonNode::asText).containsExactly("INBOUND", "OUTBOUND");
    assertThat(doc.path("paths").has("/api/v1/events")).isTrue();
    JsonNode ready = json(fixture.get("/health/ready", null));
    assertThat(ready.path("status").asText()).isEqualTo("UP");
    assertThat(ready.path("checks").path("kafka").path("status").asText()).isEqualTo("UP");
    assertThat(ready.path("checks").path("schema-registry").path("status").asText()).isEqualTo("UP");
    assertThat(fixture.get("/health/live", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsCountTheEventsWrittenAndTheRequestsRefusedByReason() throws Exception {
    ObjectNode event = EventJson.write(eventsOfOfficeA().get(0));
    String before = fixture.get("/metrics", null).body();

    fixture.postEvents(event.toString());
    fixture.postEvents(event.toString());
    event.put("summary", "something else entirely");
    fixture.postEvents(event.toString());
    String after = fixture.get("/metrics", null).body();

    assertThat(sample(after, "amity_ingest_events_accepted_total") - sample(before, "amity_ingest_events_accepted_total"))
        .isEqualTo(1);
    assertThat(sample(after, "amity_ingest_events_duplicates_total") - sample(before, "amity_ingest_events_duplicates_total"))
        .isEqualTo(1);
    assertThat(sample(after, "amity_ingest_requests_refused_total\\{[^}]*reason=\"event-id-conflict\"[^}]*}")
        - sample(before, "amity_ingest_requests_refused_total\\{[^}]*reason=\"event-id-conflict\"[^}]*}")).isEqualTo(1);
    assertThat(after).contains("kafka_producer_record_send_total{", "jvm_memory_used_bytes{", "role=\"ingest\"");
  }

  /** The value of the first series matching the pattern (name and labels), 0 when there is none. */
  private static double sample(String metrics, String series) {
    java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? (\\S+)$")
        .matcher(metrics);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  /** Every copy of these events on the event topics, read committed. */
  private static Map<String, List<SpecificRecord>> readBack(java.util.Set<String> eventIds) {
    Map<String, Object> config = new HashMap<>(fixture.clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "read-back-" + UUID.randomUUID());
    config.put("specific.avro.reader", "true");
    AvroDeserializer<SpecificRecord> values = new AvroDeserializer<>();
    values.configure(config, false);
    Map<String, List<SpecificRecord>> found = new HashMap<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(org.amity.contract.Topics.EVENTS.stream().map(org.amity.topics.TopicSpec::name).toList());
      long deadline = System.currentTimeMillis() + 30_000;
      int emptyPollsAfterAll = 0;
      while (emptyPollsAfterAll < 5 && System.currentTimeMillis() < deadline) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, SpecificRecord> record : records) {
          String id = EventTypes.envelopeOf(record.value()).getEventId();
          if (eventIds.contains(id)) {
            found.computeIfAbsent(id, k -> new ArrayList<>()).add(record.value());
          }
        }
        emptyPollsAfterAll = found.size() == eventIds.size() && records.isEmpty() ? emptyPollsAfterAll + 1 : 0;
      }
    }
    return found;
  }

  @Test
  void eventsAreSentWithPostAndAnyOtherMethodIsAnswered405InJson() throws Exception {
    for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
      HttpResponse<String> answer = fixture.send(method, "/api/v1/events", TOKEN_A);
      assertThat(answer.statusCode()).as(method).isEqualTo(405);
      assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
      assertThat(json(answer).path("error").asText()).contains("POST", method);
    }
  }
}
