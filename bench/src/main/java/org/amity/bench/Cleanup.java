package org.amity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a run leaves behind, removed when the JVM exits, however it exits (end, failure, Ctrl-C): child processes
 * are stopped (killed if they do not stop within 10 s) and temporary directories deleted.
 */
final class Cleanup {
  private static final List<Process> PROCESSES = new ArrayList<>();
  private static final List<Path> DIRECTORIES = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::all, "bench-cleanup"));
  }

  private Cleanup() {}

  static synchronized Path tempDirectory(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    DIRECTORIES.add(dir);
    return dir;
  }

  static synchronized void onExit(Process process) {
    PROCESSES.add(process);
  }

  /** Stops the process and its children: SIGTERM, then SIGKILL after 10 s. */
  static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static synchronized void all() {
    PROCESSES.stream().filter(Process::isAlive).forEach(Cleanup::stop);
    for (Path dir : DIRECTORIES) {
      try {
        delete(dir);
      } catch (UncheckedIOException e) {
        System.err.println(e.getMessage());
      }
    }
  }
}
