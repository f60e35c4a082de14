package org.amity.producers.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.contract.EventTypes;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.apache.avro.specific.SpecificRecord;

/**
 * What is true of the generated data, per relationship, as a CSV file beside it:
 * {@code relationshipId,profile,quietFrom,lastEventAt} with profile {@code active|sparse|quiet}, quietFrom
 * (ISO date) only for quiet relationships, and lastEventAt the occurredAt (ISO instant, UTC) of the last
 * exchange that names the relationship, empty when it has none. Retractions are not exchanges; the generator
 * never retracts a relationship's last exchange. Feed it every generated event with {@link #record}.
 */
public final class GroundTruth {
  public static final String HEADER = "relationshipId,profile,quietFrom,lastEventAt";

  /** One relationship's truth; quietFrom and lastEventAt may be null. */
  public record Row(String relationshipId, Profile profile, LocalDate quietFrom, Instant lastEventAt) {}

  private final LocalDate quietFrom;
  private final Map<String, Tracked> byRelationship = new LinkedHashMap<>();

  public GroundTruth(SyntheticGenerator generator) {
    this.quietFrom = generator.spec().quietFrom();
    generator.plans().forEach(plan -> byRelationship.put(plan.relationshipId(), new Tracked(plan.profile())));
  }

  /** Takes note of one generated event. */
  public void record(SpecificRecord event) {
    if (event instanceof EventRetracted) {
      return;
    }
    Envelope envelope = EventTypes.envelopeOf(event);
    long occurredAt = envelope.getOccurredAt().toEpochMilli();
    for (String relationshipId : envelope.getRelationshipIds()) {
      Tracked tracked = byRelationship.get(relationshipId);
      if (tracked == null) {
        throw new IllegalArgumentException("event " + envelope.getEventId() + " names " + relationshipId
            + ", which is not a generated relationship");
      }
      tracked.lastEventAt = Math.max(tracked.lastEventAt, occurredAt);
    }
  }

  public List<Row> rows() {
    return byRelationship.entrySet().stream().map(entry -> row(entry.getKey(), entry.getValue())).toList();
  }

  public void write(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.newLine();
      for (Row row : rows()) {
        out.write(line(row));
        out.newLine();
      }
    }
  }

  public static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + " is not a ground-truth file: the first line must be " + HEADER);
    }
    return lines.subList(1, lines.size()).stream().map(GroundTruth::parse).toList();
  }

  static String line(Row row) {
    return row.relationshipId() + "," + row.profile().label() + "," + orEmpty(row.quietFrom()) + ","
        + orEmpty(row.lastEventAt());
  }

  private static Row parse(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 4) {
      throw new IllegalArgumentException("expected 4 fields in a ground-truth line, not " + fields.length + ": " + line);
    }
    return new Row(fields[0], Profile.ofLabel(fields[1]),
        fields[2].isEmpty() ? null : LocalDate.parse(fields[2]),
        fields[3].isEmpty() ? null : Instant.parse(fields[3]));
  }

  private Row row(String relationshipId, Tracked tracked) {
    return new Row(relationshipId, tracked.profile, tracked.profile == Profile.QUIET ? quietFrom : null,
        tracked.lastEventAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(tracked.lastEventAt));
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  private static final class Tracked {
    final Profile profile;
    long lastEventAt = Long.MIN_VALUE;

    Tracked(Profile profile) {
      this.profile = profile;
    }
  }
}
