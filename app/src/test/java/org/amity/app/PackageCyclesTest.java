package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No two packages of Amity's main code depend on each other, directly or through others. */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package (org\\.amity[\\w.]*);", Pattern.MULTILINE);
  /** A class of Amity named in code: its package is the lower-case part. */
  private static final Pattern USE = Pattern.compile("\\b(org\\.amity(?:\\.[a-z]\\w*)+)\\.[A-Z]");

  @Test
  void mainCodeHasNoPackageCycle() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
      modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach(root -> read(root, uses));
    }
    assertThat(uses).as("packages read").containsKeys("org.amity.streams.app", "org.amity.consumers.dashboard");

    assertThat(cycles(uses)).isEmpty();
  }

  private static void read(Path root, Map<String, Set<String>> uses) {
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
        String code = code(file);
        Matcher name = PACKAGE.matcher(code);
        if (!name.find()) {
          return;
        }
        Set<String> used = uses.computeIfAbsent(name.group(1), p -> new TreeSet<>());
        Matcher use = USE.matcher(code);
        while (use.find()) {
          if (!use.group(1).equals(name.group(1))) {
            used.add(use.group(1));
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file without its comments' lines: a name in a comment is no dependency. */
  private static String code(Path file) {
    try {
      return String.join("\n", Files.readAllLines(file).stream()
          .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("/*") && !line.strip().startsWith("//"))
          .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each cycle found, as "a → b → a". */
  private static List<String> cycles(Map<String, Set<String>> uses) {
    List<String> cycles = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : uses.keySet()) {
      walk(start, new ArrayList<>(), uses, done, cycles);
    }
    return cycles;
  }

  private static void walk(String pkg, List<String> path, Map<String, Set<String>> uses, Set<String> done,
      List<String> cycles) {
    int seen = path.indexOf(pkg);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(pkg);
      cycles.add(String.join(" → ", cycle));
      return;
    }
    if (!done.add(pkg)) {
      return;
    }
    path.add(pkg);
    for (String next : uses.getOrDefault(pkg, Set.of())) {
      walk(next, path, uses, done, cycles);
    }
    path.remove(path.size() - 1);
  }
}
