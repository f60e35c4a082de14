package org.amity.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.AvroSerdeConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one embedded platform (Kafka broker and schema registry, on free loopback ports and a temporary
 * directory) for the whole test run, and stops it when the run ends. Use with
 * {@code @ExtendWith(EmbeddedPlatformExtension.class)} and {@link #platform()}.
 */
public final class EmbeddedPlatformExtension implements BeforeAllCallback {
  private static Platform platform;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(EmbeddedPlatformExtension.class, key -> new Running(), Running.class);
  }

  /** The running platform; only valid in a test class extended with this extension. */
  public static Platform platform() {
    if (platform == null) {
      throw new IllegalStateException("No embedded platform: add @ExtendWith(EmbeddedPlatformExtension.class)");
    }
    return platform;
  }

  /** What a client of the running platform needs (its broker and schema registry), in a new map to add to. */
  public static Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, platform().bootstrapServers());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform().registryUrl());
    return config;
  }

  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final Path dataDir;

    Running() {
      try {
        dataDir = Files.createTempDirectory("amity-test-platform");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
      platform = Platform.start(new PlatformSettings(dataDir, "127.0.0.1", ports[0], ports[1], 0));
    }

    @Override
    public void close() throws IOException {
      platform.close();
      platform = null;
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
