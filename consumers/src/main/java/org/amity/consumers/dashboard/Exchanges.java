package org.amity.consumers.dashboard;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.amity.contract.EventValidator;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationVisited;
import org.amity.events.Envelope;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.ProjectMilestone;
import org.amity.events.VideoMeeting;
import org.amity.labels.Labels;
import org.apache.avro.specific.SpecificRecord;

/** Exchange events as the partner page's timeline shows them: the envelope and a few words of the type's own. */
final class Exchanges {
  private Exchanges() {}

  /**
   * One exchange of a relationship's timeline. {@code details} holds the type's own fields, e.g. a delegation's
   * direction and level (symbols), an agreement's kind and title, a project's milestone; {@code corrects} the eventId
   * it replaces.
   */
  record Exchange(String eventId, String type, Instant occurredAt, String summary, List<String> domains,
                  Map<String, Object> details, List<String> relationshipIds, String corrects) {

    /** The details in words of the language: symbols by their label (capitalised), the rest as written, joined by " · ". */
    String detailsText(Locale language) {
      return details.values().stream().map(v -> v instanceof Enum<?> symbol ? capitalised(Labels.of(symbol, language)) : v.toString())
          .collect(Collectors.joining(" · "));
    }

    private static String capitalised(String word) {
      return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }

  /** The exchange an event records, or null for a record that is no exchange (a retraction, anything else). */
  static Exchange of(SpecificRecord event) {
    Envelope envelope;
    Map<String, Object> details = new LinkedHashMap<>();
    if (event instanceof DelegationVisited e) {
      envelope = e.getEnvelope();
      put(details, "direction", e.getDirection());
      put(details, "level", e.getLevel());
      put(details, "leader", e.getLeader());
      put(details, "headcount", e.getHeadcount());
    } else if (event instanceof AgreementSigned e) {
      envelope = e.getEnvelope();
      put(details, "kind", e.getKind());
      put(details, "title", e.getTitle());
      put(details, "validUntil", e.getValidUntil());
    } else if (event instanceof ExhibitionHeld e) {
      envelope = e.getEnvelope();
      put(details, "title", e.getTitle());
      put(details, "venue", e.getVenue());
      put(details, "heldIn", e.getHeldIn());
    } else if (event instanceof ForumHeld e) {
      envelope = e.getEnvelope();
      put(details, "kind", e.getKind());
      put(details, "title", e.getTitle());
      put(details, "heldIn", e.getHeldIn());
      put(details, "partnerCount", e.getPartnerCount());
    } else if (event instanceof ProjectMilestone e) {
      envelope = e.getEnvelope();
      put(details, "milestone", e.getMilestone());
      put(details, "projectName", e.getProjectName());
    } else if (event instanceof ExchangeProgramme e) {
      envelope = e.getEnvelope();
      put(details, "kind", e.getKind());
      put(details, "title", e.getTitle());
      put(details, "direction", e.getDirection());
      put(details, "participants", e.getParticipants());
    } else if (event instanceof VideoMeeting e) {
      envelope = e.getEnvelope();
      put(details, "level", e.getLevel());
      put(details, "topic", e.getTopic());
    } else {
      return null;
    }
    return new Exchange(envelope.getEventId(), event.getSchema().getName(), envelope.getOccurredAt(),
        cut(envelope.getSummary(), EventValidator.SUMMARY_LIMIT), envelope.getDomains().stream().map(Enum::name).toList(),
        Collections.unmodifiableMap(details),
        envelope.getRelationshipIds().stream().distinct().toList(), envelope.getCorrects());
  }

  private static void put(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value instanceof CharSequence text ? cut(text.toString(), EventValidator.TEXT_LIMIT) : value);
    }
  }

  /**
   * Text as long as the contract allows at most: the ingest API refuses longer text, but a record written straight
   * to a topic may hold any, and the dashboard keeps every exchange it shows in memory.
   */
  private static String cut(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit) + "…";
  }
}
