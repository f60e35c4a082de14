package org.amity.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.Contributor;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.Tally;
import org.amity.events.Direction;
import org.amity.streams.model.Activity;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.model.RelationshipFigures;
import org.amity.streams.model.Vitality;
import org.apache.avro.specific.SpecificRecord;

/**
 * The plain-Java reference (ReferenceHistory, VitalityModel) as the oracle of the topology's output, and docs/design.md's
 * formula written out again by hand for figures computed without the model.
 */
final class Reference {
  private static final double TOLERANCE = 1e-9;

  private Reference() {}

  /** The reference figures of one relationship at {@code at}, from raw events in any order. */
  static RelationshipFigures figures(String relationshipId, LocalDate establishedOn, Instant at,
      List<? extends SpecificRecord> events) {
    Map<String, RelationshipFigures> all = ReferenceHistory.of(events, at, Map.of(relationshipId, establishedOn),
        ModelSettings.defaults());
    return all.get(relationshipId);
  }

  /** The published vitality says what the reference says, field by field. */
  static void assertSameVitality(RelationshipVitality actual, Vitality expected) {
    assertThat(actual).as("published vitality").isNotNull();
    assertThat(actual.getAt()).as("at").isEqualTo(expected.at());
    assertThat(actual.getScore()).as("score").isEqualTo(expected.score());
    assertThat(actual.getBand().name()).as("band").isEqualTo(expected.band().name());
    assertThat(actual.getRawMomentum()).as("rawMomentum").isCloseTo(expected.rawMomentum(), within(TOLERANCE));
    assertThat(actual.getMomentum()).as("momentum").isCloseTo(expected.momentum(), within(TOLERANCE));
    assertThat(actual.getBreadth()).as("breadth").isCloseTo(expected.breadth(), within(TOLERANCE));
    assertThat(actual.getReciprocity()).as("reciprocity").isCloseTo(expected.reciprocity(), within(TOLERANCE));
    assertThat(actual.getSubstance()).as("substance").isCloseTo(expected.substance(), within(TOLERANCE));
    assertThat(actual.getTrend()).as("trend").isEqualTo(expected.trend());
    assertThat(actual.getEarlierScore()).as("earlierScore").isEqualTo(expected.earlierScore());
    assertThat(actual.getDaysSinceLastExchange()).as("daysSinceLastExchange")
        .isEqualTo(expected.daysSinceLastExchange());
    assertThat(actual.getDaysSinceLastSubstantive()).as("daysSinceLastSubstantive")
        .isEqualTo(expected.daysSinceLastSubstantive());
    assertThat(actual.getForecastDormantOn()).as("forecastDormantOn").isEqualTo(expected.forecastDormantOn());
    assertThat(actual.getTopContributors().stream().map(Contributor::getEventId).toList()).as("topContributors")
        .isEqualTo(expected.topContributors().stream().map(Vitality.Contributor::eventId).toList());
    for (int i = 0; i < Math.min(actual.getTopContributors().size(), expected.topContributors().size()); i++) {
      assertThat(actual.getTopContributors().get(i).getPointsToday()).as("pointsToday of contributor " + i)
          .isCloseTo(expected.topContributors().get(i).pointsToday(), within(TOLERANCE));
    }
    assertThat(actual.getModelVersion()).as("modelVersion").isEqualTo(expected.modelVersion());
  }

  /** The published activity says what the reference says, window by window. */
  static void assertSameActivity(RelationshipActivity actual, Activity expected) {
    assertThat(actual).as("published activity").isNotNull();
    assertThat(actual.getAt()).as("at").isEqualTo(expected.at());
    assertThat(actual.getWindows()).extracting(ActivityWindow::getDays)
        .isEqualTo(expected.windows().stream().map(Activity.Window::days).toList());
    for (int i = 0; i < expected.windows().size(); i++) {
      Activity.Window want = expected.windows().get(i);
      ActivityWindow got = actual.getWindows().get(i);
      String window = want.days() + " days";
      assertThat(got.getTotal()).as(window + " total").isEqualTo(tally(want.total()));
      assertThat(got.getInbound()).as(window + " inbound").isEqualTo(tally(want.direction(Direction.INBOUND)));
      assertThat(got.getOutbound()).as(window + " outbound").isEqualTo(tally(want.direction(Direction.OUTBOUND)));
      Map<String, Tally> byDomain = new java.util.TreeMap<>();
      want.byDomain().forEach((domain, t) -> byDomain.put(domain.name(), tally(t)));
      assertThat(new java.util.TreeMap<>(got.getByDomain())).as(window + " by domain").isEqualTo(byDomain);
    }
  }

  static Tally tally(Activity.Tally tally) {
    return new Tally(tally.count(), tally.points());
  }

  static Tally tally(int count, int points) {
    return new Tally(count, points);
  }

  // ---- docs/design.md's formula, written out independently of VitalityModel

  /** M's share of one exchange: its points halved every 180 days. */
  static double decayed(int points, double ageDays) {
    return points * Math.pow(2, -ageDays / 180);
  }

  /** V = round(100 · (0.55 m + 0.15 b + 0.10 r + 0.20 s)) with m = 1 − e^(−M/15) and the component caps. */
  static int score(double rawMomentum, int domains, int inbound, int outbound, double substantivePoints) {
    return (int) Math.round(100 * weighted(rawMomentum, domains, inbound, outbound, substantivePoints));
  }

  static double weighted(double rawMomentum, int domains, int inbound, int outbound, double substantivePoints) {
    double m = 1 - Math.exp(-rawMomentum / 15);
    double b = Math.min(1, domains / 4.0);
    double r = inbound == 0 || outbound == 0 ? 0 : Math.min(inbound, outbound) / (double) Math.max(inbound, outbound);
    double s = Math.min(1, substantivePoints / 20);
    return 0.55 * m + 0.15 * b + 0.10 * r + 0.20 * s;
  }
}
