package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amity platform} as a user runs it: the packaged jar in its own process. */
class PlatformCommandIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  @Test
  void servesKafkaAndTheConfluentApiThenStopsCleanlyAndKeepsEverything(@TempDir Path dataDir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(3);
    Schema schema = SchemaBuilder.record("Ping").namespace("amity.it").fields().requiredString("who").endRecord();
    int id;

    Process first = start(dataDir, ports);
    try {
      waitUntilUp(first, ports);
      SchemaRegistryClient registry = registry(ports[2]);
      id = registry.register("ping-value", schema);
      assertThat(registry.schemaById(id)).isEqualTo(schema);
      assertThat(registry.compatibilityProblems("ping-value", SchemaBuilder.record("Ping").namespace("amity.it")
          .fields().requiredString("who").requiredInt("count").endRecord())).isNotEmpty();
    } finally {
      stop(first);
    }
    assertThat(first.exitValue()).as("exit code after a stop signal").isIn(0, 130, 143);

    Process second = start(dataDir, ports);
    try {
      waitUntilUp(second, ports);
      assertThat(registry(ports[2]).lookup("ping-value", schema).id()).isEqualTo(id);
    } finally {
      stop(second);
    }
  }

  private static Process start(Path dataDir, int[] ports) throws Exception {
    String jar = System.getProperty("amity.jar");
    assertThat(new File(jar)).as("packaged jar").exists();
    return new ProcessBuilder(javaBinary(), "-jar", jar, "platform", "--data-dir", dataDir.toString(),
        "--kafka-port", "" + ports[0], "--controller-port", "" + ports[1], "--registry-port", "" + ports[2])
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target", "platform-command-it.log").toFile())
        .start();
  }

  private static void waitUntilUp(Process process, int[] ports) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("amity platform is running").isTrue();
      if (kafkaAnswers(ports[0]) && registryAnswers(ports[2])) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Kafka and the registry did not both answer within " + START_LIMIT);
  }

  private static boolean kafkaAnswers(int port) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
      return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean registryAnswers(int port) {
    try {
      registry(port).subjects();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static SchemaRegistryClient registry(int port) {
    return RegistryClientConfig.from(Map.of("schema.registry.url", "http://localhost:" + port)).newClient();
  }

  /** SIGTERM runs the same shutdown path as Ctrl-C; both must stop the platform within the limit. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    boolean stopped = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (!stopped) {
      process.destroyForcibly();
    }
    assertThat(stopped).as("stopped within " + STOP_LIMIT).isTrue();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

}
