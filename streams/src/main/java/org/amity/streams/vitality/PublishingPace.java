package org.amity.streams.vitality;

/**
 * When the pending relationships are published next: after a pass that took d, no sooner than {@value #PACE}·d after
 * it ended. While a backlog is processed (a replay) publishing then takes at most a tenth of the time and each pass
 * covers more events; a live stream, whose passes take milliseconds, is still published every emit interval.
 */
final class PublishingPace {
  static final int PACE = 9;
  private long nextAt = Long.MIN_VALUE;

  boolean due(long now) {
    return now >= nextAt;
  }

  /** Records a pass that ended at {@code now} after {@code tookMs}. */
  void passed(long now, long tookMs) {
    nextAt = now + tookMs * (1 + PACE);
  }
}
