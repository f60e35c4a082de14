package org.amity.bench;

import java.util.Arrays;
import java.util.List;
import org.amity.serde.ContractClasses;

/**
 * Runs a benchmark by name: {@code all [--scale quick|full] [--dry-run]} (every benchmark, one table), or one alone:
 * {@code ingest}, {@code replay}, {@code latency}. Figures go to the console and to bench/target/.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    ContractClasses.trust();
    String name = args.length == 0 ? "all" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (name) {
      case "all" -> all(rest);
      case "ingest" -> IngestBenchmark.main(rest);
      case "replay" -> ReplayBenchmark.main(rest);
      case "latency" -> LatencyBenchmark.main(rest);
      default -> {
        System.err.println("Unknown benchmark " + name + "; known: all, ingest, replay, latency");
        System.exit(2);
      }
    }
    System.exit(0);
  }

  interface Section {
    List<Row> run() throws Exception;
  }

  private static void all(String[] args) throws Exception {
    List<String> options = List.of(args);
    int at = options.indexOf("--scale");
    Scale scale = Scale.named(at >= 0 && at + 1 < options.size() ? options.get(at + 1) : "quick");
    Report report = new Report(scale.name());
    if (options.contains("--dry-run")) {
      System.out.println(report.text().lines().findFirst().orElseThrow());
      System.out.println("would write to the embedded broker " + Scale.describe(scale.spec()));
      System.out.printf("then: ingest with 16 senders, %,d events per row; latency with %,d events%n",
          scale.ingestEvents(), scale.latencyEvents());
      return;
    }
    long started = System.nanoTime();
    run(report, "replay", () -> ReplayBenchmark.run(scale.spec(), report));
    run(report, "ingest", () -> IngestBenchmark.run(16, scale.ingestEvents()));
    run(report, "latency", () -> LatencyBenchmark.run(scale.latencyEvents(), report));
    report.note(String.format("the run took %.1f min", (System.nanoTime() - started) / 60e9));
    report.write("bench-report");
  }

  /** Adds the section's rows; when it fails, says so in the table and goes on with the next section. */
  private static void run(Report report, String section, Section rows) {
    System.out.println(section + ": starting");
    try {
      report.add(rows.run());
    } catch (Exception e) {
      e.printStackTrace();
      report.add(List.of(Row.notMeasured(section, "failed: " + firstLine(e), Row.NONE, Row.NONE)));
    }
  }

  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + ": " + (message.length() > 120 ? message.substring(0, 120) + "..." : message);
  }
}
