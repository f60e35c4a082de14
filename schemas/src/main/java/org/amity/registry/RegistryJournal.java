package org.amity.registry;

/** Where a {@link LocalSchemaRegistry} makes its changes durable before applying them. */
@FunctionalInterface
public interface RegistryJournal {

  /** Writes the entry durably, or throws; the registry applies it only after this returns. */
  void write(RegistryEntry entry);

  /** A journal that keeps nothing: for in-memory registries. */
  RegistryJournal NONE = entry -> {};
}
