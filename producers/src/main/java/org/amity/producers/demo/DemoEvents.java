package org.amity.producers.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.amity.contract.EventTypes;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.apache.avro.specific.SpecificRecord;

/** What the demo's facts and generated history share: the envelope and the time of day events happen. */
final class DemoEvents {
  /** The offices are in China; a demo event happens at 10:00 local time on its day. */
  static final ZoneOffset OFFICE_TIME = ZoneOffset.ofHours(8);
  private static final LocalTime EVENT_TIME = LocalTime.of(10, 0);
  /** Offices record an event the day after it happened. */
  private static final Duration RECORDING_DELAY = Duration.ofDays(1);

  private DemoEvents() {}

  static Envelope envelope(String eventId, String office, List<String> relationshipIds, LocalDate day,
      List<Domain> domains, String source, String summary) {
    Instant occurredAt = day.atTime(EVENT_TIME).toInstant(OFFICE_TIME);
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(occurredAt)
        .setRecordedAt(occurredAt.plus(RECORDING_DELAY))
        .setOffice(office)
        .setRelationshipIds(List.copyOf(relationshipIds))
        .setDomains(List.copyOf(domains))
        .setSource(source)
        .setSummary(summary)
        .build();
  }

  /** The day the event happened, in the offices' time. */
  static LocalDate dayOf(SpecificRecord event) {
    return EventTypes.envelopeOf(event).getOccurredAt().atOffset(OFFICE_TIME).toLocalDate();
  }

  static String eventIdOf(SpecificRecord event) {
    return EventTypes.envelopeOf(event).getEventId();
  }
}
