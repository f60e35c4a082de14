package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private static final String ATTACKER = "203.0.113.9";
  private static final String OFFICE = "198.51.100.20";

  private final MovingClock clock = new MovingClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void theFirstFailuresAreFreeThenEachWaitDoublesUpToThirtySeconds() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.waitBefore("wang", ATTACKER)).isEmpty();
      throttle.failed("wang", ATTACKER);
    }
    assertThat(throttle.waitBefore("wang", ATTACKER)).contains(Duration.ofSeconds(1));
    clock.pass(Duration.ofSeconds(1));
    throttle.failed("wang", ATTACKER);
    assertThat(throttle.waitBefore("wang", ATTACKER)).contains(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      clock.pass(throttle.waitBefore("wang", ATTACKER).orElse(Duration.ZERO));
      throttle.failed("wang", ATTACKER);
    }
    assertThat(throttle.waitBefore("wang", ATTACKER)).contains(SignInThrottle.MAX_WAIT);
  }

  @Test
  void aHundredWrongPasswordsCheckFewAndTheRealUserSignsInWithinAMinuteAfter() {
    int checked = 0;
    for (int attempt = 0; attempt < 100; attempt++) {
      clock.pass(Duration.ofMillis(50));
      if (throttle.waitBefore("wang", ATTACKER).isEmpty()) {
        checked++;
        throttle.failed("wang", ATTACKER);
      }
    }
    Duration wait = throttle.waitBefore("wang", OFFICE).orElse(Duration.ZERO);
    System.out.printf("100 wrong passwords in 5 s: %d checked, %d refused unchecked; the real user waits %s%n",
        checked, 100 - checked, wait);

    assertThat(checked).isLessThan(10);
    assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1));
    clock.pass(wait);
    assertThat(throttle.waitBefore("wang", OFFICE)).isEmpty();
    throttle.succeeded("wang");
    assertThat(throttle.waitBefore("wang", OFFICE)).isEmpty();
  }

  @Test
  void anAddressTryingManyNamesIsSlowedButOtherAddressesAreNot() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
      throttle.failed("user-" + i, ATTACKER);
    }
    assertThat(throttle.waitBefore("someone-else", ATTACKER)).isPresent();
    assertThat(throttle.waitBefore("someone-else", OFFICE)).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHourOfQuiet() {
    for (int i = 0; i < 12; i++) {
      throttle.failed("wang", ATTACKER);
    }
    assertThat(throttle.waitBefore("wang", ATTACKER)).isPresent();
    clock.pass(SignInThrottle.FORGET_AFTER);
    assertThat(throttle.waitBefore("wang", ATTACKER)).isEmpty();
    throttle.failed("wang", ATTACKER);
    assertThat(throttle.waitBefore("wang", ATTACKER)).as("counting starts again").isEmpty();
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
