package org.amity.ops;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
      return Optional.of("模式注册表无应答 / The schema registry does not answer at " + where() + ": "
          + e.getClass().getSimpleName());
    }
  }

  /** The registry's addresses without the credentials a URL may carry. */
  private String where() {
    return config.urls().stream().map(url -> url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":"
        + url.getPort())).collect(Collectors.joining(", "));
  }
}
