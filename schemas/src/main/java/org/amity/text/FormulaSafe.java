package org.amity.text;

/**
 * A cell written to a CSV file that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return: OWASP's list) gets an apostrophe in front, so that Excel shows it as text. Plain numbers stay as they are.
 */
public final class FormulaSafe {
  private static final String TRIGGERS = "=+-@\t\r";

  private FormulaSafe() {}

  public static String cell(String value) {
    if (value == null || value.isEmpty() || TRIGGERS.indexOf(value.charAt(0)) < 0 || value.matches("[-+]?\\d+(\\.\\d+)?")) {
      return value;
    }
    return "'" + value;
  }
}
