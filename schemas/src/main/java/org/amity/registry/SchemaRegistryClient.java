package org.amity.registry;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that Amity uses. Implemented over HTTP
 * ({@link RestSchemaRegistryClient}) and in memory ({@link LocalSchemaRegistry}). Failures are
 * {@link RegistryException}s carrying Confluent's HTTP status and error code.
 */
public interface SchemaRegistryClient extends Closeable {

  /** Registers the schema under the subject (or finds it there already) and answers its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema schemaById(int id);

  /** The version of this subject that holds exactly this schema. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The newest version of the subject. */
  RegisteredSchema latest(String subject);

  /** One version of the subject. */
  RegisteredSchema version(String subject, int version);

  /** Every subject, in order. */
  List<String> subjects();

  /** The versions of one subject, oldest first. */
  List<Integer> versions(String subject);

  /**
   * Checks the schema against the subject's versions as its compatibility level demands, and
   * answers the problems found; empty when it is compatible.
   */
  List<String> compatibilityProblems(String subject, Schema schema);

  /** The global compatibility level. */
  CompatibilityLevel globalCompatibility();

  void setGlobalCompatibility(CompatibilityLevel level);

  /** The subject's own compatibility level, or null when it has none and the global one applies. */
  CompatibilityLevel subjectCompatibility(String subject);

  void setSubjectCompatibility(String subject, CompatibilityLevel level);

  @Override
  default void close() {}
}
