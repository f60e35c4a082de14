package org.amity.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
  private static final LocalDate END = LocalDate.of(2025, 1, 1);
  private static final LocalDate QUIET_FROM = LocalDate.of(2024, 1, 1);
  private static final Instant QUIET_INSTANT = QUIET_FROM.atStartOfDay().toInstant(ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void theQuietShareIsRespectedAndQuietRelationshipsHaveNoEventsFromQuietFrom() {
    SyntheticSpec spec = SyntheticSpec.of(10, 100, 3, END, 11).withQuiet(0.3, QUIET_FROM);
    Run run = run(spec);

    Set<String> quiet = run.truth.rows().stream().filter(row -> row.profile() == Profile.QUIET)
        .map(GroundTruth.Row::relationshipId).collect(Collectors.toSet());
    assertThat(quiet.size() / 1000.0).isCloseTo(0.3, within(0.05));
    for (SpecificRecord event : run.events) {
      Envelope envelope = EventTypes.envelopeOf(event);
      if (envelope.getRelationshipIds().stream().anyMatch(quiet::contains)) {
        assertThat(envelope.getOccurredAt()).as(envelope.getEventId()).isBefore(QUIET_INSTANT);
      }
    }
  }

  @Test
  void theTruthSaysWhatWasGenerated() {
    SyntheticSpec spec = SyntheticSpec.of(10, 100, 3, END, 12).withQuiet(0.3, QUIET_FROM);
    Run run = run(spec);
    Map<String, Instant> lastExchange = lastExchanges(run.events);
    List<GroundTruth.Row> rows = run.truth.rows();

    assertThat(rows).hasSize(1000);
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.lastEventAt()).as(row.relationshipId()).isEqualTo(lastExchange.get(row.relationshipId()));
      assertThat(row.quietFrom()).isEqualTo(row.profile() == Profile.QUIET ? QUIET_FROM : null);
    });
    List<GroundTruth.Row> quiet = withProfile(rows, Profile.QUIET);
    assertThat(quiet).allSatisfy(row -> assertThat(row.lastEventAt()).isBefore(QUIET_INSTANT));
    assertThat(quiet.stream().filter(row -> row.lastEventAt() != null).count()).isGreaterThan(quiet.size() * 95L / 100);
    List<GroundTruth.Row> active = withProfile(rows, Profile.ACTIVE);
    assertThat(active.stream().filter(row -> row.lastEventAt().isAfter(QUIET_INSTANT)).count())
        .isGreaterThan(active.size() * 95L / 100);
    assertThat(withProfile(rows, Profile.SPARSE)).isNotEmpty();
  }

  @Test
  void theReportCountsWhatWasGenerated() {
    Run run = run(SyntheticSpec.of(3, 20, 2, END, 13));

    assertThat(run.report.offices()).isEqualTo(3);
    assertThat(run.report.relationships()).isEqualTo(60);
    assertThat(run.report.events()).isEqualTo(run.events.size());
    Map<String, Long> byType = run.events.stream()
        .collect(Collectors.groupingBy(e -> e.getClass().getSimpleName(), Collectors.counting()));
    byType.forEach((type, count) -> assertThat(run.report.eventsByType()).containsEntry(type, count));
    assertThat(run.report.eventsByType()).hasSize(EventTypes.all().size());
    assertThat(run.report.eventsPerSecond()).isPositive();
  }

  @Test
  void noneOrAllMayGoQuiet() {
    assertThat(withProfile(run(SyntheticSpec.of(2, 50, 2, END, 14).withQuiet(0, QUIET_FROM)).truth.rows(), Profile.QUIET))
        .isEmpty();
    Run allQuiet = run(SyntheticSpec.of(2, 50, 2, END, 14).withQuiet(1, QUIET_FROM));
    assertThat(allQuiet.truth.rows()).allSatisfy(row -> assertThat(row.profile()).isEqualTo(Profile.QUIET));
    assertThat(allQuiet.events).isNotEmpty().allSatisfy(event ->
        assertThat(EventTypes.envelopeOf(event).getOccurredAt()).isBefore(QUIET_INSTANT));
  }

  @Test
  void theCsvHasOneLinePerRelationshipAndReadsBack() throws IOException {
    SyntheticSpec spec = SyntheticSpec.of(2, 30, 2, END, 15).withQuiet(0.3, QUIET_FROM);
    Run run = run(spec);
    Path file = dir.resolve("truth.csv");
    run.truth.write(file);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("relationshipId,profile,quietFrom,lastEventAt");
    assertThat(lines).hasSize(61);
    assertThat(lines.subList(1, 61)).allSatisfy(line -> assertThat(line).matches(
        "office-00[12]/[a-z]{2}-city-000[0-9]{2},(active,|sparse,|quiet,2024-01-01),"
            + "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)?"));
    assertThat(GroundTruth.read(file)).isEqualTo(run.truth.rows());
  }

  private static List<GroundTruth.Row> withProfile(List<GroundTruth.Row> rows, Profile profile) {
    return rows.stream().filter(row -> row.profile() == profile).toList();
  }

  /** The last occurredAt of an event that names each relationship, retractions and retracted events left out. */
  private static Map<String, Instant> lastExchanges(List<SpecificRecord> events) {
    Set<String> retracted = events.stream().filter(EventRetracted.class::isInstance)
        .map(e -> ((EventRetracted) e).getRetractedEventId()).collect(Collectors.toSet());
    Map<String, Instant> last = new HashMap<>();
    for (SpecificRecord event : events) {
      Envelope envelope = EventTypes.envelopeOf(event);
      if (!(event instanceof EventRetracted) && !retracted.contains(envelope.getEventId())) {
        envelope.getRelationshipIds().forEach(id -> last.merge(id, envelope.getOccurredAt(), (a, b) -> a.isAfter(b) ? a : b));
      }
    }
    return last;
  }

  private static Run run(SyntheticSpec spec) {
    SyntheticGenerator generator = new SyntheticGenerator(spec);
    GroundTruth truth = new GroundTruth(generator);
    List<SpecificRecord> events = new ArrayList<>();
    GenerationReport report = DryRun.run(generator, event -> {
      truth.record(event);
      events.add(event);
    });
    return new Run(truth, events, report);
  }

  private record Run(GroundTruth truth, List<SpecificRecord> events, GenerationReport report) {}
}
