package org.amity.streams.settings;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.amity.contract.PointRule;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ModelSettings.Bands;
import org.amity.streams.model.ModelSettings.PointTable;
import org.amity.streams.model.ModelSettings.Weights;

/**
 * The vitality model's constants from {@code amity.model.*} properties, each defaulting to docs/design.md's figure:
 * {@code amity.model.half-life-days=180}, {@code amity.model.points.DelegationVisited.HEAD_OF_GOVERNMENT=10},
 * {@code amity.model.bands.dormant-silence-days=365}... docs/operations.md lists them all.
 */
public final class ModelProperties {
  public static final String PREFIX = "amity.model.";

  private ModelProperties() {}

  /** The model's settings; a property that is not a number, or out of range, is named in the exception. */
  public static ModelSettings read(Properties properties) {
    return read(strings(properties));
  }

  static ModelSettings read(Map<String, String> v) {
    ModelSettings d = ModelSettings.defaults();
    Bands db = d.bands();
    Weights dw = d.weights();
    return d.toBuilder()
        .modelVersion(v.getOrDefault(PREFIX + "version", d.modelVersion()))
        .points(points(v, d.points()))
        .halfLifeDays(doubleValue(v, PREFIX + "half-life-days", d.halfLifeDays()))
        .momentumScale(doubleValue(v, PREFIX + "momentum-scale", d.momentumScale()))
        .breadthWindowDays(intValue(v, PREFIX + "breadth-window-days", d.breadthWindowDays()))
        .breadthDomains(intValue(v, PREFIX + "breadth-domains", d.breadthDomains()))
        .reciprocityWindowDays(intValue(v, PREFIX + "reciprocity-window-days", d.reciprocityWindowDays()))
        .substanceWindowDays(intValue(v, PREFIX + "substance-window-days", d.substanceWindowDays()))
        .substancePoints(doubleValue(v, PREFIX + "substance-points", d.substancePoints()))
        .weights(new Weights(
            doubleValue(v, PREFIX + "weights.momentum", dw.momentum()),
            doubleValue(v, PREFIX + "weights.breadth", dw.breadth()),
            doubleValue(v, PREFIX + "weights.reciprocity", dw.reciprocity()),
            doubleValue(v, PREFIX + "weights.substance", dw.substance())))
        .bands(new Bands(
            intValue(v, PREFIX + "bands.dormant-silence-days", db.dormantSilenceDays()),
            intValue(v, PREFIX + "bands.dormant-below", db.dormantBelow()),
            intValue(v, PREFIX + "bands.cooling-silence-days", db.coolingSilenceDays()),
            intValue(v, PREFIX + "bands.cooling-below", db.coolingBelow()),
            intValue(v, PREFIX + "bands.thriving-from", db.thrivingFrom()),
            intValue(v, PREFIX + "bands.new-relationship-days", db.newRelationshipDays())))
        .trendLookbackDays(intValue(v, PREFIX + "trend-lookback-days", d.trendLookbackDays()))
        .forecastHorizonDays(intValue(v, PREFIX + "forecast-horizon-days", d.forecastHorizonDays()))
        .activityWindowDays(intList(v, PREFIX + "activity-window-days", d.activityWindowDays()))
        .zone(zone(v, PREFIX + "zone", d.zone()))
        .build();
  }

  /** Every property as a string, sorted by name. */
  public static Map<String, String> strings(Properties properties) {
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
    return values;
  }

  static long longValue(Map<String, String> values, String name, long fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw notA("a whole number", name, value);
    }
  }

  static int intValue(Map<String, String> values, String name, int fallback) {
    long value = longValue(values, name, fallback);
    if (value != (int) value) {
      throw notA("a whole number of at most " + Integer.MAX_VALUE, name, Long.toString(value));
    }
    return (int) value;
  }

  static double doubleValue(Map<String, String> values, String name, double fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw notA("a number", name, value);
    }
  }

  private static List<Integer> intList(Map<String, String> values, String name, List<Integer> fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
    } catch (NumberFormatException e) {
      throw notA("a comma-separated list of whole numbers", name, value);
    }
  }

  private static ZoneId zone(Map<String, String> values, String name, ZoneId fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : ZoneId.of(value);
    } catch (RuntimeException e) {
      throw notA("a time zone such as Asia/Shanghai or UTC", name, value);
    }
  }

  /** {@code points.DelegationVisited.HEAD_OF_GOVERNMENT}, {@code points.ExhibitionHeld}, {@code points.substantive-types}. */
  private static PointTable points(Map<String, String> v, PointTable d) {
    String p = PREFIX + "points.";
    PointTable points = d;
    for (Map.Entry<String, PointRule> type : d.byType().entrySet()) {
      for (Map.Entry<String, Integer> key : type.getValue().points().entrySet()) {
        String name = p + type.getKey() + (key.getKey().equals(PointRule.EVERY) ? "" : "." + key.getKey());
        points = points.with(type.getKey(), key.getKey(), intValue(v, name, key.getValue()));
      }
    }
    Set<String> substantive = v.containsKey(p + "substantive-types")
        ? new HashSet<>(Arrays.stream(v.get(p + "substantive-types").split(",")).map(String::trim).toList())
        : d.substantiveTypes();
    return new PointTable(points.byType(), substantive);
  }

  private static IllegalArgumentException notA(String what, String name, String value) {
    return new IllegalArgumentException(name + " must be " + what + ", not '" + value + "'");
  }
}
