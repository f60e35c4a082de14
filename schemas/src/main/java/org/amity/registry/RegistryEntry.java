package org.amity.registry;

/** One change to a registry's state, as written to its journal (e.g. the {@code _schemas} topic). */
public sealed interface RegistryEntry {

  /** A schema registered as a version of a subject. */
  record SchemaVersion(String subject, int version, int id, String schema) implements RegistryEntry {}

  /** A compatibility level set for one subject, or globally when subject is null. */
  record Config(String subject, CompatibilityLevel level) implements RegistryEntry {}
}
