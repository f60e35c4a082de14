package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputSettlingTest {
  private static final long SETTLE = InputSettling.SETTLE.toMillis();
  private final InputSettling settling = new InputSettling();

  @Test
  void aRelationshipWithoutInputHasSettledLongAgo() {
    assertThat(settling.settlesAt("shanghai/osaka")).isLessThan(0);
  }

  @Test
  void inputSettlesAFixedTimeAfterTheLastEntry() {
    settling.input("shanghai/osaka", 1_000);
    settling.input("shanghai/osaka", 1_500);

    assertThat(settling.settlesAt("shanghai/osaka")).isEqualTo(1_500 + SETTLE);
  }

  @Test
  void heldRemindersAreReleasedOnceWhenTheInputHasSettled() {
    settling.input("shanghai/osaka", 1_000);
    settling.input("shanghai/milan", 2_000);
    settling.hold("shanghai/osaka");
    settling.hold("shanghai/milan");

    assertThat(settling.settled(1_000 + SETTLE - 1)).isEmpty();
    assertThat(settling.settled(1_000 + SETTLE)).containsExactly("shanghai/osaka");
    assertThat(settling.holds("shanghai/osaka")).isFalse();
    assertThat(settling.holds("shanghai/milan")).isTrue();
    assertThat(settling.settled(1_000 + SETTLE)).isEmpty();
  }
}
