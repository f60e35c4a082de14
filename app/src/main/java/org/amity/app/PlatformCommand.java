package org.amity.app;

import java.util.concurrent.Callable;
import org.amity.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code amity platform}: the embedded Kafka broker and schema registry, until Ctrl-C. */
@Command(
    name = "platform",
    header = "运行单节点 Kafka 和 schema registry / Runs a single-node Kafka broker (KRaft) and a schema registry",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a single-node Kafka broker (KRaft) and a Confluent-compatible schema registry in this process,",
        "keeping their data under --data-dir, until Ctrl-C. A second start on the same directory keeps",
        "every topic, record and schema id."})
final class PlatformCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions options;

  @Override
  public Integer call() throws InterruptedException {
    Platform platform = Platform.start(options.settings());
    System.out.println("Kafka:                        " + platform.bootstrapServers());
    System.out.println("模式注册表 / Schema registry: " + platform.registryUrl());
    System.out.println("数据目录 / Data:              " + options.dataDir.toAbsolutePath());
    System.out.println(UntilStopped.HOW_TO_STOP);
    UntilStopped.run(platform);
    return 0;
  }
}
