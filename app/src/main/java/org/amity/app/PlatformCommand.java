package org.amity.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code amity platform}: the embedded Kafka broker and schema registry, until Ctrl-C. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a single-node Kafka broker (KRaft) and a Confluent-compatible schema registry in this process,",
        "keeping their data under --data-dir, until Ctrl-C. A second start on the same directory keeps",
        "every topic, record and schema id."})
final class PlatformCommand implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
      description = "Where the broker keeps its logs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address the broker and registry listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--controller-port", defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(names = "--registry-port", defaultValue = "8081",
      description = "Schema registry HTTP port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Override
  public Integer call() throws InterruptedException {
    PlatformSettings settings = new PlatformSettings(dataDir, host, kafkaPort, controllerPort, registryPort);
    Platform platform = Platform.start(settings);
    System.out.println("Kafka:           " + platform.bootstrapServers());
    System.out.println("Schema registry: " + platform.registryUrl());
    System.out.println("Data:            " + dataDir.toAbsolutePath());
    System.out.println("Press Ctrl-C to stop.");
    UntilStopped.run(platform);
    return 0;
  }
}
