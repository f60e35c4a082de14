package org.amity.streams.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.apache.avro.specific.SpecificRecord;

/**
 * The whole reference in one function: raw events in, in any order, the vitality and activity of every relationship
 * out, as if the history had always been recorded right. The Kafka Streams topology must give the same answers.
 *
 * <p>How the raw events become each relationship's history:
 * <ul>
 *   <li><b>Multilateral events</b>: an event naming several relationships counts, whole, for each of them. Every
 *       rule below applies within one relationship, to the events that name it.</li>
 *   <li><b>Duplicates</b>: events with the same eventId are one event. (The publisher refuses an eventId again with
 *       other content; should such a pair arrive anyway, the one recorded first counts, then the one with the
 *       smaller {@link Events#contentKey content key}, so that the answer never depends on the order of arrival.)</li>
 *   <li><b>Retractions</b>: an {@code EventRetracted} removes the event whose eventId it names, whether it arrives
 *       before or after that event, from the relationships the retraction names (its envelope names those of the
 *       retracted event). A retracted event has no effect at all: a retracted correction no longer replaces what it
 *       corrected. Retractions themselves are final.</li>
 *   <li><b>Corrections</b>: an event whose envelope names an earlier eventId in {@code corrects} replaces that event;
 *       chains work (C corrects B corrects A: only C counts).</li>
 * </ul>
 */
public final class ReferenceHistory {
  private static final Comparator<SpecificRecord> FIRST_RECORDED =
      Comparator.comparing((SpecificRecord event) -> Events.envelopeOf(event).getRecordedAt())
          .thenComparingLong(Events::contentKey);
  private static final Comparator<SpecificRecord> CHRONOLOGICAL =
      Comparator.comparing((SpecificRecord event) -> Events.envelopeOf(event).getOccurredAt())
          .thenComparing(event -> Events.envelopeOf(event).getEventId());

  private ReferenceHistory() {}

  /** {@link #of(Collection, Instant, Map, ModelSettings)} with the default settings and no establishment dates. */
  public static Map<String, RelationshipFigures> of(Collection<? extends SpecificRecord> events, Instant at) {
    return of(events, at, Map.of(), ModelSettings.defaults());
  }

  /**
   * The figures of every relationship that a live event names, or that {@code establishedOn} names, at {@code at}.
   *
   * @param events raw events of any type, in any order, duplicates, retractions and corrections included
   * @param establishedOn the day each relationship was established, where known (for the NEW band)
   * @return by relationship id, sorted
   */
  public static Map<String, RelationshipFigures> of(Collection<? extends SpecificRecord> events, Instant at,
      Map<String, LocalDate> establishedOn, ModelSettings settings) {
    Map<String, List<Exchange>> byRelationship = new HashMap<>();
    eventsByRelationship(events).forEach((id, named) -> byRelationship.put(id,
        liveEvents(named).stream().map(event -> Exchange.of(event, settings)).toList()));
    establishedOn.keySet().forEach(id -> byRelationship.putIfAbsent(id, List.of()));
    VitalityModel model = new VitalityModel(settings);
    Map<String, RelationshipFigures> figures = new TreeMap<>();
    byRelationship.forEach((id, exchanges) -> figures.put(id, new RelationshipFigures(id,
        model.score(exchanges, at, establishedOn.get(id)), Activity.of(exchanges, at, settings))));
    return figures;
  }

  /**
   * The exchange events that stand once duplicates, retractions and corrections are applied, oldest first.
   * Retractions themselves are not in it.
   */
  public static List<SpecificRecord> liveEvents(Collection<? extends SpecificRecord> events) {
    Collection<SpecificRecord> unique = oneByEventId(events);
    Set<String> retracted = new HashSet<>();
    for (SpecificRecord event : unique) {
      if (event instanceof EventRetracted retraction) {
        retracted.add(retraction.getRetractedEventId());
      }
    }
    List<SpecificRecord> standing = unique.stream()
        .filter(event -> !(event instanceof EventRetracted))
        .filter(event -> !retracted.contains(Events.envelopeOf(event).getEventId()))
        .toList();
    Set<String> corrected = new HashSet<>();
    for (SpecificRecord event : standing) {
      Envelope envelope = Events.envelopeOf(event);
      if (envelope.getCorrects() != null && !envelope.getCorrects().equals(envelope.getEventId())) {
        corrected.add(envelope.getCorrects());
      }
    }
    return standing.stream()
        .filter(event -> !corrected.contains(Events.envelopeOf(event).getEventId()))
        .sorted(CHRONOLOGICAL)
        .toList();
  }

  private static Collection<SpecificRecord> oneByEventId(Collection<? extends SpecificRecord> events) {
    Map<String, SpecificRecord> byId = new HashMap<>();
    for (SpecificRecord event : events) {
      byId.merge(Events.envelopeOf(event).getEventId(), event,
          (kept, other) -> FIRST_RECORDED.compare(other, kept) < 0 ? other : kept);
    }
    return byId.values();
  }

  /** The events that name each relationship, each once per relationship however often it names it. */
  public static Map<String, List<SpecificRecord>> eventsByRelationship(Collection<? extends SpecificRecord> events) {
    Map<String, List<SpecificRecord>> byRelationship = new HashMap<>();
    for (SpecificRecord event : events) {
      for (String relationshipId : new LinkedHashSet<>(Events.envelopeOf(event).getRelationshipIds())) {
        byRelationship.computeIfAbsent(relationshipId, id -> new ArrayList<>()).add(event);
      }
    }
    return byRelationship;
  }
}
