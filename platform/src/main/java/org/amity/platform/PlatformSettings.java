package org.amity.platform;

import java.nio.file.Path;

/**
 * Where the local platform keeps its data and listens. Port 0 asks for any free port (tests).
 *
 * @param relationshipPartitions partitions of every topic keyed by relationship id
 */
public record PlatformSettings(Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort,
                               int relationshipPartitions) {

  public PlatformSettings(Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort) {
    this(dataDir, host, kafkaPort, controllerPort, registryPort, 3);
  }

  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }
}
