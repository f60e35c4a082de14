package org.amity.consumers.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows a password guesser down without letting it lock a real user out. Sign-ins are counted per user from each
 * address, and per address: after {@value #FREE_FAILURES} failed sign-ins for a user from an address (or
 * {@value #FREE_FAILURES_PER_ADDRESS} from an address, whatever the names), each further attempt from there must wait
 * 1 s after the last, doubling with each failure, never more than {@link #MAX_WAIT}. An attempt that comes too early is
 * refused without checking the password, so it costs neither side a key derivation; the same user signs in from
 * another address as usual. An attempt counts as a failure from the moment it is let through (so that parallel
 * attempts cannot all pass) until it succeeds. Failures are forgotten after {@link #FORGET_AFTER} of quiet.
 */
final class SignInThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  /** Above this many remembered keys, the stale ones are dropped. */
  private static final int MAX_ENTRIES = 10_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new HashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Lets a sign-in by this user from this address be checked now (empty; it counts as failed until {@link #succeeded})
   * or says how long to wait.
   */
  synchronized Optional<Duration> attempt(String user, String address) {
    Instant now = clock.instant();
    Duration wait = max(waitFor(userKey(user, address), FREE_FAILURES, now),
        waitFor(addressKey(address), FREE_FAILURES_PER_ADDRESS, now));
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    if (failures.size() > MAX_ENTRIES) {
      failures.values().removeIf(f -> !fresh(f, now));
    }
    count(userKey(user, address), now, 1);
    count(addressKey(address), now, 1);
    return Optional.empty();
  }

  /** The attempt let through was right: the user's count from this address is cleared, the address's given back. */
  synchronized void succeeded(String user, String address) {
    failures.remove(userKey(user, address));
    Failures f = failures.get(addressKey(address));
    if (f != null) {
      failures.put(addressKey(address), new Failures(Math.max(0, f.count() - 1), f.last()));
    }
  }

  private void count(String key, Instant now, int more) {
    failures.merge(key, new Failures(more, now), (old, one) -> new Failures(fresh(old, now) ? old.count() + more : more, now));
  }

  private Duration waitFor(String key, int free, Instant now) {
    Failures f = failures.get(key);
    if (f == null || !fresh(f, now) || f.count() < free) {
      return Duration.ZERO;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(f.count() - free, 16));
    Duration wait = Duration.between(now, f.last().plus(delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static String userKey(String user, String address) {
    return "user:" + address + ":" + user;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static boolean fresh(Failures f, Instant now) {
    return f.last().plus(FORGET_AFTER).isAfter(now);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
