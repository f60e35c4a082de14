package org.amity.streams.vitality;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * What decides whether a record is published again: a hash of every field of its schema, nested records included,
 * but those that only time moves. A field added to the schema counts unless it is named here as moved by time. The
 * state keeps the hash across restarts, so it is the same in every JVM: enums by name, text by its characters.
 */
final class PublishSignature {
  /**
   * The vitality's moment and the figures only time moves (momentum, each contributor's points today, the day counts):
   * they are published with the next change of the rest, exact as of its moment; a reader works out today's day
   * counts from the moments they count from.
   */
  static final Set<String> VITALITY_MOVED_BY_TIME = Set.of("at", "momentum", "rawMomentum", "daysSinceLastExchange",
      "daysSinceLastSubstantive", "pointsToday");
  /** The activity's moment. */
  static final Set<String> ACTIVITY_MOVED_BY_TIME = Set.of("at");

  private PublishSignature() {}

  static int of(SpecificRecord record, Set<String> movedByTime) {
    int hash = 1;
    for (Schema.Field field : record.getSchema().getFields()) {
      if (!movedByTime.contains(field.name())) {
        hash = 31 * hash + hash(record.get(field.pos()), movedByTime);
      }
    }
    return hash;
  }

  private static int hash(Object value, Set<String> movedByTime) {
    if (value == null) {
      return 0;
    }
    if (value instanceof SpecificRecord record) {
      return of(record, movedByTime);
    }
    if (value instanceof Enum<?> symbol) {
      return symbol.name().hashCode();
    }
    if (value instanceof CharSequence text) {
      return text.toString().hashCode();
    }
    if (value instanceof List<?> list) {
      int hash = 1;
      for (Object item : list) {
        hash = 31 * hash + hash(item, movedByTime);
      }
      return hash;
    }
    if (value instanceof Map<?, ?> map) {
      int hash = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        hash += hash(entry.getKey(), movedByTime) ^ hash(entry.getValue(), movedByTime);
      }
      return hash;
    }
    return value.hashCode();
  }
}
