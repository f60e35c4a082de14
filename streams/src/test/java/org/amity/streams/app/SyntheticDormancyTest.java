package org.amity.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.DaysSince;
import org.amity.partners.Relationship;
import org.amity.producers.synthetic.GroundTruth;
import org.amity.producers.synthetic.Profile;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.amity.streams.model.Band;
import org.amity.streams.model.Exchange;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.model.Vitality;
import org.amity.streams.model.VitalityModel;
import org.amity.streams.settings.StreamsSettings;
import org.amity.streams.vitality.Records;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The synthetic generator's data, with its ground truth, through the whole topology while the wall clock runs for
 * over thirteen months: every relationship that went quiet is flagged DORMANT within one review interval of
 * crossing the threshold, and no other is.
 *
 * <p>Set-up: 120 relationships (3 offices × 40) with three years of events (10 a year on average), 20% of them quiet
 * from {@link #QUIET_FROM} (the generator's ground truth, profile {@code quiet}), fixed seed. The wall clock starts 7
 * days before {@code QUIET_FROM}; the offices, the relationships and every event (later ones too: the model ignores
 * an exchange until its time has come) are loaded, the emit punctuation publishes, and then the clock moves on one
 * review interval (1 day, configured for speed) at a time, 403 times, to 396 days (13 months) after
 * {@code QUIET_FROM}. The review punctuation re-scores every relationship at each step. The size is set by run
 * time: on a TopologyTestDriver a relationship costs about 0.3 s over the 403 reviews (over a quarter of it the
 * driver matching internal topic names against patterns, a sixth the model's dormancy forecast), so 120
 * relationships take 30–45 s.
 *
 * <p>What "went quiet" means. The generator's profiles are not enough: its {@code sparse} relationships (0.5 to 2.5
 * events a year) and the least busy {@code active} ones legitimately turn DORMANT by the model now and then, after
 * a year without any exchange or when vitality falls below 10, and revive with their next exchange; that is the
 * model working, not a false alarm. So the test takes the reference model as the judge of when a relationship crosses
 * into DORMANT, and the ground truth as the judge of who must:
 * <ul>
 *   <li>A relationship <b>crosses the threshold</b> at instant c when, by the reference model
 *       ({@link VitalityModel} over the relationship's standing events, {@link ReferenceHistory#liveEvents}), its band
 *       turns DORMANT at c. The test finds c to the millisecond between two reviews. A dip into DORMANT that ends
 *       before the next review cannot be seen by any review and is not counted; the test counts such dips and prints
 *       how many there were.</li>
 *   <li><b>Flagged</b>: the topology raised a WENT_DORMANT alert. Each must be raised at a review no earlier than c
 *       and no later than c + one review interval, and every crossing must be flagged so: precision and recall 1
 *       against the crossings. Beyond the alerts, the band of every published vitality record must be the model's
 *       band at every review.</li>
 *   <li>Against the ground truth: every {@code quiet} relationship crosses, at the latest 365 days (the silence
 *       threshold) after its last exchange ({@code lastEventAt}), is flagged within one review interval of that, and
 *       is DORMANT at the end: recall 1. A relationship of another profile is flagged only where the model says it
 *       crossed; the test prints how many there are, by profile and by cause (a year of silence, or vitality below
 *       10).</li>
 * </ul>
 */
class SyntheticDormancyTest {
  static final LocalDate END = LocalDate.of(2026, 1, 1);
  static final LocalDate QUIET_FROM = END.minusMonths(14);
  static final SyntheticSpec SPEC = new SyntheticSpec(3, 40, 3, END, 20_261_121L, 0.2, QUIET_FROM, 10);
  static final Duration REVIEW = Duration.ofDays(1);
  static final Instant START = QUIET_FROM.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(7));
  /** Reviews after the first publication: to 396 days after QUIET_FROM. */
  static final int REVIEWS = 7 + 396;

  /** A DORMANT crossing: the relationship, the exact instant, the review that should see it, why. */
  record Crossing(String relationshipId, Instant at, Instant review, String cause) {}

  @Test
  void everyRelationshipThatWentQuietIsFlaggedDormantWithinOneReviewAndNoOtherIs() {
    long started = System.nanoTime();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    SyntheticGenerator generator = new SyntheticGenerator(SPEC);
    List<Relationship> relationships = generator.relationships().toList();
    List<SpecificRecord> events = generator.events().toList();
    GroundTruth truth = new GroundTruth(generator);
    events.forEach(truth::record);
    assertThat(truth.rows()).hasSize(relationships.size());

    // the topology
    List<Instant> reviews = new ArrayList<>();
    Map<String, List<RelationshipVitality>> topologyVitality = new TreeMap<>();
    List<Alert> wentDormant;
    long topologyStarted = System.nanoTime();
    // The whole history is sent at the start, up to 14 months ahead of the wall clock: a wider horizon lets it wait.
    try (TopologyFixture streams = new TopologyFixture(START,
        StreamsSettings.defaults().withIntervals(TopologyFixture.EMIT, REVIEW).withFutureHorizonDays(3650))) {
      generator.offices().forEach(streams::add);
      relationships.forEach(streams::add);
      events.forEach(streams::send);
      streams.publish();
      reviews.add(streams.now());
      for (int k = 0; k < REVIEWS; k++) {
        streams.advance(REVIEW);
        reviews.add(streams.now());
      }
      assertThat(streams.deadLetters()).as("dead letters").isEmpty();
      wentDormant = streams.alerts().stream().filter(alert -> alert.getKind() == AlertKind.WENT_DORMANT).toList();
      for (Relationship relationship : relationships) {
        String id = relationship.getRelationshipId();
        topologyVitality.put(id, latestAt(streams.vitalityLog(id), reviews));
      }
    }
    double topologySeconds = (System.nanoTime() - topologyStarted) / 1e9;

    // the reference: the model's band at every review, and the crossings into DORMANT between reviews
    ModelSettings settings = StreamsSettings.defaults().model();
    VitalityModel model = new VitalityModel(bandOnly(settings));
    Map<String, List<SpecificRecord>> byRelationship = ReferenceHistory.eventsByRelationship(events);
    List<Crossing> crossings = new ArrayList<>();
    List<String> bandDifferences = new ArrayList<>();
    List<String> shownDifferences = new ArrayList<>();
    Map<String, Band> finalBand = new TreeMap<>();
    int unseenDips = 0;
    for (Relationship relationship : relationships) {
      String id = relationship.getRelationshipId();
      LocalDate establishedOn = relationship.getEstablishedOn();
      List<Exchange> exchanges = ReferenceHistory.liveEvents(byRelationship.getOrDefault(id, List.of())).stream()
          .map(event -> Exchange.of(event, settings))
          .toList();
      Band previous = null;
      List<Band> bands = new ArrayList<>();
      for (int k = 0; k < reviews.size(); k++) {
        Vitality scored = model.score(exchanges, reviews.get(k), establishedOn);
        Band band = scored.band();
        bands.add(band);
        RelationshipVitality latest = topologyVitality.get(id).get(k);
        org.amity.aggregates.Band published = latest == null ? null : latest.getBand();
        if (published != Records.band(band)) {
          bandDifferences.add(id + " at " + reviews.get(k) + ": topology " + published + ", model " + band);
        }
        if (latest != null && !shown(latest, reviews.get(k)).equals(shown(scored))) {
          shownDifferences.add(id + " at " + reviews.get(k) + ": topology " + shown(latest, reviews.get(k))
              + ", model " + shown(scored));
        }
        if (previous != null && previous != Band.DORMANT && band == Band.DORMANT) {
          crossings.add(crossing(model, exchanges, establishedOn, id, reviews.get(k - 1), reviews.get(k)));
        }
        previous = band;
      }
      finalBand.put(id, previous);
      unseenDips += unseenDips(model, exchanges, establishedOn, reviews, bands);
    }
    assertThat(bandDifferences).as("bands published against the model's").isEmpty();
    assertThat(shownDifferences).as("what the last vitality published by each review shows, against the model")
        .isEmpty();

    // flags against crossings
    Set<String> flagged = new HashSet<>();
    wentDormant.forEach(alert -> flagged.add(alert.getRelationshipId() + "@" + alert.getRaisedAt()));
    Set<String> expected = new HashSet<>();
    crossings.forEach(crossing -> expected.add(crossing.relationshipId() + "@" + crossing.review()));
    Set<String> hits = new HashSet<>(flagged);
    hits.retainAll(expected);
    double precision = flagged.isEmpty() ? 1 : hits.size() / (double) flagged.size();
    double recall = expected.isEmpty() ? 1 : hits.size() / (double) expected.size();
    for (Crossing crossing : crossings) {
      Alert alert = wentDormant.stream()
          .filter(a -> a.getRelationshipId().equals(crossing.relationshipId())
              && !a.getRaisedAt().isBefore(crossing.at()))
          .findFirst()
          .orElse(null);
      assertThat(alert).as("WENT_DORMANT alert for the crossing %s", crossing).isNotNull();
      assertThat(alert.getRaisedAt()).as("alert for %s", crossing)
          .isAfterOrEqualTo(crossing.at())
          .isBeforeOrEqualTo(crossing.at().plus(REVIEW));
    }

    // against the ground truth
    Map<Profile, int[]> byProfile = new EnumMap<>(Profile.class);
    Map<String, Integer> byCause = new TreeMap<>();
    int quiet = 0;
    int quietFlagged = 0;
    for (GroundTruth.Row row : truth.rows()) {
      String id = row.relationshipId();
      List<Crossing> own = crossings.stream().filter(c -> c.relationshipId().equals(id)).toList();
      byProfile.computeIfAbsent(row.profile(), p -> new int[2])[0]++;
      if (!own.isEmpty()) {
        byProfile.get(row.profile())[1]++;
      }
      if (row.profile() == Profile.QUIET) {
        quiet++;
        assertThat(own).as("crossings of quiet %s (last exchange %s)", id, row.lastEventAt()).isNotEmpty();
        Crossing last = own.get(own.size() - 1);
        Instant threshold = row.lastEventAt().plus(Duration.ofDays(settings.bands().dormantSilenceDays()));
        assertThat(last.at()).as("quiet %s crosses by the silence threshold", id).isBeforeOrEqualTo(threshold);
        assertThat(finalBand.get(id)).as("quiet %s at the end", id).isEqualTo(Band.DORMANT);
        boolean flaggedInTime = wentDormant.stream().anyMatch(alert -> alert.getRelationshipId().equals(id)
            && !alert.getRaisedAt().isBefore(last.at()) && !alert.getRaisedAt().isAfter(threshold.plus(REVIEW)));
        assertThat(flaggedInTime).as("quiet %s flagged within one review of crossing", id).isTrue();
        quietFlagged++;
      } else {
        own.forEach(c -> byCause.merge(row.profile().label() + ", " + c.cause(), 1, Integer::sum));
      }
    }
    assertThat(quietFlagged).isEqualTo(quiet);
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;

    System.out.printf("Synthetic dormancy: %d relationships (%s), %d events, %d reviews of %s from %s to %s%n",
        relationships.size(), profiles(byProfile), events.size(), REVIEWS, REVIEW, reviews.get(0),
        reviews.get(reviews.size() - 1));
    System.out.printf("  crossings into DORMANT by the model: %d; WENT_DORMANT alerts: %d; precision %.3f, "
        + "recall %.3f%n", expected.size(), flagged.size(), precision, recall);
    System.out.printf("  ground truth: %d of %d quiet relationships flagged within one review (recall %.3f)%n",
        quietFlagged, quiet, quiet == 0 ? 1 : quietFlagged / (double) quiet);
    System.out.printf("  relationships that crossed, by profile: %s%n", crossedByProfile(byProfile));
    System.out.printf("  crossings of relationships not quiet by the ground truth, by cause: %s%n", byCause);
    System.out.printf("  dips into DORMANT that ended before the next review (not counted): %d%n", unseenDips);
    System.out.printf("  time: %.1f s in all (%.1f s CPU of the test's thread), %.1f s of it the topology%n", seconds,
        cpuSeconds, topologySeconds);

    assertThat(flagged).as("WENT_DORMANT alerts (relationship@review)").isEqualTo(expected);
    assertThat(precision).isEqualTo(1.0);
    assertThat(recall).isEqualTo(1.0);
    assertThat(quiet).as("quiet relationships in the data").isGreaterThan(20);
  }

  /**
   * The last vitality record published by each review. A review re-publishes a relationship only when something shown
   * in whole units changed, so this is what a dashboard shows after the review.
   */
  private static List<RelationshipVitality> latestAt(List<RelationshipVitality> log, List<Instant> reviews) {
    List<RelationshipVitality> latest = new ArrayList<>();
    int next = 0;
    RelationshipVitality last = null;
    for (Instant review : reviews) {
      while (next < log.size() && !log.get(next).getAt().isAfter(review)) {
        last = log.get(next++);
      }
      latest.add(last);
    }
    return latest;
  }

  /**
   * What a vitality shows in whole units at {@code now}, the day counts brought up to it as a reader does, but the
   * forecast (this test's model does not forecast).
   */
  private static List<Object> shown(RelationshipVitality published, Instant now) {
    RelationshipVitality v = DaysSince.asOf(published, now);
    return Arrays.asList(v.getScore(), v.getTrend(), v.getEarlierScore(), v.getDaysSinceLastExchange(),
        v.getDaysSinceLastSubstantive(), v.getBreadth(), v.getReciprocity(), v.getSubstance(),
        v.getTopContributors().stream().map(c -> c.getEventId()).toList());
  }

  private static List<Object> shown(Vitality v) {
    return Arrays.asList(v.score(), v.trend(), v.earlierScore(), v.daysSinceLastExchange(),
        v.daysSinceLastSubstantive(), v.breadth(), v.reciprocity(), v.substance(),
        v.topContributors().stream().map(c -> c.eventId()).toList());
  }

  /**
   * How often the band turned DORMANT after one review and back before the next. An exchange is what ends a
   * dormancy (in practice: in theory reciprocity can also rise as old visits leave its window), so such a dip shows
   * as DORMANT just before an exchange that falls between two reviews at which the band is not DORMANT.
   */
  private static int unseenDips(VitalityModel model, List<Exchange> exchanges, LocalDate establishedOn,
      List<Instant> reviews, List<Band> bands) {
    int dips = 0;
    for (int k = 1; k < reviews.size(); k++) {
      if (bands.get(k - 1) == Band.DORMANT || bands.get(k) == Band.DORMANT) {
        continue;
      }
      Instant from = reviews.get(k - 1);
      Instant to = reviews.get(k);
      for (Exchange exchange : exchanges) {
        Instant justBefore = exchange.occurredAt().minusMillis(1);
        if (exchange.counts() && justBefore.isAfter(from) && exchange.occurredAt().isBefore(to)
            && model.score(exchanges, justBefore, establishedOn).band() == Band.DORMANT) {
          dips++;
          break;
        }
      }
    }
    return dips;
  }

  /** The exact crossing between two reviews, the band DORMANT at the later and not at the earlier. */
  private static Crossing crossing(VitalityModel model, List<Exchange> exchanges, LocalDate establishedOn, String id,
      Instant before, Instant review) {
    long lo = before.toEpochMilli();
    long hi = review.toEpochMilli();
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (model.score(exchanges, Instant.ofEpochMilli(mid), establishedOn).band() == Band.DORMANT) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    Instant at = Instant.ofEpochMilli(hi);
    Vitality then = model.score(exchanges, at, establishedOn);
    String cause = then.daysSinceLastExchange() == null ? "no exchange"
        : then.daysSinceLastExchange() >= model.settings().bands().dormantSilenceDays() ? "a year without exchange"
        : "vitality below " + model.settings().bands().dormantBelow();
    return new Crossing(id, at, review, cause);
  }

  /**
   * The same model with a forecast horizon of one day: the band does not depend on the forecast, which costs most of
   * the scoring time.
   */
  private static ModelSettings bandOnly(ModelSettings s) {
    return s.toBuilder().forecastHorizonDays(1).build();
  }

  private static String profiles(Map<Profile, int[]> byProfile) {
    StringBuilder text = new StringBuilder();
    byProfile.forEach((profile, counts) -> text.append(text.isEmpty() ? "" : ", ").append(counts[0]).append(' ')
        .append(profile.label()));
    return text.toString();
  }

  private static String crossedByProfile(Map<Profile, int[]> byProfile) {
    StringBuilder text = new StringBuilder();
    byProfile.forEach((profile, counts) -> text.append(text.isEmpty() ? "" : ", ").append(profile.label())
        .append(' ').append(counts[1]).append(" of ").append(counts[0]));
    return text.toString();
  }
}
