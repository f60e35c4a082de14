package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishingPaceTest {
  private final PublishingPace.Backlog backlog = new PublishingPace.Backlog();
  private final PublishingPace.ThreadTasks threadTasks = new PublishingPace.ThreadTasks();
  private final PublishingPace pace = started(new PublishingPace(backlog, threadTasks));

  private static PublishingPace started(PublishingPace pace) {
    pace.start();
    return pace;
  }

  @Test
  void theFirstPassIsDueAtOnce() {
    backlog.input(60_000, 0);

    assertThat(pace.due(60_000)).isTrue();
  }

  @Test
  void whileABacklogIsReadThePassAfterOneThatTookDWaitsTwentyNineTimesD() {
    pace.passed(10_000, 100);
    backlog.input(12_900, 1_000);

    assertThat(pace.due(12_999)).isFalse();
    assertThat(pace.due(13_000)).isTrue();
  }

  @Test
  void tasksOfOneThreadShareItsThirtieth() {
    PublishingPace other = started(new PublishingPace(backlog, threadTasks));
    pace.passed(10_000, 100);
    backlog.input(15_900, 1_000);

    assertThat(pace.due(15_899)).as("two tasks: 2 x 29 x 100 ms after the pass").isFalse();
    assertThat(pace.due(15_900)).isTrue();

    other.stop();
    pace.passed(20_000, 100);
    backlog.input(22_900, 1_000);
    assertThat(pace.due(22_999)).isFalse();
    assertThat(pace.due(23_000)).as("alone again on its thread").isTrue();
  }

  @Test
  void entriesReadAsTheyAreWrittenArePublishedAtOnce() {
    pace.passed(10_000, 100);
    backlog.input(10_200, 10_150);

    assertThat(pace.due(10_300)).isTrue();
  }

  @Test
  void twoSecondsAfterTheLastEntryOfABacklogTheNextPassIsDueAtOnce() {
    backlog.input(9_900, 0);
    pace.passed(10_000, 500);

    assertThat(pace.due(11_899)).isFalse();
    assertThat(pace.due(11_900)).isTrue();
  }

  @Test
  void aTaskWaitsWhileAnotherTaskOfTheInstanceStillReadsTheBacklog() {
    PublishingPace other = new PublishingPace(backlog, new PublishingPace.ThreadTasks());
    backlog.input(9_900, 0);
    pace.passed(10_000, 500);
    other.passed(10_000, 500);

    backlog.input(11_500, 0);

    assertThat(pace.due(12_000)).as("its own entries stopped at 9.9 s").isFalse();
  }

  @Test
  void passesOfNoMeasurableTimeLeaveEveryMomentDue() {
    pace.passed(10_000, 0);
    backlog.input(10_000, 0);

    assertThat(pace.due(10_000)).isTrue();
  }
}
