package org.amity.contract;

import java.time.Duration;
import java.time.Instant;
import org.amity.aggregates.RelationshipVitality;

/**
 * Whole days since a moment, as the vitality record counts them: full 24-hour days. A vitality record's day counts
 * are as of the moment it was scored and are refreshed only with its next change; a reader showing today's count
 * works it out from the record's moments with this.
 */
public final class DaysSince {
  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private DaysSince() {}

  /** The whole days from {@code last} to {@code now}; null when there was no {@code last}. */
  public static Integer between(Instant last, Instant now) {
    return last == null ? null : (int) ((now.toEpochMilli() - last.toEpochMilli()) / MILLIS_PER_DAY);
  }

  /**
   * The record with its day counts as of {@code now}, where it names the moments they count from; the record itself
   * when {@code now} is not after the moment it was scored.
   */
  public static RelationshipVitality asOf(RelationshipVitality vitality, Instant now) {
    if (!now.isAfter(vitality.getAt())) {
      return vitality;
    }
    return RelationshipVitality.newBuilder(vitality)
        .setDaysSinceLastExchange(lastExchange(vitality, now))
        .setDaysSinceLastSubstantive(later(vitality.getDaysSinceLastSubstantive(), vitality.getLastSubstantiveAt(),
            vitality.getAt(), now))
        .build();
  }

  /** The record's days since the last exchange, as of {@code now}. */
  public static Integer lastExchange(RelationshipVitality vitality, Instant now) {
    return later(vitality.getDaysSinceLastExchange(), vitality.getLastExchangeAt(), vitality.getAt(), now);
  }

  /** A day count scored at {@code at}, as of {@code now}; as it was when the moment it counts from is not known. */
  private static Integer later(Integer scored, Instant last, Instant at, Instant now) {
    return last != null && now.isAfter(at) ? between(last, now) : scored;
  }
}
