package org.amity.streams.vitality;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When one task's pending relationships are published next. While the instance reads a backlog (entries written more
 * than {@link Backlog#BEHIND} before they are read: a replay, a restart after a pause), after a pass that took d, no
 * sooner than {@value #PACE}·n·d after it ended, n being the ledger tasks its thread runs: the thread then spends at
 * most a thirtieth of its time publishing, and a relationship that gets many entries is scored once for many of them.
 * {@link #QUIET} after the instance's last entry of a backlog, at once: what is still pending is published as fast as
 * the punctuations' budget allows. Entries read as they are written (a live stream, an import) are published every
 * emit interval, and so are the relationships that get such entries (or a follow-up step) while a backlog is read
 * beside them, within a thirtieth of each interval. A record's timestamp is its writer's clock: a writer whose clock
 * is behind makes live input look like a backlog, which only delays its publication by the pace of passes that take
 * milliseconds.
 */
final class PublishingPace {
  static final int PACE = 29;
  static final Duration QUIET = Duration.ofSeconds(2);
  private final Backlog backlog;
  private final ThreadTasks tasks;
  private Thread thread;
  private long nextAt = Long.MIN_VALUE;

  PublishingPace(Backlog backlog, ThreadTasks tasks) {
    this.backlog = backlog;
    this.tasks = tasks;
  }

  /** The task starts on the calling thread (its stream thread), whose time it shares with the thread's other tasks. */
  void start() {
    stop();
    thread = Thread.currentThread();
    tasks.joined(thread);
  }

  void stop() {
    if (thread != null) {
      tasks.left(thread);
      thread = null;
    }
  }

  boolean due(long now) {
    return now >= nextAt || backlog.seenAt <= now - QUIET.toMillis();
  }

  /** Records a pass that began at {@code now} and took {@code tookMs}. */
  void passed(long now, long tookMs) {
    nextAt = now + tookMs * (1 + PACE * (long) tasks.on(thread));
  }

  /** How many ledger tasks each stream thread of the instance runs. */
  static final class ThreadTasks {
    private final Map<Thread, Integer> counts = new ConcurrentHashMap<>();

    void joined(Thread thread) {
      counts.merge(thread, 1, Integer::sum);
    }

    void left(Thread thread) {
      counts.computeIfPresent(thread, (t, count) -> count > 1 ? count - 1 : null);
    }

    int on(Thread thread) {
      return thread == null ? 1 : counts.getOrDefault(thread, 1);
    }
  }

  /**
   * When any task of the instance last read an entry of a backlog. Shared by the tasks, so that one task kept waiting
   * (for a fetch, for the others' passes) does not take the backlog for over.
   */
  static final class Backlog {
    static final Duration BEHIND = Duration.ofSeconds(2);
    private volatile long seenAt = Long.MIN_VALUE;

    /** An entry written at {@code writtenAt} (its record's timestamp) was recorded at {@code now}. */
    void input(long now, long writtenAt) {
      if (!live(now, writtenAt) && now > seenAt) {
        seenAt = now;
      }
    }

    /** Whether an entry written at {@code writtenAt} and read at {@code now} is read as it is written. */
    static boolean live(long now, long writtenAt) {
      return now - writtenAt <= BEHIND.toMillis();
    }
  }
}
