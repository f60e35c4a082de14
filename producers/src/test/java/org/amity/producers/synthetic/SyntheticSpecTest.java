package org.amity.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticSpecTest {
  private static final LocalDate END = LocalDate.of(2025, 1, 1);

  @Test
  void defaultsGiveTenEventsPerRelationshipYearAndAQuietLastYear() {
    SyntheticSpec spec = SyntheticSpec.of(1000, 100, 10, END, 7);

    assertThat(spec.expectedEvents()).isEqualTo(10_000_000L);
    assertThat(spec.start()).isEqualTo(LocalDate.of(2015, 1, 1));
    assertThat(spec.quietFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(spec.quietShare()).isEqualTo(0.1);
  }

  @Test
  void badArgumentsAreRejectedNamingTheField() {
    SyntheticSpec spec = SyntheticSpec.of(2, 5, 3, END, 1);

    assertRejected(() -> SyntheticSpec.of(0, 5, 3, END, 1), "offices");
    assertRejected(() -> SyntheticSpec.of(2, 0, 3, END, 1), "relationshipsPerOffice");
    assertRejected(() -> SyntheticSpec.of(2, 100_000, 3, END, 1), "relationshipsPerOffice");
    assertRejected(() -> SyntheticSpec.of(2, 5, 0, END, 1), "years");
    assertRejected(() -> SyntheticSpec.of(2, 5, 3, null, 1), "end");
    assertRejected(() -> spec.withQuiet(1.5, END), "quietShare");
    assertRejected(() -> spec.withQuiet(Double.NaN, END), "quietShare");
    assertRejected(() -> spec.withQuiet(0.1, null), "quietFrom");
    assertRejected(() -> spec.withQuiet(0.1, END.plusDays(1)), "quietFrom");
    assertRejected(() -> spec.withQuiet(0.1, LocalDate.of(2021, 12, 31)), "quietFrom");
    assertRejected(() -> spec.withEventsPerRelationshipPerYear(0), "eventsPerRelationshipPerYear");
    assertRejected(() -> spec.withEventsPerRelationshipPerYear(Double.POSITIVE_INFINITY), "eventsPerRelationshipPerYear");
  }

  @Test
  void quietFromMayBeTheStartOrTheEnd() {
    SyntheticSpec spec = SyntheticSpec.of(2, 5, 3, END, 1);

    assertThat(spec.withQuiet(0.5, spec.start()).quietFrom()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(spec.withQuiet(0.5, END).quietFrom()).isEqualTo(END);
  }

  private static void assertRejected(Runnable making, String field) {
    assertThatThrownBy(making::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + " ");
  }
}
