package org.amity.producers.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the synthetic generator makes: {@code offices} × {@code relationshipsPerOffice} relationships with
 * events from {@link #start()} (end − years) up to, not including, {@code end} (midnight UTC). A share
 * {@code quietShare} of the relationships goes quiet: none of their events happens on or after
 * {@code quietFrom}. Each relationship has on average {@code eventsPerRelationshipPerYear} events a year;
 * some many more, some far fewer. The same spec always gives the same data.
 */
public record SyntheticSpec(
    int offices,
    int relationshipsPerOffice,
    int years,
    LocalDate end,
    long seed,
    double quietShare,
    LocalDate quietFrom,
    double eventsPerRelationshipPerYear) {

  public static final double DEFAULT_QUIET_SHARE = 0.1;
  /** 100,000 relationships × 10 years × 10 ≈ 10 million events. */
  public static final double DEFAULT_EVENTS_PER_RELATIONSHIP_PER_YEAR = 10;
  public static final int MAX_OFFICES = 100_000;
  public static final int MAX_RELATIONSHIPS_PER_OFFICE = 99_999;
  public static final int MAX_YEARS = 100;
  public static final double MAX_EVENTS_PER_RELATIONSHIP_PER_YEAR = 10_000;

  public SyntheticSpec {
    requireBetween("offices", offices, 1, MAX_OFFICES);
    requireBetween("relationshipsPerOffice", relationshipsPerOffice, 1, MAX_RELATIONSHIPS_PER_OFFICE);
    requireBetween("years", years, 1, MAX_YEARS);
    if (end == null) {
      throw new IllegalArgumentException("end must be given");
    }
    if (!(quietShare >= 0 && quietShare <= 1)) {
      throw new IllegalArgumentException("quietShare must be between 0 and 1, not " + quietShare);
    }
    if (quietFrom == null) {
      throw new IllegalArgumentException("quietFrom must be given");
    }
    LocalDate start = end.minusYears(years);
    if (quietFrom.isBefore(start) || quietFrom.isAfter(end)) {
      throw new IllegalArgumentException("quietFrom must be between the start " + start + " and the end " + end
          + ", not " + quietFrom);
    }
    if (!(eventsPerRelationshipPerYear > 0 && eventsPerRelationshipPerYear <= MAX_EVENTS_PER_RELATIONSHIP_PER_YEAR)) {
      throw new IllegalArgumentException("eventsPerRelationshipPerYear must be more than 0 and at most "
          + MAX_EVENTS_PER_RELATIONSHIP_PER_YEAR + ", not " + eventsPerRelationshipPerYear);
    }
  }

  /** A spec with the defaults: 10% of the relationships quiet from one year before the end, 10 events a year. */
  public static SyntheticSpec of(int offices, int relationshipsPerOffice, int years, LocalDate end, long seed) {
    LocalDate quietFrom = end == null ? null : end.minusYears(1);
    return new SyntheticSpec(offices, relationshipsPerOffice, years, end, seed, DEFAULT_QUIET_SHARE, quietFrom,
        DEFAULT_EVENTS_PER_RELATIONSHIP_PER_YEAR);
  }

  public SyntheticSpec withQuiet(double share, LocalDate from) {
    return new SyntheticSpec(offices, relationshipsPerOffice, years, end, seed, share, from, eventsPerRelationshipPerYear);
  }

  public SyntheticSpec withEventsPerRelationshipPerYear(double perYear) {
    return new SyntheticSpec(offices, relationshipsPerOffice, years, end, seed, quietShare, quietFrom, perYear);
  }

  /** The first day with events: end − years. */
  public LocalDate start() {
    return end.minusYears(years);
  }

  public long relationships() {
    return (long) offices * relationshipsPerOffice;
  }

  /** About how many events the spec gives (quiet relationships give fewer). */
  public long expectedEvents() {
    return Math.round(relationships() * years * eventsPerRelationshipPerYear);
  }

  Instant startInstant() {
    return start().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  Instant endInstant() {
    return end.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  Instant quietInstant() {
    return quietFrom.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static void requireBetween(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", not " + value);
    }
  }
}
