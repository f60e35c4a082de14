package org.amity.producers.sheet;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A day as office staff write it, in a spreadsheet's cell or on the command line. */
public final class WrittenDate {
  /** The forms accepted, for messages. */
  public static final String FORMS = "2024-07-10、2024/7/10、2024.7.10、2024年7月10日";
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

  private WrittenDate() {}

  /** A date in one of the {@link #FORMS} (a time after it is ignored); empty when it is none, or no such day. */
  public static Optional<LocalDate> parse(String text) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
