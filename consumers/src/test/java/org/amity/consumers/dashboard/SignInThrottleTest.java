package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private static final String ATTACKER = "203.0.113.9";
  private static final String OFFICE = "198.51.100.20";

  private final MovingClock clock = new MovingClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void theFirstFailuresAreFreeThenEachWaitDoublesUpToThirtySeconds() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.attempt("wang", ATTACKER)).isEmpty();
    }
    assertThat(throttle.attempt("wang", ATTACKER)).contains(Duration.ofSeconds(1));
    clock.pass(Duration.ofSeconds(1));
    assertThat(throttle.attempt("wang", ATTACKER)).isEmpty();
    assertThat(throttle.attempt("wang", ATTACKER)).contains(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      clock.pass(throttle.attempt("wang", ATTACKER).orElse(Duration.ZERO));
      assertThat(throttle.attempt("wang", ATTACKER)).isEmpty();
    }
    assertThat(throttle.attempt("wang", ATTACKER)).contains(SignInThrottle.MAX_WAIT);
  }

  @Test
  void aHundredWrongPasswordsCheckFewAndNeverKeepTheRealUserOut() {
    int checked = 0;
    for (int attempt = 0; attempt < 100; attempt++) {
      clock.pass(Duration.ofMillis(50));
      if (throttle.attempt("wang", ATTACKER).isEmpty()) {
        checked++;
      }
    }
    Duration sameAddress = throttle.attempt("wang", ATTACKER).orElse(Duration.ZERO);
    System.out.printf("100 wrong passwords in 5 s: %d checked, %d refused unchecked; from the guesser's address the "
        + "user waits %s, from another not at all%n", checked, 100 - checked, sameAddress);

    assertThat(checked).isLessThan(10);
    assertThat(throttle.attempt("wang", OFFICE)).as("the real user at the office").isEmpty();
    throttle.succeeded("wang", OFFICE);
    assertThat(sameAddress).isBetween(Duration.ofMillis(1), SignInThrottle.MAX_WAIT);
    clock.pass(sameAddress);
    assertThat(throttle.attempt("wang", ATTACKER)).as("behind the guesser's address, after the wait").isEmpty();
  }

  @Test
  void parallelAttemptsCannotAllPassTheCheck() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<Optional<Duration>>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        answers.add(threads.submit(() -> throttle.attempt("wang", ATTACKER)));
      }
      long checked = 0;
      for (Future<Optional<Duration>> answer : answers) {
        checked += answer.get().isEmpty() ? 1 : 0;
      }
      assertThat(checked).isEqualTo(SignInThrottle.FREE_FAILURES);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSuccessClearsTheUsersCount() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
      throttle.attempt("wang", OFFICE);
    }
    assertThat(throttle.attempt("wang", OFFICE)).isEmpty();
    throttle.succeeded("wang", OFFICE);
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.attempt("wang", OFFICE)).isEmpty();
    }
    assertThat(throttle.attempt("wang", OFFICE)).isPresent();
  }

  @Test
  void anAddressTryingManyNamesIsSlowedButOtherAddressesAreNot() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
      assertThat(throttle.attempt("user-" + i, ATTACKER)).isEmpty();
    }
    assertThat(throttle.attempt("someone-else", ATTACKER)).isPresent();
    assertThat(throttle.attempt("someone-else", OFFICE)).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHourOfQuiet() {
    for (int i = 0; i < 12; i++) {
      throttle.attempt("wang", ATTACKER);
    }
    assertThat(throttle.attempt("wang", ATTACKER)).isPresent();
    clock.pass(SignInThrottle.FORGET_AFTER);
    assertThat(throttle.attempt("wang", ATTACKER)).isEmpty();
    assertThat(throttle.attempt("wang", ATTACKER)).as("counting starts again").isEmpty();
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-12-06T02:00:00Z");

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
