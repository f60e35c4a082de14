package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishingPaceTest {
  private final PublishingPace pace = new PublishingPace();

  @Test
  void theFirstPassIsDueAtOnce() {
    assertThat(pace.due(0)).isTrue();
  }

  @Test
  void afterAPassThatTookDTheNextWaitsNineTimesD() {
    pace.passed(10_000, 100);

    assertThat(pace.due(10_000 + 999)).isFalse();
    assertThat(pace.due(10_000 + 1_000)).isTrue();
  }

  @Test
  void passesOfNoMeasurableTimeLeaveEveryMomentDue() {
    pace.passed(10_000, 0);

    assertThat(pace.due(10_000)).isTrue();
  }
}
