package org.amity.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema registry kept in this process: the logic behind the embedded registry server and the
 * {@code mock://} URLs. Every change is written to a {@link RegistryJournal} before it is applied, and a
 * journal replayed through {@link #apply} rebuilds the same state, ids included.
 */
public final class LocalSchemaRegistry implements SchemaRegistryClient {

  private final RegistryJournal journal;
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  public LocalSchemaRegistry(CompatibilityLevel defaultLevel, RegistryJournal journal) {
    this.globalLevel = defaultLevel;
    this.journal = journal;
  }

  public LocalSchemaRegistry() {
    this(CompatibilityLevel.BACKWARD_TRANSITIVE, RegistryJournal.NONE);
  }

  /** Applies an entry that is already durable, e.g. one read back from the journal at start-up. */
  public synchronized void apply(RegistryEntry entry) {
    if (entry instanceof RegistryEntry.SchemaVersion v) {
      Schema schema = parse(v.schema());
      schemasById.put(v.id(), schema);
      idsByCanonical.putIfAbsent(schema.toString(), v.id());
      maxId = Math.max(maxId, v.id());
      List<RegisteredSchema> versions = subjects.computeIfAbsent(v.subject(), s -> new ArrayList<>());
      versions.removeIf(existing -> existing.version() == v.version());
      versions.add(new RegisteredSchema(v.subject(), v.id(), v.version(), schema));
      versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
    } else if (entry instanceof RegistryEntry.Config c) {
      if (c.subject() == null) {
        globalLevel = c.level();
      } else {
        subjectLevels.put(c.subject(), c.level());
      }
    }
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
    for (RegisteredSchema existing : versions) {
      if (existing.schema().equals(schema)) {
        return existing.id();
      }
    }
    List<String> problems = compatibilityProblems(subject, schema);
    if (!problems.isEmpty()) {
      throw RegistryException.incompatible(subject, problems);
    }
    String canonical = schema.toString();
    int id = idsByCanonical.getOrDefault(canonical, maxId + 1);
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    RegistryEntry entry = new RegistryEntry.SchemaVersion(subject, version, id, canonical);
    journal.write(entry);
    apply(entry);
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw RegistryException.schemaNotFound("Schema " + id);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    for (RegisteredSchema existing : versionsOf(subject)) {
      if (existing.schema().equals(schema)) {
        return existing;
      }
    }
    throw RegistryException.schemaNotFound("Schema");
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<RegisteredSchema> versions = versionsOf(subject);
    return versions.get(versions.size() - 1);
  }

  @Override
  public synchronized RegisteredSchema version(String subject, int version) {
    for (RegisteredSchema existing : versionsOf(subject)) {
      if (existing.version() == version) {
        return existing;
      }
    }
    throw RegistryException.versionNotFound(subject, version);
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
  }

  @Override
  public synchronized List<String> compatibilityProblems(String subject, Schema schema) {
    List<Schema> existing = subjects.getOrDefault(subject, List.of()).stream()
        .map(RegisteredSchema::schema).toList();
    return effectiveLevel(subject).problems(schema, existing);
  }

  @Override
  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel;
  }

  @Override
  public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
    RegistryEntry entry = new RegistryEntry.Config(null, level);
    journal.write(entry);
    apply(entry);
  }

  @Override
  public synchronized CompatibilityLevel subjectCompatibility(String subject) {
    return subjectLevels.get(subject);
  }

  @Override
  public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    RegistryEntry entry = new RegistryEntry.Config(subject, level);
    journal.write(entry);
    apply(entry);
  }

  private CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<RegisteredSchema> versionsOf(String subject) {
    List<RegisteredSchema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  /** Parses schema text, answering Confluent's 42201 when it is not a valid Avro schema. */
  public static Schema parse(String schemaText) {
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (SchemaParseException | NullPointerException e) {
      throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }
}
