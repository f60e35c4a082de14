package org.amity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The packaged {@code amity} jar run as its own process ({@code java -Xms64m -Xmx512m -XX:+UseSerialGC -jar amity.jar
 * ARGS}, as ./amity runs it), its output in a log file, with its peak resident memory sampled while it runs. Stopped on
 * {@link #close()} or when the bench exits.
 */
final class AmityProcess implements AutoCloseable {
  private static final Duration MEMORY_SAMPLE_INTERVAL = Duration.ofMillis(250);
  /** The JVM options ./amity runs every command with when AMITY_JAVA_OPTS is not set. */
  private static final List<String> AMITY_DEFAULT_JAVA_OPTS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

  private final Process process;
  private final Path log;
  private final AtomicLong peakKiB = new AtomicLong();

  private AmityProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The jar: system property {@code amity.jar} (set by the bench's pom), else app/target/amity.jar from here. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("amity.jar", "app/target/amity.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar.toAbsolutePath()
          + "; build it first: ./mvnw -o -q -B package -DskipTests -pl app -am");
    }
    return jar;
  }

  /** {@code -Damity.bench.java-options="..."}: more JVM options for every process, e.g. a flight recording. */
  private static List<String> extraJavaOptions() {
    String options = System.getProperty("amity.bench.java-options", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  static AmityProcess start(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(AMITY_DEFAULT_JAVA_OPTS);
    command.addAll(extraJavaOptions());
    // RocksDB and LZ4 unpack their native libraries into the temporary directory; a killed process leaves them there
    command.add("-Djava.io.tmpdir=" + log.toAbsolutePath().getParent());
    command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only what the bench passes counts: no AMITY_* variable of the caller's, no ./amity.properties.
    builder.environment().keySet().removeIf(name -> name.startsWith("AMITY_"));
    builder.directory(log.getParent().toFile());
    AmityProcess amity = new AmityProcess(builder.start(), log);
    Cleanup.onExit(amity.process);
    amity.sampleMemory();
    return amity;
  }

  private void sampleMemory() {
    Thread sampler = new Thread(() -> {
      while (process.isAlive()) {
        peakResidentKiB();
        try {
          Thread.sleep(MEMORY_SAMPLE_INTERVAL.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-memory-" + process.pid());
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The highest resident memory seen: VmHWM of the process plus that of its children, in MiB. */
  double peakResidentMiB() {
    return peakResidentKiB() / 1024.0;
  }

  private long peakResidentKiB() {
    long now = Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(handle -> vmHwmKiB(handle.pid())).sum();
    return peakKiB.accumulateAndGet(now, Math::max);
  }

  /** The process's peak resident set size from /proc (0 once it is gone, or off Linux). */
  private static long vmHwmKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** Throws, with the end of the log, if the process has ended. */
  void requireAlive() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(log.getFileName() + " ended with exit code " + process.exitValue()
          + "; the end of its output:\n" + tail());
    }
  }

  /** Waits until the output contains {@code text}; throws if the process ends first or time is up. */
  void awaitOutput(String text, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!output().contains(text)) {
      requireAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No '" + text + "' from " + log.getFileName() + " within " + limit
            + "; the end of its output:\n" + tail());
      }
      Thread.sleep(100);
    }
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    peakResidentKiB();
    Cleanup.stop(process);
  }
}
