package org.amity.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * What an event of one type is worth: the same for every event ({@link #flat}), or by the symbol of one of its enum
 * fields ({@link #by}), e.g. a delegation by its {@code level}.
 *
 * @param field the enum field the points depend on; null when every event of the type is worth the same
 * @param points the points by symbol, or under {@link #EVERY} alone for a flat rule
 */
public record PointRule(String field, Map<String, Integer> points) {
  /** The key of a flat rule's points. */
  public static final String EVERY = "*";

  public PointRule {
    points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
    points.forEach((key, value) -> {
      if (value == null || value < 0) {
        throw new IllegalArgumentException("points of " + key + " must not be negative, not " + value);
      }
    });
  }

  public static PointRule flat(int points) {
    return new PointRule(null, Map.of(EVERY, points));
  }

  /** Points by the symbol of the enum field, e.g. {@code by("level", "HEAD_OF_GOVERNMENT", 10, "SENIOR_OFFICIAL", 6)}. */
  public static PointRule by(String field, Object... symbolsAndPoints) {
    Map<String, Integer> points = new LinkedHashMap<>();
    for (int i = 0; i < symbolsAndPoints.length; i += 2) {
      points.put((String) symbolsAndPoints[i], (Integer) symbolsAndPoints[i + 1]);
    }
    return new PointRule(field, points);
  }

  /** The keys a rule for events of this schema must have: the field's symbols, or {@link #EVERY}. */
  public static List<String> keysFor(Schema eventSchema, String field) {
    return field == null ? List.of(EVERY) : symbolsOf(eventSchema, field);
  }

  /** The event's points. */
  public int of(IndexedRecord event) {
    if (field == null) {
      return points.get(EVERY);
    }
    return points.get(event.get(event.getSchema().getField(field).pos()).toString());
  }

  /** This rule with the points of one key changed. */
  public PointRule with(String key, int value) {
    Map<String, Integer> changed = new LinkedHashMap<>(points);
    changed.put(key, value);
    return new PointRule(field, changed);
  }

  /**
   * This rule with its keys in the schema's order, checked to give points to every event of the type.
   *
   * @throws IllegalArgumentException naming the type and the symbol without points, or the key the schema lacks
   */
  public PointRule completeFor(Schema eventSchema) {
    List<String> keys = keysFor(eventSchema, field);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String key : keys) {
      Integer value = points.get(key);
      if (value == null) {
        throw new IllegalArgumentException(eventSchema.getName() + " has no points for " + key);
      }
      ordered.put(key, value);
    }
    for (String key : points.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(eventSchema.getName() + " has no " + (field == null ? "" : field + " ") + key);
      }
    }
    return new PointRule(field, ordered);
  }

  private static List<String> symbolsOf(Schema eventSchema, String field) {
    Schema.Field f = eventSchema.getField(field);
    if (f == null || f.schema().getType() != Schema.Type.ENUM) {
      throw new IllegalArgumentException(eventSchema.getName() + " has no enum field " + field);
    }
    return f.schema().getEnumSymbols();
  }
}
