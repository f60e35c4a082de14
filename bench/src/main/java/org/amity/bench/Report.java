package org.amity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The figures of a run as one table, printed and written as plain text ({@code NAME.txt}) and Markdown
 * ({@code NAME.md}) to the bench's target directory. The first line says when, on what machine, at what scale.
 */
final class Report {
  /** The table's order: rows by the first word of their measurement. */
  private static final List<String> SECTIONS = List.of("replay", "scaling", "ingest", "latency", "footprint",
      "silence");

  private final String title;
  private final List<String> notes = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();

  Report(String scale) {
    this.title = "Amity benchmarks, " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
        "yyyy-MM-dd HH:mm 'UTC'")) + "; machine: " + machine() + "; scale: " + scale;
  }

  void note(String line) {
    notes.add(line);
  }

  void add(List<Row> more) {
    rows.addAll(more);
    rows.sort(Comparator.comparingInt(Report::section));
  }

  private static int section(Row row) {
    int at = SECTIONS.indexOf(row.measurement().split("[ :]", 2)[0]);
    return at < 0 ? SECTIONS.size() : at;
  }

  /** Prints the report and writes NAME.txt and NAME.md; answers the text file. */
  Path write(String name) throws IOException {
    String text = text();
    System.out.println();
    System.out.print(text);
    Path dir = Path.of(System.getProperty("bench.target", "target"));
    Files.createDirectories(dir);
    Path textFile = dir.resolve(name + ".txt");
    Files.writeString(textFile, text);
    Files.writeString(dir.resolve(name + ".md"), markdown());
    System.out.println("written to " + textFile.toAbsolutePath() + " and " + name + ".md");
    return textFile;
  }

  String text() {
    int[] widths = new int[Row.HEADINGS.size()];
    for (List<String> cells : table()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], cells.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    notes.forEach(note -> out.append(note).append('\n'));
    out.append('\n');
    for (List<String> cells : table()) {
      for (int i = 0; i < widths.length; i++) {
        boolean number = i == 1 || i == 4;
        out.append(i == 0 ? "" : "  ").append(pad(cells.get(i), widths[i], number));
      }
      out.append('\n');
    }
    return out.toString().replaceAll(" +\n", "\n");
  }

  String markdown() {
    StringBuilder out = new StringBuilder(title).append("\n\n");
    notes.forEach(note -> out.append(note).append("  \n"));
    out.append('\n');
    out.append("| ").append(String.join(" | ", Row.HEADINGS)).append(" |\n");
    out.append("| --- | ---: | --- | --- | ---: | --- | --- |\n");
    rows.forEach(row -> out.append("| ").append(String.join(" | ", row.cells())).append(" |\n"));
    return out.toString();
  }

  private List<List<String>> table() {
    List<List<String>> table = new ArrayList<>();
    table.add(Row.HEADINGS);
    rows.forEach(row -> table.add(row.cells()));
    return table;
  }

  private static String pad(String cell, int width, boolean rightAligned) {
    String spaces = " ".repeat(width - cell.length());
    return rightAligned ? spaces + cell : cell + spaces;
  }

  /** Cores, memory, Java and OS, as {@code java -version} and /proc/meminfo say. */
  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", " + javaVersion() + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return String.format("%.1f GiB memory", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say nothing rather than guess
    }
    return "memory unknown";
  }

  /** The first and second line of {@code java -version} of the JVM the bench runs on (and starts its processes with). */
  private static String javaVersion() {
    try {
      Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
          .redirectErrorStream(true).start();
      List<String> lines = new String(java.getInputStream().readAllBytes()).lines().toList();
      java.waitFor();
      return String.join(" / ", lines.subList(0, Math.min(2, lines.size())));
    } catch (IOException | InterruptedException e) {
      return "Java " + System.getProperty("java.runtime.version");
    }
  }
}
