package org.amity.ops;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.SchemaRegistryClient;

/** Whether the schema registry of a client configuration answers: a readiness check. */
public final class RegistryCheck implements Supplier<Optional<String>> {
  private final RegistryClientConfig config;
  private final SchemaRegistryClient client;

  public RegistryCheck(Map<String, ?> clientConfig) {
    this.config = RegistryClientConfig.from(clientConfig);
    this.client = config.newClient();
  }

  @Override
  public Optional<String> get() {
    try {
      client.globalCompatibility();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("模式注册表无应答 / The schema registry does not answer at " + config + ": " + e.getMessage());
    }
  }
}
