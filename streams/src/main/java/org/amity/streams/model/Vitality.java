package org.amity.streams.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How alive one relationship is at one moment, and why.
 *
 * @param at the moment scored
 * @param score vitality V, 0–100
 * @param rawMomentum M, the decayed points of every exchange so far
 * @param momentum m, 0–1
 * @param breadth b, 0–1
 * @param reciprocity r, 0–1
 * @param substance s, 0–1
 * @param band where the relationship stands
 * @param daysSinceLastExchange whole days since the last exchange; null when there was none
 * @param lastExchangeAt when the last exchange happened; null when there was none
 * @param daysSinceLastSubstantive whole days since the last substantive exchange; null when there was none
 * @param lastSubstantiveAt when the last substantive exchange happened; null when there was none
 * @param trend the score now minus {@code earlierScore}
 * @param earlierScore the score the trend lookback (90 days) earlier, from the exchanges known by then
 * @param forecastDormantOn the first day on which the band is DORMANT (checked at the end of each day) if nothing
 *     else happens; null when already DORMANT, or not within the forecast horizon
 * @param topContributors the exchanges that contribute most momentum now, most first (at most 3)
 * @param modelVersion the model and settings that made this score
 * @param exchanges how many exchanges count, up to {@code at}
 * @param stableUntil until when, if nothing else is recorded, every figure above but those that only time moves (the
 *     decayed momentum and points today, the day counts), and every {@link Activity} window of the same exchanges,
 *     stays as it is: the earliest moment at which one may change; null when none ever will
 */
public record Vitality(
    Instant at,
    int score,
    double rawMomentum,
    double momentum,
    double breadth,
    double reciprocity,
    double substance,
    Band band,
    Integer daysSinceLastExchange,
    Instant lastExchangeAt,
    Integer daysSinceLastSubstantive,
    Instant lastSubstantiveAt,
    int trend,
    int earlierScore,
    LocalDate forecastDormantOn,
    List<Contributor> topContributors,
    String modelVersion,
    int exchanges,
    Instant stableUntil) {

  public Vitality {
    topContributors = List.copyOf(topContributors);
  }

  /**
   * One exchange and the momentum it contributes now.
   *
   * @param pointsToday its points, halved for every half-life since it happened
   */
  public record Contributor(String eventId, String type, Instant occurredAt, double pointsToday) {}
}
