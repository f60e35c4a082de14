package org.amity.consumers.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.amity.labels.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportPeriodTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  @Test
  void aYearAMonthOrTwoDaysAreReadWithBothEndsIncluded() {
    assertThat(ReportPeriod.parse("2024", TODAY)).isEqualTo(new ReportPeriod(LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31)));
    assertThat(ReportPeriod.parse(" 2024-02 ", TODAY)).isEqualTo(new ReportPeriod(LocalDate.of(2024, 2, 1),
        LocalDate.of(2024, 2, 29)));
    assertThat(ReportPeriod.parse("2024-01-01..2024-06-30", TODAY).to()).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(ReportPeriod.parse("2026", TODAY).to()).as("this year, so far and to come")
        .isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void thePeriodRunsFromMidnightToMidnightInTheOfficesZone() {
    ReportPeriod year = ReportPeriod.parse("2024", TODAY);
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    assertThat(year.start(shanghai)).hasToString("2023-12-31T16:00:00Z");
    assertThat(year.end(shanghai)).hasToString("2024-12-31T16:00:00Z");
    assertThat(year.contains(year.end(shanghai), shanghai)).isFalse();
    assertThat(year.contains(year.end(shanghai).minusMillis(1), shanghai)).isTrue();
  }

  @Test
  void itIsSaidInTheReportsLanguage() {
    assertThat(ReportPeriod.parse("2024", TODAY).words(Labels.ZH)).isEqualTo("2024年");
    assertThat(ReportPeriod.parse("2024-03", TODAY).words(Labels.EN)).isEqualTo("2024-03-01 to 2024-03-31");
    assertThat(ReportPeriod.parse("2024-03", TODAY).words(Labels.ZH)).isEqualTo("2024-03-01 至 2024-03-31");
    assertThat(ReportPeriod.parse("2024-03", TODAY)).hasToString("2024-03-01..2024-03-31");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      NULL                   | period 应为年份（2024）、月份（2024-03）或起止日期
      ''                     | period must be a year (2024), a month (2024-03) or two days
      '   '                  | not ""
      24                     | not "24"
      2024-13                | not "2024-13"
      2024-00                | not "2024-00"
      2024-02-30..2024-03-01 | not "2024-02-30..2024-03-01"
      2024-01-01             | not "2024-01-01"
      2024-01-01...2024-02-01 | not "2024-01-01...2024-02-01"
      2024/01                | not "2024/01"
      二〇二四                | not "二〇二四"
      2024-06-30..2024-01-01 | period 的开始日期 2024-06-30 晚于结束日期 2024-01-01 / period starts on 2024-06-30, after its end on 2024-01-01
      2000-01-01..2024-12-31 | period 最长十年
      2027                   | period 尚未开始：2027-01-01 在今天 2026-12-05 之后 / period has not begun
      """)
  void aPeriodThatIsNoneIsRefusedNamingWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> ReportPeriod.parse(text, TODAY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message).hasMessageContaining(" / ");
  }
}
