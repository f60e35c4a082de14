package org.amity.contract;

import static org.amity.contract.PointRule.by;
import static org.amity.contract.PointRule.flat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationVisited;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.ProjectMilestone;
import org.amity.events.VideoMeeting;
import org.amity.topics.TopicSpec;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event type, declared once (docs/adding-an-event-type.md): the topic, the words, the default points and the
 * spreadsheet columns of each. Every role reads them from here; the fields come from the Avro schema.
 *
 * <p>Points where docs/design.md names none: civil-society and youth delegations 3 (like business and academic
 * ones); a friendly-cooperation establishment 12 (lighter than a sister city's 15, more than an ordinary agreement's
 * 10); a cooperation agreement and a project contract 10; a project phase completed 6 (less than a launch); a project
 * cancelled 0 (not counted).
 */
public final class EventTypes {
  public static final EventType DELEGATION_VISITED = EventType.of(DelegationVisited.SCHEMA$, "delegation-visited",
          "delegations in and out")
      .labels("代表团互访", "delegation visit")
      .points(by("level", "HEAD_OF_GOVERNMENT", 10, "SENIOR_OFFICIAL", 6, "DEPARTMENT", 4, "BUSINESS", 3,
          "ACADEMIC", 3, "CIVIL_SOCIETY", 3, "YOUTH", 3))
      .day("startDate")
      .sheetWords("delegation", "visit", "代表团", "访问")
      .sheet("direction", "direction", "level", "level", "headcount", "headcount", "leader", "leader",
          "endDate", "end_date")
      .people("headcount", "代表团成员", "delegation members")
      .build();

  public static final EventType AGREEMENT_SIGNED = EventType.of(AgreementSigned.SCHEMA$, "agreement-signed",
          "agreements, memoranda, letters of intent, renewals")
      .labels("签署协议", "agreement signed")
      .points(by("kind", "LETTER_OF_INTENT", 8, "SISTER_CITY_ESTABLISHMENT", 15, "FRIENDLY_COOPERATION_ESTABLISHMENT", 12,
          "MEMORANDUM", 10, "COOPERATION_AGREEMENT", 10, "RENEWAL", 8, "PROJECT_CONTRACT", 10))
      .substantive()
      .day("signedOn")
      .sheetWords("agreement", "协议", "签约")
      .sheet("kind", "kind", "title", "title", "validUntil", "valid_until", "value", "value")
      .money("value", null)
      .build();

  public static final EventType EXHIBITION_HELD = EventType.of(ExhibitionHeld.SCHEMA$, "exhibition-held",
          "exhibitions and promotions")
      .labels("展览", "exhibition")
      .points(flat(5))
      .day("startDate")
      .sheetWords("exhibition", "展览", "展会")
      .sheet("title", "title", "venueName", "venue_name", "heldIn", "held_in", "venue", "venue",
          "visitors", "visitors", "endDate", "end_date")
      .people("visitors", "展览观众", "exhibition visitors")
      .build();

  public static final EventType FORUM_HELD = EventType.of(ForumHeld.SCHEMA$, "forum-held",
          "forums, festivals, tournaments, commemorations; often multilateral")
      .labels("论坛与节庆", "forum or festival")
      .points(flat(4))
      .day("startDate")
      .sheetWords("forum", "论坛")
      .sheet("kind", "kind", "title", "title", "venue", "venue", "heldIn", "held_in", "partnerCount", "partner_count",
          "participants", "participants", "endDate", "end_date")
      .people("participants", "论坛与节庆参加者", "forum and festival participants")
      .build();

  public static final EventType PROJECT_MILESTONE = EventType.of(ProjectMilestone.SCHEMA$, "project-milestone",
          "joint projects launched and completed")
      .labels("项目进展", "project milestone")
      .points(by("milestone", "LAUNCHED", 8, "PHASE_COMPLETED", 6, "COMPLETED", 10, "CANCELLED", 0))
      .substantive()
      .day("reachedOn")
      .sheetWords("project", "项目")
      .sheet("projectId", "project_id|title", "projectName", "title", "milestone", "kind", "value", "value")
      .money("value", "projectId")
      .build();

  public static final EventType EXCHANGE_PROGRAMME = EventType.of(ExchangeProgramme.SCHEMA$, "exchange-programme",
          "student, youth, training, sport and culture exchanges")
      .labels("交流项目", "exchange programme")
      .points(flat(4))
      .substantive()
      .day("startDate")
      .sheetWords("programme", "program", "exchange", "交流项目", "交流")
      .sheet("kind", "kind", "title", "title", "direction", "direction", "participants", "participants",
          "endDate", "end_date")
      .people("participants", "交流项目参加者", "programme participants")
      .build();

  public static final EventType VIDEO_MEETING = EventType.of(VideoMeeting.SCHEMA$, "video-meeting",
          "video meetings (cloud exchange)")
      .labels("视频会见", "video meeting")
      .points(flat(2))
      .sheetWords("video", "video meeting", "视频会议", "云交流")
      .sheet("topic", "title", "level", "level", "participants", "participants")
      .people("participants", "视频会议参加者", "video-meeting participants")
      .build();

  public static final EventType EVENT_RETRACTED = EventType.of(EventRetracted.SCHEMA$, "event-retracted",
          "withdrawals of earlier events")
      .labels("撤回记录", "record withdrawn")
      .build();

  private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();

  static {
    for (EventType type : List.of(DELEGATION_VISITED, AGREEMENT_SIGNED, EXHIBITION_HELD, FORUM_HELD, PROJECT_MILESTONE,
        EXCHANGE_PROGRAMME, VIDEO_MEETING, EVENT_RETRACTED)) {
      BY_NAME.put(type.name(), type);
    }
  }

  private EventTypes() {}

  /** Every event type, in the order of the topic catalog. */
  public static List<EventType> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** The types that record an exchange. */
  public static List<EventType> exchanges() {
    return BY_NAME.values().stream().filter(EventType::exchange).toList();
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  public static Optional<EventType> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static Optional<TopicSpec> topic(String name) {
    return named(name).map(EventType::topic);
  }

  public static Schema schema(String name) {
    return BY_NAME.get(name).schema();
  }

  public static EventType of(SpecificRecord event) {
    return named(event.getSchema().getName()).orElseThrow(
        () -> new IllegalArgumentException(event.getSchema().getFullName() + " is not an event type"));
  }

  public static TopicSpec topicOf(SpecificRecord event) {
    return of(event).topic();
  }

  /** Every event type has an envelope as its field "envelope". */
  public static Envelope envelopeOf(SpecificRecord event) {
    Object envelope = event.get(event.getSchema().getField(EventType.ENVELOPE).pos());
    return (Envelope) envelope;
  }

  /** The topic key: the envelope's first relationship id. */
  public static String keyOf(SpecificRecord event) {
    return envelopeOf(event).getRelationshipIds().get(0);
  }
}
