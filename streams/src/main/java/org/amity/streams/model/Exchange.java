package org.amity.streams.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.apache.avro.specific.SpecificRecord;

/**
 * One exchange as the model sees it.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened (the envelope's event time)
 * @param points what it is worth ({@link Points}); 0 means it does not count for vitality
 * @param substantive whether it is an agreement, a project or an exchange programme
 * @param domains the fields it touched
 * @param direction which way a delegation travelled; null for every other kind of exchange (only delegations count
 *     for reciprocity)
 * @param type the Avro record name, e.g. "DelegationVisited"
 */
public record Exchange(String eventId, Instant occurredAt, int points, boolean substantive, Set<Domain> domains,
    Direction direction, String type) {

  public Exchange {
    requireNonNull(eventId, "eventId");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(type, "type");
    // an EnumSet itself, not wrapped: the model adds many exchanges' domains together, a bit operation between two
    // EnumSets; nothing changes it after this
    domains = domains.isEmpty() ? EnumSet.noneOf(Domain.class) : EnumSet.copyOf(domains);
  }

  /**
   * The exchange an event records.
   *
   * @throws IllegalArgumentException for an event that is no exchange, such as an {@code EventRetracted}
   */
  public static Exchange of(SpecificRecord event, ModelSettings settings) {
    Points points = Points.of(event, settings);
    Envelope envelope = Events.envelopeOf(event);
    Direction direction = event instanceof DelegationVisited visit ? visit.getDirection() : null;
    return new Exchange(envelope.getEventId(), envelope.getOccurredAt(), points.points(), points.substantive(),
        Set.copyOf(envelope.getDomains()), direction, event.getSchema().getName());
  }

  /** Whether the exchange counts for vitality: it is worth some points. */
  public boolean counts() {
    return points > 0;
  }
}
