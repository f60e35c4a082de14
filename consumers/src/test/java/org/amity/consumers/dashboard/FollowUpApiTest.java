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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.Topics;
import org.amity.events.Domain;
import org.amity.followups.Assigned;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An officer follows an alert up through the dashboard's API, and every step is written to Kafka; every step that
 * cannot be taken is refused with the reason in Chinese first and nothing is written.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class FollowUpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "s3cret-外办";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final DashboardView VIEW = new DashboardView();
  private static Map<String, Object> kafka;
  private static FollowUpWriter writer;
  private static DashboardServer server;
  private static Alert dormant;
  private static Alert closed;

  @BeforeAll
  static void start() {
    kafka = Map.of("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers(),
        "schema.registry.url", EmbeddedPlatformExtension.platform().registryUrl());
    Relationship rotterdam = Fixtures.relationship("shanghai/nl-rotterdam", "Rotterdam", "鹿特丹", "NL", "Europe",
        RelationshipKind.SISTER_CITY, LocalDate.of(1979, 5, 29));
    VIEW.putRelationship(rotterdam.getRelationshipId(), rotterdam);
    VIEW.addEvent(Fixtures.forum("visit-2027-03", java.time.Instant.now().minusSeconds(3600), List.of(Domain.CULTURE),
        rotterdam.getRelationshipId()));
    dormant = Fixtures.anniversary(rotterdam, 50, TODAY.plusDays(30));
    dormant.setAlertId("shanghai/nl-rotterdam|WENT_DORMANT|" + UUID.randomUUID());
    closed = Fixtures.anniversary(rotterdam, 50, TODAY.plusDays(30));
    closed.setAlertId("shanghai/nl-rotterdam|COOLING|" + UUID.randomUUID());
    VIEW.addAlert(dormant);
    VIEW.addAlert(closed);
    VIEW.putFollowUp(closed.getAlertId(), FollowUp.newBuilder().setAlertId(closed.getAlertId())
        .setAlertKind(closed.getKind()).setRelationshipId(closed.getRelationshipId()).setOfficeId("shanghai")
        .setPartnerNameEn("Rotterdam").setStatus(FollowUpStatus.CLOSED).setUpdatedAt(java.time.Instant.now()).build());
    String hash = PasswordHashes.hash(PASSWORD.toCharArray());
    DashboardUsers users = DashboardUsers.fromEntries(Map.of(
        "zhang.wei", hash, "zhang.wei.office", "shanghai", "zhang.wei.role", "officer",
        "wang.fang", hash, "wang.fang.office", "shanghai",
        "li.na", hash, "li.na.office", "jinan", "li.na.role", "officer"));
    writer = FollowUpWriter.start(kafka);
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, VIEW, writer).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    writer.close();
  }

  @Test
  void anOfficerTakesEachKindOfStepAndBadStepsAreRefusedWithNothingWritten() throws Exception {
    String alert = dormant.getAlertId();
    List<String> good = List.of(
        "{\"alertId\": \"" + alert + "\", \"action\": \"acknowledge\", \"note\": \"已知悉\"}",
        "{\"alertId\": \"" + alert + "\", \"action\": \"assign\", \"officer\": \"li.hua\", \"dueOn\": \""
            + TODAY.plusDays(14) + "\"}",
        "{\"alertId\": \"" + alert + "\", \"action\": \"plan\", \"eventType\": \"DelegationVisited\", \"plannedOn\": \""
            + TODAY.plusDays(60) + "\", \"variant\": \"SENIOR_OFFICIAL\", \"direction\": \"INBOUND\","
            + " \"domains\": [\"CULTURE\", \"ECONOMY_AND_TRADE\"], \"ledBy\": \"副市长\"}",
        "{\"alertId\": \"" + alert + "\", \"action\": \"decide\", \"decision\": \"KEEP_DORMANT\"}",
        "{\"alertId\": \"" + alert + "\", \"action\": \"close\", \"exchangeEventId\": \"visit-2027-03\"}");
    for (String body : good) {
      HttpResponse<String> answer = post("zhang.wei", body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    SoftAssertions softly = new SoftAssertions();
    for (BadStep bad : badSteps(alert)) {
      HttpResponse<String> answer = send(bad);
      softly.assertThat(answer.statusCode()).as(bad.what() + ": " + answer.body()).isEqualTo(bad.status());
      if (bad.status() != 401) {
        JsonNode error = JSON.readTree(answer.body());
        softly.assertThat(error.path("error").asText()).as(bad.what()).containsPattern("^\\p{IsHan}");
        if (bad.path() != null) {
          softly.assertThat(error.path("problems").findValuesAsText("path")).as(bad.what()).contains(bad.path());
          softly.assertThat(error.path("problems").findValuesAsText("reason")).as(bad.what())
              .allMatch(reason -> reason.matches("^\\P{IsLatin}*\\p{IsHan}.* / .*"));
        }
      }
    }
    softly.assertAll();

    List<FollowUpStep> written = stepsWritten(alert, good.size());
    assertThat(written).hasSize(good.size()).allSatisfy(step -> {
      assertThat(step.getActor()).isEqualTo("zhang.wei");
      assertThat(step.getAlertId()).isEqualTo(alert);
      assertThat(step.getRelationshipId()).isEqualTo("shanghai/nl-rotterdam");
    });
    assertThat(written.get(1).getAction()).isEqualTo(new Assigned("li.hua", TODAY.plusDays(14), null));
    assertThat(((ExchangePlanned) written.get(2).getAction()).getLedBy()).isEqualTo("副市长");
  }

  @Test
  void aDashboardWithoutKafkaRefusesStepsAndSaysWhy() throws Exception {
    DashboardUsers users = DashboardUsers.fromEntries(Map.of("zhang.wei", PasswordHashes.hash(PASSWORD.toCharArray()),
        "zhang.wei.role", "officer"));
    try (DashboardServer readOnly = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, VIEW).start()) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(readOnly.url() + FollowUpApi.PATH))
          .header("Authorization", basic("zhang.wei")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"alertId\": \"" + dormant.getAlertId()
              + "\", \"action\": \"acknowledge\"}")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).contains("此看板只读");
    }
  }

  /** A request that must be refused, what it gets and the field its problems name (null: none). */
  private record BadStep(String what, String user, String method, String contentType, String origin, String body,
      int status, String path) {
    static BadStep of(String what, String body, int status, String path) {
      return new BadStep(what, "zhang.wei", "POST", "application/json", null, body, status, path);
    }
  }

  private static List<BadStep> badSteps(String alert) {
    String a = "\"alertId\": \"" + alert + "\", ";
    String plan = a + "\"action\": \"plan\", \"eventType\": \"DelegationVisited\", \"plannedOn\": \""
        + TODAY.plusDays(30) + "\", \"variant\": \"SENIOR_OFFICIAL\", \"direction\": \"INBOUND\"";
    String exhibition = a + "\"action\": \"plan\", \"eventType\": \"ExhibitionHeld\", \"plannedOn\": \""
        + TODAY.plusDays(30) + "\"";
    String assign = a + "\"action\": \"assign\", \"officer\": \"li.hua\"";
    List<BadStep> bad = new ArrayList<>(List.of(
        new BadStep("a viewer", "wang.fang", "POST", "application/json", null, "{" + a + "\"action\": \"acknowledge\"}",
            403, null),
        new BadStep("an officer of another office", "li.na", "POST", "application/json", null,
            "{" + a + "\"action\": \"acknowledge\"}", 404, null),
        new BadStep("no credentials", null, "POST", "application/json", null, "{" + a + "\"action\": \"acknowledge\"}",
            401, null),
        new BadStep("a wrong password", "zhang.wei:wrong", "POST", "application/json", null,
            "{" + a + "\"action\": \"acknowledge\"}", 401, null),
        new BadStep("PUT", "zhang.wei", "PUT", "application/json", null, "{" + a + "\"action\": \"acknowledge\"}",
            405, null),
        new BadStep("plain text", "zhang.wei", "POST", "text/plain", null, "{" + a + "\"action\": \"acknowledge\"}",
            415, null),
        new BadStep("a form", "zhang.wei", "POST", "application/x-www-form-urlencoded", null, "action=acknowledge",
            415, null),
        new BadStep("from another site", "zhang.wei", "POST", "application/json", "https://evil.example",
            "{" + a + "\"action\": \"acknowledge\"}", 403, null),
        BadStep.of("an unknown alert", "{\"alertId\": \"shanghai/nl-rotterdam|WENT_DORMANT|never\", "
            + "\"action\": \"acknowledge\"}", 404, null),
        BadStep.of("no alertId", "{\"action\": \"acknowledge\"}", 400, "alertId"),
        BadStep.of("alertId a number", "{\"alertId\": 7, \"action\": \"acknowledge\"}", 400, "alertId"),
        BadStep.of("a closed follow-up", "{\"alertId\": \"" + closed.getAlertId() + "\", \"action\": \"acknowledge\"}",
            409, null),
        BadStep.of("not JSON", "acknowledge it", 400, null),
        BadStep.of("a JSON array", "[{" + a + "\"action\": \"acknowledge\"}]", 400, null),
        BadStep.of("no action", "{" + a.substring(0, a.length() - 2) + "}", 400, "action"),
        BadStep.of("an unknown action", "{" + a + "\"action\": \"escalate\"}", 400, "action"),
        BadStep.of("an unknown field", "{" + a + "\"action\": \"acknowledge\", \"priority\": 1}", 400, "priority"),
        BadStep.of("a field of another action", "{" + a + "\"action\": \"acknowledge\", \"officer\": \"x\"}", 400,
            "officer"),
        BadStep.of("a note too long", "{" + a + "\"action\": \"acknowledge\", \"note\": \"" + "长".repeat(1001) + "\"}",
            400, "action.note"),
        BadStep.of("a note with a control character", "{" + a + "\"action\": \"acknowledge\", \"note\": \"a\\u0007\"}",
            400, "action.note"),
        BadStep.of("a note that is an object", "{" + a + "\"action\": \"acknowledge\", \"note\": {}}", 400, "note"),
        BadStep.of("assign without officer", "{" + a + "\"action\": \"assign\", \"dueOn\": \"" + TODAY.plusDays(3)
            + "\"}", 400, "officer"),
        BadStep.of("assign with a blank officer", "{" + a + "\"action\": \"assign\", \"officer\": \" \", \"dueOn\": \""
            + TODAY.plusDays(3) + "\"}", 400, "officer"),
        BadStep.of("assign with an officer that is a number", "{" + a + "\"action\": \"assign\", \"officer\": 12, "
            + "\"dueOn\": \"" + TODAY.plusDays(3) + "\"}", 400, "officer"),
        BadStep.of("assign without dueOn", "{" + assign + "}", 400, "dueOn"),
        BadStep.of("assign with a dueOn not a date", "{" + assign + ", \"dueOn\": \"next week\"}", 400, "dueOn"),
        BadStep.of("assign with a dueOn in the past", "{" + assign + ", \"dueOn\": \"" + TODAY.minusDays(10) + "\"}",
            400, "action.dueOn"),
        BadStep.of("assign with a dueOn years ahead", "{" + assign + ", \"dueOn\": \"" + TODAY.plusYears(5) + "\"}",
            400, "action.dueOn"),
        BadStep.of("plan an unknown type", "{" + plan.replace("DelegationVisited", "GiftExchanged") + "}", 400,
            "action.eventType"),
        BadStep.of("plan a retraction", "{" + plan.replace("DelegationVisited", "EventRetracted") + "}", 400,
            "action.eventType"),
        BadStep.of("plan without plannedOn", "{" + plan.replace("\"plannedOn\": \"" + TODAY.plusDays(30) + "\", ", "")
            + "}", 400, "plannedOn"),
        BadStep.of("plan in the past", "{" + plan.replace(TODAY.plusDays(30).toString(), TODAY.minusDays(30)
            .toString()) + "}", 400, "action.plannedOn"),
        BadStep.of("plan years ahead", "{" + plan.replace(TODAY.plusDays(30).toString(), TODAY.plusYears(4)
            .toString()) + "}", 400, "action.plannedOn"),
        BadStep.of("plan a visit without level", "{" + plan.replace("\"variant\": \"SENIOR_OFFICIAL\", ", "") + "}",
            400, "action.variant"),
        BadStep.of("plan a visit of an unknown level", "{" + plan.replace("SENIOR_OFFICIAL", "KING") + "}", 400,
            "action.variant"),
        BadStep.of("plan a visit without direction", "{" + plan.replace(", \"direction\": \"INBOUND\"", "") + "}", 400,
            "action.direction"),
        BadStep.of("plan a visit going sideways", "{" + plan.replace("INBOUND", "SIDEWAYS") + "}", 400, "direction"),
        BadStep.of("plan an exhibition with a direction", "{" + exhibition + ", \"direction\": \"INBOUND\"}", 400,
            "action.direction"),
        BadStep.of("plan an exhibition with a level", "{" + exhibition + ", \"variant\": \"SENIOR_OFFICIAL\"}", 400,
            "action.variant"),
        BadStep.of("plan with domains not a list", "{" + plan + ", \"domains\": \"CULTURE\"}", 400, "domains"),
        BadStep.of("plan with an unknown domain", "{" + plan + ", \"domains\": [\"SPACE\"]}", 400, "domains[0]"),
        BadStep.of("plan with a domain twice", "{" + plan + ", \"domains\": [\"CULTURE\", \"CULTURE\"]}", 400,
            "action.domains"),
        BadStep.of("decide nothing", "{" + a + "\"action\": \"decide\"}", 400, "decision"),
        BadStep.of("decide a blank", "{" + a + "\"action\": \"decide\", \"decision\": \"\"}", 400, "decision"),
        BadStep.of("assign with a blank dueOn", "{" + assign + ", \"dueOn\": \"\"}", 400, "dueOn"),
        BadStep.of("decide something unknown", "{" + a + "\"action\": \"decide\", \"decision\": \"FORGET\"}", 400,
            "decision"),
        BadStep.of("close naming no event id", "{" + a + "\"action\": \"close\", \"exchangeEventId\": \"a visit\"}",
            400, "action.exchangeEventId"),
        BadStep.of("close naming an exchange never recorded", "{" + a + "\"action\": \"close\", \"exchangeEventId\": "
            + "\"does-not-exist\"}", 400, "action.exchangeEventId")));
    return bad;
  }

  private static HttpResponse<String> post(String user, String body) throws Exception {
    return send(new BadStep("", user, "POST", "application/json", null, body, 0, null));
  }

  private static HttpResponse<String> send(BadStep request) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + FollowUpApi.PATH))
        .header("Content-Type", request.contentType())
        .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.user() != null) {
      builder.header("Authorization", basic(request.user()));
    }
    if (request.origin() != null) {
      builder.header("Origin", request.origin());
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    String credentials = user.contains(":") ? user : user + ":" + PASSWORD;
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every step of the alert on amity.follow-up-steps (other tests write there too), read until {@code expected} have
   * come and a moment more has passed.
   */
  private static List<FollowUpStep> stepsWritten(String alertId, int expected) {
    Map<String, Object> config = new java.util.HashMap<>(kafka);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "follow-up-api-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    AvroDeserializer<Object> values = new AvroDeserializer<>();
    values.configure(Map.of("schema.registry.url", kafka.get("schema.registry.url"), "specific.avro.reader", true),
        false);
    List<FollowUpStep> steps = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(Set.of(Topics.FOLLOW_UP_STEPS.name()));
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      int emptyPolls = 0;
      while (System.nanoTime() < until && (steps.size() < expected || emptyPolls < 3)) {
        var records = consumer.poll(Duration.ofMillis(500));
        emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
        for (ConsumerRecord<String, Object> record : records) {
          FollowUpStep step = (FollowUpStep) record.value();
          assertThat(record.key()).isEqualTo(step.getRelationshipId());
          if (step.getAlertId().equals(alertId)) {
            steps.add(step);
          }
        }
      }
    }
    return steps;
  }
}
