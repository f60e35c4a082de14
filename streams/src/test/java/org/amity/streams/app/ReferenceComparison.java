package org.amity.streams.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.Contributor;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.events.Direction;
import org.amity.streams.model.Activity;
import org.amity.streams.model.Exchange;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.model.RelationshipFigures;
import org.amity.streams.model.Vitality;
import org.amity.streams.vitality.Records;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where what the streams application published for a relationship differs from the reference implementation at the
 * same instant: every field of its vitality and activity (each at its own instant: activity is published only when it
 * changes). Used by the property test and the crash test.
 */
public final class ReferenceComparison {
  static final double TOLERANCE = 1e-9;

  private ReferenceComparison() {}

  /**
   * @param events every event that names the relationship (or more), as sent: duplicates, retractions and corrections
   * @return one line per field that differs; empty when the two agree
   */
  public static List<String> differences(String id, RelationshipVitality vitality, RelationshipActivity activity,
      Collection<? extends SpecificRecord> events, LocalDate establishedOn, ModelSettings settings) {
    List<String> differences = new ArrayList<>();
    if (vitality == null || activity == null) {
      differences.add(id + ": vitality " + (vitality == null ? "missing" : "present") + ", activity "
          + (activity == null ? "missing" : "present"));
      return differences;
    }
    Map<String, LocalDate> established = new HashMap<>();
    established.put(id, establishedOn);
    RelationshipFigures reference = ReferenceHistory.of(events, vitality.getAt(), established, settings).get(id);
    RelationshipFigures referenceForActivity = activity.getAt().equals(vitality.getAt()) ? reference
        : ReferenceHistory.of(events, activity.getAt(), established, settings).get(id);
    List<Exchange> standing = ReferenceHistory.liveEvents(
            ReferenceHistory.eventsByRelationship(events).getOrDefault(id, List.of())).stream()
        .map(event -> Exchange.of(event, settings))
        .toList();
    compareVitality(id, vitality, reference.vitality(), standing, differences);
    compareActivity(id, activity, referenceForActivity.activity(), differences);
    return differences;
  }

  private static void compareVitality(String id, RelationshipVitality actual, Vitality expected,
      List<Exchange> standing, List<String> differences) {
    Diff diff = new Diff(id + " vitality", differences);
    diff.same("relationshipId", actual.getRelationshipId(), id);
    diff.same("at", actual.getAt(), expected.at());
    diff.same("score", actual.getScore(), expected.score());
    diff.same("band", actual.getBand(), Records.band(expected.band()));
    diff.close("rawMomentum", actual.getRawMomentum(), expected.rawMomentum());
    diff.close("momentum", actual.getMomentum(), expected.momentum());
    diff.close("breadth", actual.getBreadth(), expected.breadth());
    diff.close("reciprocity", actual.getReciprocity(), expected.reciprocity());
    diff.close("substance", actual.getSubstance(), expected.substance());
    diff.same("trend", actual.getTrend(), expected.trend());
    diff.same("earlierScore", actual.getEarlierScore(), expected.earlierScore());
    diff.same("daysSinceLastExchange", actual.getDaysSinceLastExchange(), expected.daysSinceLastExchange());
    diff.same("daysSinceLastSubstantive", actual.getDaysSinceLastSubstantive(), expected.daysSinceLastSubstantive());
    diff.same("forecastDormantOn", actual.getForecastDormantOn(), expected.forecastDormantOn());
    diff.same("modelVersion", actual.getModelVersion(), expected.modelVersion());
    List<Contributor> contributors = actual.getTopContributors();
    diff.same("topContributors.size", contributors.size(), expected.topContributors().size());
    for (int i = 0; i < Math.min(contributors.size(), expected.topContributors().size()); i++) {
      Contributor c = contributors.get(i);
      Vitality.Contributor e = expected.topContributors().get(i);
      diff.same("topContributors[" + i + "].eventId", c.getEventId(), e.eventId());
      diff.same("topContributors[" + i + "].type", c.getType(), e.type());
      diff.same("topContributors[" + i + "].occurredAt", c.getOccurredAt(), e.occurredAt());
      diff.close("topContributors[" + i + "].pointsToday", c.getPointsToday(), e.pointsToday());
    }
    List<Exchange> counted = standing.stream()
        .filter(exchange -> exchange.counts() && !exchange.occurredAt().isAfter(expected.at()))
        .toList();
    diff.same("exchanges", actual.getExchanges(), counted.size());
    diff.same("lastExchangeAt", actual.getLastExchangeAt(),
        counted.stream().map(Exchange::occurredAt).max(Instant::compareTo).orElse(null));
    diff.same("lastSubstantiveAt", actual.getLastSubstantiveAt(),
        counted.stream().filter(Exchange::substantive).map(Exchange::occurredAt).max(Instant::compareTo).orElse(null));
  }

  private static void compareActivity(String id, RelationshipActivity actual, Activity expected,
      List<String> differences) {
    Diff diff = new Diff(id + " activity", differences);
    diff.same("at", actual.getAt(), expected.at());
    diff.same("windows.size", actual.getWindows().size(), expected.windows().size());
    for (int i = 0; i < Math.min(actual.getWindows().size(), expected.windows().size()); i++) {
      ActivityWindow window = actual.getWindows().get(i);
      Activity.Window reference = expected.windows().get(i);
      String name = "window " + reference.days();
      diff.same(name + " days", window.getDays(), reference.days());
      diff.same(name + " total", tally(window.getTotal()), reference.total());
      Map<String, Activity.Tally> byDomain = new TreeMap<>();
      reference.byDomain().forEach((domain, tally) -> byDomain.put(domain.name(), tally));
      Map<String, Activity.Tally> actualByDomain = new TreeMap<>();
      window.getByDomain().forEach((domain, tally) -> actualByDomain.put(domain.toString(), tally(tally)));
      diff.same(name + " byDomain", actualByDomain, byDomain);
      diff.same(name + " inbound", tally(window.getInbound()), reference.direction(Direction.INBOUND));
      diff.same(name + " outbound", tally(window.getOutbound()), reference.direction(Direction.OUTBOUND));
    }
  }

  private static Activity.Tally tally(Tally tally) {
    return new Activity.Tally(tally.getCount(), tally.getPoints());
  }

  /** Collects the fields on which topology and reference differ. */
  private record Diff(String what, List<String> differences) {
    void same(String field, Object actual, Object expected) {
      if (!Objects.equals(actual, expected)) {
        differences.add(what + " " + field + ": topology " + actual + ", reference " + expected);
      }
    }

    void close(String field, double actual, double expected) {
      if (!(Math.abs(actual - expected) <= TOLERANCE)) {
        differences.add(what + " " + field + ": topology " + actual + ", reference " + expected);
      }
    }
  }
}
