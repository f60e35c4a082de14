package org.amity.bench;

import java.util.List;

/**
 * One line of the report: a figure, what it is compared with (a baseline measured in the same run, or the target),
 * the ratio of the two, and whether the target, if there is one, is met.
 */
record Row(String measurement, String figure, String unit, String against, String ratio, String target, String met) {
  static final List<String> HEADINGS = List.of("measurement", "figure", "unit", "against", "ratio", "target", "met");
  static final String NONE = "-";

  /** The baseline itself: the figure the rows after it are divided by. */
  static Row baseline(String measurement, double value, String unit) {
    return new Row(measurement, number(value), unit, "(baseline)", "1.00", NONE, NONE);
  }

  static Row against(String measurement, double value, String unit, String baselineName, double baseline) {
    return new Row(measurement, number(value), unit, baselineName + " " + number(baseline) + " " + unit,
        ratio(value / baseline), NONE, NONE);
  }

  /** Against a baseline, with a target for the ratio: at least {@code minimumRatio}. */
  static Row against(String measurement, double value, String unit, String baselineName, double baseline,
                     double minimumRatio) {
    return against(measurement, value, unit, baselineName, baseline)
        .withTarget("ratio >= " + ratio(minimumRatio), value / baseline >= minimumRatio);
  }

  /** Against a target the figure must stay under; the ratio is figure / target. */
  static Row under(String measurement, double value, String unit, double limit) {
    return new Row(measurement, number(value), unit, "target " + number(limit) + " " + unit, ratio(value / limit),
        "< " + number(limit) + " " + unit, yesNo(value < limit));
  }

  /** A figure with nothing to compare it with. */
  static Row plain(String measurement, double value, String unit) {
    return new Row(measurement, number(value), unit, NONE, NONE, NONE, NONE);
  }

  static Row notMeasured(String measurement, String why, String unit, String target) {
    return new Row(measurement, "not measured (" + why + ")", unit, NONE, NONE, target, NONE);
  }

  Row withTarget(String newTarget, boolean isMet) {
    return new Row(measurement, figure, unit, against, ratio, newTarget, yesNo(isMet));
  }

  List<String> cells() {
    return List.of(measurement, figure, unit, against, ratio, target, met);
  }

  static String number(double value) {
    double size = Math.abs(value);
    return String.format(size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String ratio(double value) {
    return String.format(value < 0.1 ? "%.3f" : "%.2f", value);
  }

  private static String yesNo(boolean met) {
    return met ? "yes" : "no";
  }
}
