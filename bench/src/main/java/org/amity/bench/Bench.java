package org.amity.bench;

import java.util.Arrays;

/** Runs a benchmark by name: {@code ingest}, {@code replay}. Figures go to the console and to bench/target/. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "ingest" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (name) {
      case "ingest" -> IngestBenchmark.main(rest);
      case "replay" -> ReplayBenchmark.main(rest);
      default -> {
        System.err.println("Unknown benchmark " + name + "; known: ingest, replay");
        System.exit(2);
      }
    }
    System.exit(0);
  }
}
