package org.amity.consumers.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows a password guesser down without locking a real user out for long. After {@value #FREE_FAILURES} failed
 * sign-ins for a user (or {@value #FREE_FAILURES_PER_ADDRESS} from an address), each further attempt must wait:
 * 1 s after the last failure, doubling with each failure, never more than {@link #MAX_WAIT}. An attempt that comes
 * too early is refused without checking the password, so it costs neither side a key derivation. A success clears
 * the user's count; failures are forgotten after {@link #FORGET_AFTER} of quiet.
 */
final class SignInThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  /** Above this many remembered names and addresses, the stale ones are dropped. */
  private static final int MAX_ENTRIES = 10_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Empty when a sign-in by this user from this address may be checked now, else how long to wait. */
  Optional<Duration> waitBefore(String user, String address) {
    Duration wait = max(waitFor("user:" + user, FREE_FAILURES), waitFor("address:" + address, FREE_FAILURES_PER_ADDRESS));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  void failed(String user, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_ENTRIES) {
      failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    }
    for (String key : new String[] {"user:" + user, "address:" + address}) {
      failures.merge(key, new Failures(1, now), (old, one) -> new Failures(fresh(old, now) ? old.count() + 1 : 1, now));
    }
  }

  void succeeded(String user) {
    failures.remove("user:" + user);
  }

  private Duration waitFor(String key, int free) {
    Failures f = failures.get(key);
    Instant now = clock.instant();
    if (f == null || !fresh(f, now) || f.count() < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(f.count() - free, 16);
    Duration delay = Duration.ofSeconds(1L << doublings);
    Duration wait = Duration.between(now, f.last().plus(delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static boolean fresh(Failures f, Instant now) {
    return f.last().plus(FORGET_AFTER).isAfter(now);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
