package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishingPaceTest {
  private final PublishingPace pace = new PublishingPace();

  @Test
  void theFirstPassIsDueAtOnce() {
    pace.input(0);

    assertThat(pace.due(0)).isTrue();
  }

  @Test
  void whileEntriesKeepComingThePassAfterOneThatTookDWaitsTwentyNineTimesD() {
    pace.passed(10_000, 100);
    pace.input(12_900);

    assertThat(pace.due(12_999)).isFalse();
    assertThat(pace.due(13_000)).isTrue();
  }

  @Test
  void aSecondWithoutEntriesMakesTheNextPassDueAtOnce() {
    pace.input(9_900);
    pace.passed(10_000, 500);

    assertThat(pace.due(10_899)).isFalse();
    assertThat(pace.due(10_900)).isTrue();
  }

  @Test
  void passesOfNoMeasurableTimeLeaveEveryMomentDue() {
    pace.passed(10_000, 0);
    pace.input(10_000);

    assertThat(pace.due(10_000)).isTrue();
  }
}
