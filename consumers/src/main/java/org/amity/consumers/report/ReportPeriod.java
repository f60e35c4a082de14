package org.amity.consumers.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, both included: a year ({@code 2024}), a month ({@code 2024-03}) or any days
 * ({@code 2024-01-01..2024-06-30}), at most ten years, none of them after today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
  static final int MAX_DAYS = 3653;
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern DAYS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

  /** The period a text names, or an error naming what is wrong in Chinese and English. */
  public static ReportPeriod parse(String text, LocalDate today) {
    String value = text == null ? "" : text.strip();
    ReportPeriod period;
    try {
      period = read(value);
    } catch (DateTimeException e) {
      period = null;
    }
    if (period == null) {
      throw new IllegalArgumentException("period 应为年份（2024）、月份（2024-03）或起止日期（2024-01-01..2024-06-30），"
          + "而不是 \"" + value + "\" / period must be a year (2024), a month (2024-03) or two days "
          + "(2024-01-01..2024-06-30), not \"" + value + "\"");
    }
    if (period.from.isAfter(period.to)) {
      throw new IllegalArgumentException("period 的开始日期 " + period.from + " 晚于结束日期 " + period.to
          + " / period starts on " + period.from + ", after its end on " + period.to);
    }
    if (ChronoUnit.DAYS.between(period.from, period.to) >= MAX_DAYS) {
      throw new IllegalArgumentException("period 最长十年，而 \"" + value + "\" 更长 / period may cover ten years at "
          + "most, and \"" + value + "\" covers more");
    }
    if (period.from.isAfter(today)) {
      throw new IllegalArgumentException("period 尚未开始：" + period.from + " 在今天 " + today + " 之后 / period has "
          + "not begun: " + period.from + " is after today, " + today);
    }
    return period;
  }

  private static ReportPeriod read(String value) {
    Matcher m;
    if ((m = YEAR.matcher(value)).matches()) {
      int year = Integer.parseInt(m.group(1));
      return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    if ((m = MONTH.matcher(value)).matches()) {
      YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }
    if ((m = DAYS.matcher(value)).matches()) {
      return new ReportPeriod(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
    }
    return null;
  }

  /** The first moment of the period in the office's zone. */
  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first moment after the period in the office's zone. */
  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant moment, ZoneId zone) {
    return !moment.isBefore(start(zone)) && moment.isBefore(end(zone));
  }

  /** Whether the period is one whole calendar year. */
  public boolean isYear() {
    return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
  }

  /** As a file name or a heading says it: "2024", or "2024-01-01..2024-06-30". */
  @Override
  public String toString() {
    return isYear() ? String.valueOf(from.getYear()) : from + ".." + to;
  }

  /** As the report says it: "2024年" or "2024", "2024-01-01 至 2024-06-30" or "2024-01-01 to 2024-06-30". */
  public String words(Locale language) {
    boolean zh = language.getLanguage().equals("zh");
    if (isYear()) {
      return zh ? from.getYear() + "年" : String.valueOf(from.getYear());
    }
    return from + (zh ? " 至 " : " to ") + to;
  }
}
