package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {
  private static final long HOUR = 3_600_000;
  private static final long NOW = 100 * HOUR;
  /** Each reading of the clock advances it by one millisecond. */
  private long nanos;
  private final ReviewSchedule schedule = new ReviewSchedule(() -> nanos += 1_000_000);
  private final List<String> reviewed = new ArrayList<>();

  @Test
  void aPassTakesTheRelationshipsDueInKeyOrder() {
    schedule.due("shanghai/osaka", NOW);
    schedule.due("shanghai/milan", Long.MIN_VALUE);
    schedule.due("shanghai/lyon", NOW + 1);

    schedule.start(NOW);
    ReviewSchedule.Pass pass = schedule.continueFor(NOW, Long.MAX_VALUE, reviewed::add);

    assertThat(reviewed).containsExactly("shanghai/milan", "shanghai/osaka");
    assertThat(pass.reviewed()).isEqualTo(2);
    assertThat(pass.relationships()).isEqualTo(3);
    assertThat(pass.dueWithinAnHour()).isEqualTo(3);
  }

  @Test
  void aLongPassGoesOnInSlicesAndCountsOnlyTheTimeSpentInThem() {
    for (int i = 0; i < 10; i++) {
      schedule.due("r" + i, NOW);
    }
    schedule.start(NOW);

    assertThat(schedule.continueFor(NOW, 5_000_000, reviewed::add)).isNull();
    nanos += 60_000_000_000L;
    assertThat(schedule.continueFor(NOW, 5_000_000, reviewed::add)).isNull();
    ReviewSchedule.Pass pass = schedule.continueFor(NOW, 5_000_000, reviewed::add);

    assertThat(reviewed).hasSize(10).doesNotHaveDuplicates();
    assertThat(pass.reviewed()).isEqualTo(10);
    assertThat(pass.seconds()).isLessThan(0.1);
  }

  @Test
  void aStartWhileAPassIsInProgressKeepsThatPass() {
    schedule.due("shanghai/osaka", NOW);
    schedule.start(NOW);
    schedule.due("shanghai/milan", NOW);

    schedule.start(NOW);
    schedule.continueFor(NOW, Long.MAX_VALUE, reviewed::add);

    assertThat(reviewed).containsExactly("shanghai/osaka");
  }

  @Test
  void reviewMomentsMovedDuringAPassCountForTheNextHour() {
    schedule.due("shanghai/osaka", NOW);
    schedule.due("shanghai/milan", NOW);
    schedule.start(NOW);

    ReviewSchedule.Pass pass = schedule.continueFor(NOW, Long.MAX_VALUE,
        relationship -> schedule.due(relationship, NOW + 2 * HOUR));

    assertThat(pass.dueWithinAnHour()).isZero();
  }

  @Test
  void withoutAPassInProgressNothingIsReviewed() {
    schedule.due("shanghai/osaka", NOW);

    assertThat(schedule.started()).isFalse();
    assertThat(schedule.continueFor(NOW, Long.MAX_VALUE, reviewed::add)).isNull();
    assertThat(reviewed).isEmpty();
  }
}
