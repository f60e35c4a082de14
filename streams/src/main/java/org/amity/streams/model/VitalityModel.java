package org.amity.streams.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.amity.contract.DaysSince;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.streams.model.ModelSettings.Bands;
import org.amity.streams.model.ModelSettings.Weights;

/**
 * Scores one relationship from its exchanges: the formula of docs/design.md, pure and stateless.
 *
 * <p>Only exchanges worth points that happened at or before the moment scored count; the order of the list does not
 * matter. Domain {@link Domain#OTHER} does not count for breadth: "other" is no field of its own.
 */
public final class VitalityModel {
  /** How many exchanges {@link Vitality#topContributors()} names at most. */
  public static final int TOP_CONTRIBUTORS = 3;

  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
  private static final Comparator<Exchange> CHRONOLOGICAL = Comparator.comparing(Exchange::occurredAt)
      .thenComparing(Exchange::eventId).thenComparingInt(Exchange::points).thenComparing(Exchange::type);
  private static final Comparator<Vitality.Contributor> MOST_FIRST =
      Comparator.comparingDouble(Vitality.Contributor::pointsToday).reversed()
          .thenComparing(Vitality.Contributor::occurredAt, Comparator.reverseOrder())
          .thenComparing(Vitality.Contributor::eventId);

  private final ModelSettings settings;
  /**
   * How long after an exchange it may enter or leave something the figures count, by what it counts for: activity
   * counts every exchange (it enters the past, leaves the activity windows); one worth points also enters the trend's
   * earlier moment, and leaves the window of breadth (when it touched a field), of reciprocity (a delegation), of
   * substance (when substantive), now and at the earlier moment.
   */
  private final long[] activityOffsets;
  private final long[] lookbackOffset;
  private final long[] breadthOffsets;
  private final long[] reciprocityOffsets;
  private final long[] substanceOffsets;
  private final ZoneRules zoneRules;
  private final String version;
  /** The zone's offset in milliseconds when it never changes (UTC, the default), else null. */
  private final Long fixedOffsetMillis;

  public VitalityModel(ModelSettings settings) {
    this.settings = settings;
    this.version = settings.version();
    this.zoneRules = settings.zone().getRules();
    this.fixedOffsetMillis = zoneRules.isFixedOffset()
        ? zoneRules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : null;
    int lookback = settings.trendLookbackDays();
    List<Integer> activity = new ArrayList<>(settings.activityWindowDays());
    activity.add(0);
    this.activityOffsets = offsets(activity);
    this.lookbackOffset = offsets(List.of(lookback));
    this.breadthOffsets = offsets(List.of(settings.breadthWindowDays(), settings.breadthWindowDays() + lookback));
    this.reciprocityOffsets = offsets(List.of(settings.reciprocityWindowDays(),
        settings.reciprocityWindowDays() + lookback));
    this.substanceOffsets = offsets(List.of(settings.substanceWindowDays(), settings.substanceWindowDays() + lookback));
  }

  private static long[] offsets(List<Integer> days) {
    return new TreeSet<>(days).stream().mapToLong(VitalityModel::days).toArray();
  }

  public static VitalityModel withDefaults() {
    return new VitalityModel(ModelSettings.defaults());
  }

  /** The settings' {@link ModelSettings#version() version}, which every result carries. */
  public String version() {
    return version;
  }

  public ModelSettings settings() {
    return settings;
  }

  /**
   * The vitality of a relationship at {@code at}.
   *
   * @param exchanges the relationship's exchanges, in any order; those after {@code at} are ignored
   * @param establishedOn the day the relationship was established, if known (only for NEW)
   */
  public Vitality score(List<Exchange> exchanges, Instant at, LocalDate establishedOn) {
    List<Exchange> past = countedUpTo(exchanges, at);
    double rawMomentum = rawMomentum(past, at);
    Snapshot now = snapshot(past, at, rawMomentum);
    Components parts = now.components();
    Integer daysSinceLast = DaysSince.between(now.lastExchange(), at);
    Band band = band(parts.score(), daysSinceLast, establishedOn, at);
    Components earlier = componentsAt(past, at.minus(Duration.ofDays(settings.trendLookbackDays())));
    LocalDate forecast = band == Band.DORMANT ? null : forecastDormantOn(past, now, at, establishedOn);
    return new Vitality(at, parts.score(), parts.rawMomentum(), parts.momentum(), parts.breadth(),
        parts.reciprocity(), parts.substance(), band, daysSinceLast, now.lastExchange(),
        DaysSince.between(now.lastSubstantive(), at), now.lastSubstantive(), parts.score() - earlier.score(),
        earlier.score(), forecast, topContributors(past, at), version, past.size(),
        stableUntil(exchanges, at, establishedOn, now, earlier, band != Band.DORMANT && forecast == null));
  }

  /**
   * The earliest moment after {@code at} at which, without new exchanges, a figure shown in whole units other than
   * the day counts may change: an exchange enters the past or leaves a window (now or at the trend's earlier
   * moment), the silence since the last exchange reaches a band's threshold, a young relationship comes of age, or
   * momentum's decay brings a score (now or earlier) to the next rounding step (until the next of the other moments,
   * momentum is all that moves). The day counts go up every day; they are shown as of the moment scored, with the
   * moments they count from.
   *
   * <p>The forecast names a day that only new exchanges move; but when that day is beyond the horizon, it may come
   * within it any day.
   */
  private Instant stableUntil(List<Exchange> exchanges, Instant at, LocalDate establishedOn, Snapshot now,
      Components earlier, boolean forecastBeyondHorizon) {
    long atMillis = at.toEpochMilli();
    long until = Long.MAX_VALUE;
    for (Exchange exchange : exchanges) {
      long occurred = exchange.occurredAt().toEpochMilli();
      until = firstAfter(occurred, activityOffsets, atMillis, until);
      if (exchange.counts()) {
        until = firstAfter(occurred, lookbackOffset, atMillis, until);
        if (touchesAField(exchange)) {
          until = firstAfter(occurred, breadthOffsets, atMillis, until);
        }
        if (exchange.direction() != null) {
          until = firstAfter(occurred, reciprocityOffsets, atMillis, until);
        }
        if (exchange.substantive()) {
          until = firstAfter(occurred, substanceOffsets, atMillis, until);
        }
      }
    }
    until = Math.min(until, silenceThreshold(now.lastExchange(), settings.bands().coolingSilenceDays(), atMillis));
    until = Math.min(until, silenceThreshold(now.lastExchange(), settings.bands().dormantSilenceDays(), atMillis));
    if (isYoung(establishedOn, at)) {
      until = Math.min(until, establishedOn.plusDays(settings.bands().newRelationshipDays())
          .atStartOfDay(settings.zone()).toInstant().toEpochMilli());
    }
    until = Math.min(until, saturatedAdd(atMillis, millisBeforeDecayCanChange(now.components())));
    until = Math.min(until, saturatedAdd(atMillis, millisBeforeDecayCanChange(earlier)));
    if (forecastBeyondHorizon) {
      until = Math.min(until, LocalDate.ofInstant(at, settings.zone()).plusDays(1).atStartOfDay(settings.zone())
          .toInstant().toEpochMilli());
    }
    return until == Long.MAX_VALUE ? null : Instant.ofEpochMilli(until);
  }

  /** The earliest of {@code until} and the moments {@code occurred + offset} after {@code atMillis}. */
  private static long firstAfter(long occurred, long[] offsets, long atMillis, long until) {
    for (long offset : offsets) {
      long change = occurred + offset;
      if (change > atMillis) {
        return Math.min(change, until);
      }
    }
    return until;
  }

  /** Whether an exchange counts for breadth: it touched a field, "other" is none. */
  private static boolean touchesAField(Exchange exchange) {
    Set<Domain> domains = exchange.domains();
    return !domains.isEmpty() && !(domains.size() == 1 && domains.contains(Domain.OTHER));
  }

  /** When the whole days since {@code last} reach {@code days}, if that is after {@code atMillis}; else never. */
  private static long silenceThreshold(Instant last, int days, long atMillis) {
    if (last == null) {
      return Long.MAX_VALUE;
    }
    long reached = last.toEpochMilli() + days(days);
    return reached > atMillis ? reached : Long.MAX_VALUE;
  }

  /**
   * How long until momentum's decay brings the score to its next rounding step: the score falls a step when
   * 100 · weight · m has lost the score's distance to it; m = 1 − e^(−x) with x = M/k, and M halves every half-life.
   * A millisecond early rather than late, against rounding errors.
   */
  private long millisBeforeDecayCanChange(Components parts) {
    double stepsAbove = Math.max(0, parts.exactScore() - (parts.score() - 0.5));
    double momentumAtTheStep = parts.momentum() - stepsAbove / (100 * settings.weights().momentum());
    if (parts.rawMomentum() <= 0 || !(momentumAtTheStep > 0)) {
      return Long.MAX_VALUE;
    }
    double x = parts.rawMomentum() / settings.momentumScale();
    double xAtTheStep = -Math.log1p(-momentumAtTheStep);
    double days = settings.halfLifeDays() * Math.log(x / xAtTheStep) / Math.log(2);
    if (!(days > 0)) {
      return 1; // m so close to 1 that a double cannot tell the step from it: look again at the next review
    }
    return Math.max(1, (long) (days * MILLIS_PER_DAY) - 1);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /**
   * The formula: the components and the score from what the windows hold.
   *
   * @param rawMomentum M, the decayed points of every exchange
   * @param domains distinct domains of the breadth window
   * @param inbound delegations that came, in the reciprocity window
   * @param outbound delegations that went, in the reciprocity window
   * @param substantivePoints points of substantive exchanges in the substance window
   */
  public Components components(double rawMomentum, int domains, int inbound, int outbound, double substantivePoints) {
    double m = 1 - Math.exp(-rawMomentum / settings.momentumScale());
    double b = Math.min(1, domains / (double) settings.breadthDomains());
    double r = inbound == 0 || outbound == 0 ? 0 : Math.min(inbound, outbound) / (double) Math.max(inbound, outbound);
    double s = Math.min(1, substantivePoints / settings.substancePoints());
    Weights w = settings.weights();
    double weighted = w.momentum() * m + w.breadth() * b + w.reciprocity() * r + w.substance() * s;
    int score = (int) Math.max(0, Math.min(100, Math.round(100 * weighted)));
    return new Components(rawMomentum, m, b, r, s, score, 100 * weighted);
  }

  /**
   * The band, in docs/design.md's order: NEW, DORMANT, COOLING, THRIVING, ACTIVE.
   *
   * @param daysSinceLastExchange whole days since the last exchange, null when there was none
   * @param establishedOn the day the relationship was established, if known
   */
  public Band band(int score, Integer daysSinceLastExchange, LocalDate establishedOn, Instant at) {
    Bands bands = settings.bands();
    if (daysSinceLastExchange == null && isYoung(establishedOn, at)) {
      return Band.NEW;
    }
    if (daysSinceLastExchange == null || daysSinceLastExchange >= bands.dormantSilenceDays()
        || score < bands.dormantBelow()) {
      return Band.DORMANT;
    }
    if (daysSinceLastExchange >= bands.coolingSilenceDays() || score < bands.coolingBelow()) {
      return Band.COOLING;
    }
    return score >= bands.thrivingFrom() ? Band.THRIVING : Band.ACTIVE;
  }

  /** The momentum an exchange contributes at {@code at}: its points, halved for every half-life since. */
  public double pointsAt(Exchange exchange, Instant at) {
    return exchange.points() * decay(ageMillis(exchange, at));
  }

  private static List<Exchange> countedUpTo(List<Exchange> exchanges, Instant at) {
    List<Exchange> counted = new ArrayList<>(exchanges.size());
    for (Exchange exchange : exchanges) {
      if (exchange.counts() && !exchange.occurredAt().isAfter(at)) {
        counted.add(exchange);
      }
    }
    counted.sort(CHRONOLOGICAL);
    return counted;
  }

  /** The components at an earlier moment, from {@code past} (counted and in chronological order): a prefix of it. */
  private Components componentsAt(List<Exchange> past, Instant at) {
    int upTo = 0;
    while (upTo < past.size() && !past.get(upTo).occurredAt().isAfter(at)) {
      upTo++;
    }
    List<Exchange> then = past.subList(0, upTo);
    return snapshot(then, at, rawMomentum(then, at)).components();
  }

  private double rawMomentum(List<Exchange> past, Instant at) {
    double sum = 0;
    for (Exchange exchange : past) {
      sum += pointsAt(exchange, at);
    }
    return sum;
  }

  /** The components at {@code at}, from exchanges none of which is later than {@code at}. */
  private Snapshot snapshot(List<Exchange> past, Instant at, double rawMomentum) {
    Set<Domain> domains = EnumSet.noneOf(Domain.class);
    int inbound = 0;
    int outbound = 0;
    double substantivePoints = 0;
    Instant lastExchange = null;
    Instant lastSubstantive = null;
    for (Exchange exchange : past) {
      long age = ageMillis(exchange, at);
      if (age < days(settings.breadthWindowDays())) {
        domains.addAll(exchange.domains());
      }
      if (age < days(settings.reciprocityWindowDays()) && exchange.direction() != null) {
        if (exchange.direction() == Direction.INBOUND) {
          inbound++;
        } else {
          outbound++;
        }
      }
      if (age < days(settings.substanceWindowDays()) && exchange.substantive()) {
        substantivePoints += exchange.points();
      }
      lastExchange = latest(lastExchange, exchange.occurredAt());
      lastSubstantive = exchange.substantive() ? latest(lastSubstantive, exchange.occurredAt()) : lastSubstantive;
    }
    domains.remove(Domain.OTHER);
    Components parts = components(rawMomentum, domains.size(), inbound, outbound, substantivePoints);
    return new Snapshot(parts, lastExchange, lastSubstantive);
  }

  /**
   * The first day whose end finds the band DORMANT if no exchange happens after {@code at}, looking ahead at most
   * the forecast horizon. Meanwhile momentum only decays (it is the momentum now, halved per half-life), the windows
   * only lose exchanges, and the last exchange stays the last.
   *
   * <p>Between two days on which an exchange leaves a window, only momentum and time change, and both only move the
   * band towards DORMANT; so each such stretch of days is DORMANT from some day on, or not at all, and is searched by
   * bisection instead of day by day.
   */
  private LocalDate forecastDormantOn(List<Exchange> past, Snapshot now, Instant at, LocalDate establishedOn) {
    List<Exchange> inWindows = withinWindows(past, at);
    LocalDate today = LocalDate.ofInstant(at, settings.zone());
    IntPredicate dormantOn = day -> dormantAtEndOf(today.plusDays(day), inWindows, now, at, establishedOn);
    int first = 0;
    for (int boundary : windowExitDays(inWindows, today)) {
      if (dormantOn.test(boundary - 1)) {
        return today.plusDays(firstTrue(dormantOn, first, boundary - 1));
      }
      first = boundary;
    }
    int last = settings.forecastHorizonDays();
    return first <= last && dormantOn.test(last) ? today.plusDays(firstTrue(dormantOn, first, last)) : null;
  }

  private boolean dormantAtEndOf(LocalDate date, List<Exchange> inWindows, Snapshot now, Instant at,
      LocalDate establishedOn) {
    Instant endOfDay = endOf(date, at);
    double rawMomentum = now.components().rawMomentum() * decay(endOfDay.toEpochMilli() - at.toEpochMilli());
    int score = snapshot(inWindows, endOfDay, rawMomentum).components().score();
    return band(score, DaysSince.between(now.lastExchange(), endOfDay), establishedOn, endOfDay) == Band.DORMANT;
  }

  /**
   * The days (counted from today, within the horizon) whose end first finds an exchange outside a window it was in
   * at the end of the day before, in order: the day of the instant it leaves the window.
   */
  private int[] windowExitDays(List<Exchange> inWindows, LocalDate today) {
    int[] windows = {settings.breadthWindowDays(), settings.reciprocityWindowDays(), settings.substanceWindowDays()};
    long todayEpochDay = today.toEpochDay();
    int[] days = new int[inWindows.size() * windows.length];
    int count = 0;
    for (Exchange exchange : inWindows) {
      for (int window : windows) {
        long exit = exchange.occurredAt().toEpochMilli() + days(window);
        long day = Math.floorDiv(exit + offsetMillis(exit), MILLIS_PER_DAY) - todayEpochDay;
        if (day >= 1 && day <= settings.forecastHorizonDays()) {
          days[count++] = (int) day;
        }
      }
    }
    Arrays.sort(days, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || days[i] != days[distinct - 1]) {
        days[distinct++] = days[i];
      }
    }
    return Arrays.copyOf(days, distinct);
  }

  /** The zone's offset from UTC at an instant, in milliseconds. */
  private long offsetMillis(long epochMillis) {
    return fixedOffsetMillis != null ? fixedOffsetMillis
        : zoneRules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
  }

  /** The first of days {@code from..to} that passes, knowing that from the first that passes on, all do. */
  private static int firstTrue(IntPredicate test, int from, int to) {
    int low = from;
    int high = to;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (test.test(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** The last millisecond of {@code date}, but never before {@code at}. */
  private Instant endOf(LocalDate date, Instant at) {
    Instant end = fixedOffsetMillis != null
        ? Instant.ofEpochMilli((date.toEpochDay() + 1) * MILLIS_PER_DAY - fixedOffsetMillis - 1)
        : date.plusDays(1).atStartOfDay(settings.zone()).toInstant().minusMillis(1);
    return latest(at, end);
  }

  /** The exchanges still inside one of the windows (breadth, reciprocity, substance) at {@code at}. */
  private List<Exchange> withinWindows(List<Exchange> past, Instant at) {
    long widest = days(Math.max(settings.breadthWindowDays(),
        Math.max(settings.reciprocityWindowDays(), settings.substanceWindowDays())));
    return past.stream().filter(exchange -> ageMillis(exchange, at) < widest).toList();
  }

  /** The {@value #TOP_CONTRIBUTORS} first in {@link #MOST_FIRST} order, kept while going through them once. */
  private List<Vitality.Contributor> topContributors(List<Exchange> past, Instant at) {
    List<Vitality.Contributor> top = new ArrayList<>(TOP_CONTRIBUTORS + 1);
    for (Exchange exchange : past) {
      double pointsToday = pointsAt(exchange, at);
      if (top.size() == TOP_CONTRIBUTORS && !before(pointsToday, exchange, top.get(TOP_CONTRIBUTORS - 1))) {
        continue;
      }
      Vitality.Contributor contributor = new Vitality.Contributor(exchange.eventId(), exchange.type(),
          exchange.occurredAt(), pointsToday);
      int place = top.size();
      while (place > 0 && MOST_FIRST.compare(contributor, top.get(place - 1)) < 0) {
        place--;
      }
      top.add(place, contributor);
      if (top.size() > TOP_CONTRIBUTORS) {
        top.remove(TOP_CONTRIBUTORS);
      }
    }
    return List.copyOf(top);
  }

  /** Whether an exchange worth {@code pointsToday} comes before {@code other} in {@link #MOST_FIRST} order. */
  private static boolean before(double pointsToday, Exchange exchange, Vitality.Contributor other) {
    int byPoints = Double.compare(other.pointsToday(), pointsToday);
    if (byPoints != 0) {
      return byPoints < 0;
    }
    int byTime = other.occurredAt().compareTo(exchange.occurredAt());
    return byTime != 0 ? byTime < 0 : exchange.eventId().compareTo(other.eventId()) < 0;
  }

  private boolean isYoung(LocalDate establishedOn, Instant at) {
    return establishedOn != null && ChronoUnit.DAYS.between(establishedOn, LocalDate.ofInstant(at, settings.zone()))
        < settings.bands().newRelationshipDays();
  }

  private double decay(long ageMillis) {
    return Math.pow(2, -(ageMillis / (double) MILLIS_PER_DAY) / settings.halfLifeDays());
  }

  private static long ageMillis(Exchange exchange, Instant at) {
    return at.toEpochMilli() - exchange.occurredAt().toEpochMilli();
  }

  private static long days(int days) {
    return days * MILLIS_PER_DAY;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private record Snapshot(Components components, Instant lastExchange, Instant lastSubstantive) {}
}
