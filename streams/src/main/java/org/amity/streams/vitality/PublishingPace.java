package org.amity.streams.vitality;

import java.time.Duration;

/**
 * When the pending relationships are published next. While entries keep coming (a backlog: a replay, an import),
 * after a pass that took d, no sooner than {@value #PACE}·d after it ended: publishing then takes at most a
 * thirtieth of the time, and a relationship that gets many entries is scored once for many of them. Once no entry
 * came for {@link #QUIET}, at once: what is still pending is published as fast as the punctuations' budget allows.
 * A live stream, whose passes take milliseconds, is published every emit interval.
 */
final class PublishingPace {
  static final int PACE = 29;
  static final Duration QUIET = Duration.ofSeconds(1);
  private long nextAt = Long.MIN_VALUE;
  private long lastInputAt = Long.MIN_VALUE;

  /** An entry was recorded at {@code now}. */
  void input(long now) {
    lastInputAt = now;
  }

  boolean due(long now) {
    return now >= nextAt || now - lastInputAt >= QUIET.toMillis();
  }

  /** Records a pass that began at {@code now} and took {@code tookMs}. */
  void passed(long now, long tookMs) {
    nextAt = now + tookMs * (1 + PACE);
  }
}
