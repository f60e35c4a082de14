package org.amity.contract;

import static org.amity.topics.TopicSpec.Cleanup.COMPACT;
import static org.amity.topics.TopicSpec.Cleanup.DELETE;
import static org.amity.topics.TopicSpec.FOREVER;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.followups.FollowUpStep;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.topics.TopicSpec;

/**
 * Every topic Amity uses, declared once. Event topics keep their records forever: scores are rebuilt by
 * replaying them. Master data is compacted: the newest record per key is the truth.
 */
public final class Topics {
  private static final String RELATIONSHIP_ID = "relationship id (office/partner)";

  public static final TopicSpec OFFICES = new TopicSpec("amity.offices", "office id",
      Office.class.getName(), COMPACT, FOREVER, false, "the offices that keep partnerships");
  public static final TopicSpec RELATIONSHIPS = new TopicSpec("amity.relationships", RELATIONSHIP_ID,
      Relationship.class.getName(), COMPACT, FOREVER, true, "relationship master data");

  public static final TopicSpec EVENT_IDS = new TopicSpec("amity.event-ids", "eventId",
      "fingerprint of the event's content (SHA-256, hex), written in the same transaction as the event",
      COMPACT, FOREVER, false, "every eventId accepted, so that a second send of the same event writes nothing");

  public static final TopicSpec DEAD_LETTER = new TopicSpec("amity.dead-letter", "the bad record's key, as it came",
      "the bad record's bytes, as they came; headers name topic, partition, offset and reason",
      DELETE, Duration.ofDays(30).toMillis(), false, "records that could not be processed");

  public static final TopicSpec VITALITY = new TopicSpec("amity.vitality", RELATIONSHIP_ID,
      RelationshipVitality.class.getName(), COMPACT, FOREVER, true, "each relationship's vitality score, band and why");
  public static final TopicSpec ACTIVITY = new TopicSpec("amity.activity", RELATIONSHIP_ID,
      RelationshipActivity.class.getName(), COMPACT, FOREVER, true, "each relationship's exchanges over 30, 90 and 365 days");
  public static final TopicSpec OFFICE_ROLLUPS = new TopicSpec("amity.office-rollups", "office id",
      OfficeRollup.class.getName(), COMPACT, FOREVER, false, "per office: relationships by band, activity, ranking");
  public static final TopicSpec ALERTS = new TopicSpec("amity.alerts", RELATIONSHIP_ID,
      Alert.class.getName(), DELETE, FOREVER, true, "band changes, anniversaries, expiring agreements, follow-ups overdue and plans missed; each once");

  public static final TopicSpec YIELDS = new TopicSpec("amity.yields", RELATIONSHIP_ID,
      RelationshipYield.class.getName(), COMPACT, FOREVER, true,
      "what each relationship yielded, year by year: values committed by currency, people taking part, the events behind");
  public static final TopicSpec OFFICE_YIELDS = new TopicSpec("amity.office-yields", "officeId/year",
      OfficeYield.class.getName(), COMPACT, FOREVER, false,
      "what each office's partnerships yielded in a year, own and with the offices under it, each event counted once");
  public static final TopicSpec FOLLOW_UP_STEPS = new TopicSpec("amity.follow-up-steps", RELATIONSHIP_ID,
      FollowUpStep.class.getName(), DELETE, FOREVER, true,
      "what offices do about alerts: acknowledge, assign, plan an exchange, decide, close; by whom and when");
  public static final TopicSpec FOLLOW_UPS = new TopicSpec("amity.follow-ups", "alertId",
      FollowUp.class.getName(), COMPACT, FOREVER, false,
      "each alert's follow-up as its steps and the recorded exchanges leave it, with a plan's what-if score");

  public static final TopicSpec NOTIFIER_DELIVERIES = new TopicSpec("amity.notifier-deliveries",
      "alertId|recipient", "the delivery's state as JSON: QUEUED (for a digest), DELIVERED or FAILED, when, attempts, reason",
      COMPACT, FOREVER, false, "what the notifier sent to whom, so that no alert reaches a recipient twice, and what failed");

  /** The event topics, one per event type ({@link EventTypes}). */
  public static final List<TopicSpec> EVENTS = EventTypes.all().stream().map(EventType::topic).toList();

  /** The whole catalog, in the order docs/design.md lists it. */
  public static final List<TopicSpec> ALL = concat(List.of(OFFICES, RELATIONSHIPS), EVENTS, List.of(EVENT_IDS),
      List.of(FOLLOW_UP_STEPS), List.of(VITALITY, ACTIVITY, YIELDS, OFFICE_YIELDS, OFFICE_ROLLUPS, ALERTS, FOLLOW_UPS, DEAD_LETTER,
          NOTIFIER_DELIVERIES));

  private Topics() {}

  /** The event topic that carries records of this generated class. */
  public static Optional<TopicSpec> forEventType(Class<?> eventType) {
    return EVENTS.stream().filter(t -> t.value().equals(eventType.getName())).findFirst();
  }

  @SafeVarargs
  private static List<TopicSpec> concat(List<TopicSpec>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
