package org.amity.streams.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.amity.contract.DaysSince;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.streams.model.ModelSettings.Bands;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Vitality#stableUntil()}: what a review relies on to leave a relationship alone. Over random histories and
 * moments, nothing the figures show in whole units changes before it but the day counts, which follow from the
 * moments they count from; and it is not trivially short.
 */
class StableUntilTest {
  private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
  private static final long FOUR_YEARS = Duration.ofDays(4 * 365).toMillis();
  private static final Domain[] DOMAINS = Domain.values();

  /**
   * The defaults, and settings whose silence thresholds and trend lookback are no window's edge: with the defaults an
   * exchange enters the trend's earlier moment as it leaves the 90-day activity window, and 180 and 365 days of
   * silence begin as the last exchange leaves a window (365 days; the 90-day one at the earlier moment), which would
   * hide one of these moments missed.
   */
  static Stream<ModelSettings> settings() {
    ModelSettings d = ModelSettings.defaults();
    Bands bands = d.bands();
    Bands offWindows = new Bands(400, bands.dormantBelow(), 200, bands.coolingBelow(), bands.thrivingFrom(),
        bands.newRelationshipDays());
    return Stream.of(d, d.toBuilder().bands(offWindows).trendLookbackDays(100).build());
  }

  @ParameterizedTest(name = "settings {index}")
  @MethodSource("settings")
  void nothingShownInWholeUnitsChangesBeforeItAndSomethingMayChangeAtIt(ModelSettings settings) {
    VitalityModel model = new VitalityModel(settings);
    Random random = new Random(20261122);
    int histories = 3000;
    int longerThanAnHour = 0;
    int changedAtIt = 0;
    int withAnEnd = 0;
    for (int h = 0; h < histories; h++) {
      List<Exchange> exchanges = history(random);
      LocalDate establishedOn = random.nextBoolean() ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1600));
      Instant at = START.plusMillis((long) (random.nextDouble() * FOUR_YEARS));
      Vitality now = model.score(exchanges, at, establishedOn);
      Activity activityNow = Activity.of(exchanges, at, settings);
      Instant until = now.stableUntil() == null ? at.plus(Duration.ofDays(800)) : now.stableUntil();
      assertThat(until).isAfter(at);
      long span = until.toEpochMilli() - at.toEpochMilli();
      for (int probe = 0; probe < 12; probe++) {
        Instant later = probe == 0 ? until.minusMillis(1)
            : at.plusMillis(1 + (long) (random.nextDouble() * (span - 1)));
        Vitality again = model.score(exchanges, later, establishedOn);
        assertThat(shown(again))
            .as("history %d scored at %s, stable until %s, again at %s", h, at, now.stableUntil(), later)
            .isEqualTo(shown(now));
        assertThat(List.of(Optional.ofNullable(again.daysSinceLastExchange()),
            Optional.ofNullable(again.daysSinceLastSubstantive())))
            .as("history %d: day counts at %s from the moments scored at %s", h, later, at)
            .isEqualTo(List.of(Optional.ofNullable(DaysSince.between(now.lastExchangeAt(), later)),
                Optional.ofNullable(DaysSince.between(now.lastSubstantiveAt(), later))));
        assertThat(Activity.of(exchanges, later, settings).windows())
            .as("activity of history %d at %s and %s", h, at, later).isEqualTo(activityNow.windows());
      }
      longerThanAnHour += span > Duration.ofHours(1).toMillis() ? 1 : 0;
      if (now.stableUntil() != null) {
        withAnEnd++;
        // the decay's moment is named a millisecond early, against rounding errors
        Instant atIt = now.stableUntil().plusMillis(2);
        boolean changed = !shown(model.score(exchanges, atIt, establishedOn)).equals(shown(now))
            || !Activity.of(exchanges, atIt, settings).windows().equals(activityNow.windows());
        changedAtIt += changed ? 1 : 0;
      }
    }
    System.out.printf("stableUntil: %d of %d histories stable for over an hour; %d of %d changed by 2 ms after the moment named%n",
        longerThanAnHour, histories, changedAtIt, withAnEnd);
    assertThat(longerThanAnHour).as("histories stable for over an hour").isGreaterThan(histories * 3 / 4);
  }

  /** Everything a vitality shows but the moment and the figures only time moves (decayed, day counts). */
  private static List<Object> shown(Vitality v) {
    List<Object> shown = new ArrayList<>(List.of(v.score(), v.breadth(), v.reciprocity(), v.substance(), v.band(),
        v.trend(), v.earlierScore(), v.modelVersion(), v.exchanges()));
    shown.add(v.lastExchangeAt());
    shown.add(v.lastSubstantiveAt());
    shown.add(v.forecastDormantOn());
    v.topContributors().forEach(c -> shown.add(c.eventId()));
    return shown;
  }

  /** 0 to 40 exchanges over four years, some far apart, some close together, a few worth nothing. */
  private static List<Exchange> history(Random random) {
    int count = random.nextInt(41);
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant occurredAt = START.plusMillis((long) (random.nextDouble() * FOUR_YEARS));
      int points = random.nextInt(6) == 0 ? 0 : 2 + random.nextInt(14);
      EnumSet<Domain> domains = EnumSet.noneOf(Domain.class);
      for (int d = random.nextInt(3); d >= 0; d--) {
        domains.add(DOMAINS[random.nextInt(DOMAINS.length)]);
      }
      boolean visit = random.nextInt(3) == 0;
      Direction direction = visit ? (random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND) : null;
      exchanges.add(new Exchange("e" + i, occurredAt, points, !visit && random.nextInt(3) == 0, domains, direction,
          visit ? "DelegationVisited" : "ExhibitionHeld"));
    }
    return exchanges;
  }
}
