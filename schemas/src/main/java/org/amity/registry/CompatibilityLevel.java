package org.amity.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Parses a level name as Confluent spells it, case-insensitively. */
  public static CompatibilityLevel parse(String name) {
    if (name != null) {
      for (CompatibilityLevel level : values()) {
        if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
          return level;
        }
      }
    }
    throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level: " + name + ". Valid values are " + List.of(values()) + ".");
  }

  /**
   * The problems that stop {@code candidate} from joining a subject whose versions are
   * {@code existing} (oldest first); empty when it may.
   */
  public List<String> problems(Schema candidate, List<Schema> existing) {
    List<String> problems = new ArrayList<>();
    List<Schema> checked = transitive || existing.isEmpty()
        ? existing
        : existing.subList(existing.size() - 1, existing.size());
    for (Schema previous : checked) {
      if (newReadsOld) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), "new schema reading old data", problems);
      }
      if (oldReadsNew) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), "old schema reading new data", problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
          + " (" + incompatibility.getMessage() + ")");
    }
  }
}
