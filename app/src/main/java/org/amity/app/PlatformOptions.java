package org.amity.app;

import java.nio.file.Path;
import org.amity.platform.PlatformSettings;
import picocli.CommandLine.Option;

/** Where the embedded broker and registry keep their data and listen: for {@code platform} and {@code demo}. */
final class PlatformOptions {

  @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
      description = "Where the data is kept; a second start keeps it (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--controller-port", defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(names = "--registry-port", defaultValue = "8081",
      description = "Schema registry HTTP port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  PlatformSettings settings() {
    return new PlatformSettings(dataDir, host, kafkaPort, controllerPort, registryPort);
  }
}
