package org.amity.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amity.producers.synthetic.DryRun;
import org.amity.producers.synthetic.GenerationReport;
import org.amity.producers.synthetic.GroundTruth;
import org.amity.producers.synthetic.KafkaEventSink;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code amity generate}: synthetic offices, relationships and events on Kafka, with their ground truth. */
@Command(
    name = "generate",
    header = "生成合成数据写入 Kafka / Generates synthetic offices, partners and exchanges into Kafka",
    mixinStandardHelpOptions = true,
    description = {
        "Generates synthetic offices, relationships and exchange events and writes them to Kafka.",
        "The ground truth goes to a CSV file: relationshipId,profile(active|sparse|quiet),quietFrom,lastEventAt.",
        "Events run from --end minus --years up to --end; the same options always give the same data."})
final class GenerateCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY = 1_000_000;
  /** The spec's field names, as its errors name them, and the options that set them. */
  private static final Map<String, String> OPTION_OF_FIELD = Map.of("offices", "--offices",
      "relationshipsPerOffice", "--relationships", "years", "--years", "end", "--end", "quietShare", "--quiet-share",
      "quietFrom", "--quiet-from", "eventsPerRelationshipPerYear", "--events-per-year");

  @CommandLine.Mixin
  ConnectionOptions connection;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--offices", defaultValue = "10", paramLabel = "N", description = "Offices (default: ${DEFAULT-VALUE}).")
  int offices;

  @Option(names = "--relationships", defaultValue = "100", paramLabel = "N",
      description = "Relationships per office (default: ${DEFAULT-VALUE}).")
  int relationshipsPerOffice;

  @Option(names = "--years", defaultValue = "10", paramLabel = "N", description = "Years of events (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(names = "--end", paramLabel = "DATE", description = "Events end before this day, UTC (default: today).")
  LocalDate end;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quiet-share", defaultValue = "0.1", paramLabel = "SHARE",
      description = "Share of relationships that go quiet, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double quietShare;

  @Option(names = "--quiet-from", paramLabel = "DATE",
      description = "Quiet relationships have no events on or after this day (default: one year before --end).")
  LocalDate quietFrom;

  @Option(names = "--events-per-year", defaultValue = "10", paramLabel = "N",
      description = "Average events per relationship per year (default: ${DEFAULT-VALUE}).")
  double eventsPerYear;

  @Option(names = "--truth", defaultValue = "synthetic-truth.csv", paramLabel = "FILE",
      description = "Where to write the ground truth (default: ${DEFAULT-VALUE}).")
  Path truthFile;

  @Option(names = "--dry-run", description = "Generate and count only; write nothing to Kafka.")
  boolean dryRun;

  @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
      description = "Partitions of relationship-keyed topics, for catalog topics that do not exist yet "
          + "(default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication-factor", defaultValue = "1", paramLabel = "N",
      description = "Replication factor of catalog topics that do not exist yet (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  private long eventsSeen;

  @Override
  public Integer call() throws IOException {
    SyntheticGenerator generator = new SyntheticGenerator(syntheticSpec());
    GroundTruth truth = new GroundTruth(generator);
    System.out.printf("Generating about %,d events for %,d relationships%s%n", generator.spec().expectedEvents(),
        generator.spec().relationships(), dryRun ? " (dry run: nothing is written to Kafka)" : "");
    GenerationReport report = dryRun
        ? DryRun.run(generator, event -> see(event, truth))
        : writeToKafka(generator, truth);
    truth.write(truthFile);
    print(report);
    return 0;
  }

  private SyntheticSpec syntheticSpec() {
    LocalDate endDay = end != null ? end : LocalDate.now(ZoneOffset.UTC);
    try {
      return new SyntheticSpec(offices, relationshipsPerOffice, years, endDay, seed, quietShare,
          quietFrom != null ? quietFrom : endDay.minusYears(1), eventsPerYear);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().split(" ", 2)[0];
      throw new CommandLine.ParameterException(commandSpec.commandLine(),
          OPTION_OF_FIELD.getOrDefault(field, field) + e.getMessage().substring(field.length()));
    }
  }

  private GenerationReport writeToKafka(SyntheticGenerator generator, GroundTruth truth) {
    Map<String, Object> config = connection.clientConfig();
    KafkaEventSink.createTopics(config, partitions, replicationFactor);
    try (KafkaEventSink sink = new KafkaEventSink(config)) {
      return sink.write(generator, event -> see(event, truth));
    }
  }

  private void see(SpecificRecord event, GroundTruth truth) {
    truth.record(event);
    if (++eventsSeen % PROGRESS_EVERY == 0) {
      System.out.printf("  %,d events%n", eventsSeen);
    }
  }

  private void print(GenerationReport report) {
    String done = dryRun ? "Generated" : "Wrote to " + connection.bootstrapServers + ":";
    System.out.printf("%s %,d offices, %,d relationships and %,d events in %.1f s: %,.0f events/s%n", done,
        report.offices(), report.relationships(), report.events(), report.elapsed().toMillis() / 1000.0,
        report.eventsPerSecond());
    report.eventsByType().forEach((type, count) -> System.out.printf("  %-18s %,12d%n", type, count));
    System.out.println("Ground truth: " + truthFile.toAbsolutePath());
  }
}
