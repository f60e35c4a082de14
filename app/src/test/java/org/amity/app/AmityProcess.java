package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code amity} jar run as its own process, its output in a log file, as a user runs it. */
final class AmityProcess implements AutoCloseable {
  static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;

  private AmityProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static AmityProcess start(Path log, Map<String, String> env, String... args) throws IOException {
    String jar = System.getProperty("amity.jar");
    assertThat(new File(jar)).as("packaged jar").exists();
    // RocksDB and LZ4 unpack their native libraries into the temporary directory; a killed process leaves them there
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + log.toAbsolutePath().getParent(), "-jar", jar));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AMITY_"));
    builder.environment().putAll(env);
    return new AmityProcess(builder.start(), log);
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the output contains {@code text}; fails, showing the output, if the process ends first or time is up. */
  void awaitOutput(String text, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!output().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' from " + log.getFileName() + " within " + limit + ":\n" + output());
      }
      Thread.sleep(100);
    }
  }

  /** Waits for a command that ends by itself, and returns its exit code. */
  int awaitExit(Duration limit) throws InterruptedException {
    assertThat(process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as(log.getFileName() + " ended").isTrue();
    return process.exitValue();
  }

  /** Sends SIGKILL, as a crash of the machine or an out-of-memory killer would, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(log.getFileName() + " killed").isTrue();
  }

  /** Sends SIGTERM (as Ctrl-C does) and checks the process stops within {@link #STOP_LIMIT}. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    boolean stopped = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (!stopped) {
      process.destroyForcibly();
    }
    assertThat(stopped).as(log.getFileName() + " stopped within " + STOP_LIMIT).isTrue();
  }
}
