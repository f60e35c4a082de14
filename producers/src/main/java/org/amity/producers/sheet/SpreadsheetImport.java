package org.amity.producers.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.events.Envelope;
import org.amity.labels.Labels;
import org.amity.producers.events.AvroJson;
import org.amity.producers.events.EventFingerprint;
import org.amity.producers.events.EventJson;
import org.amity.producers.partners.OfficeDirectory;
import org.amity.producers.partners.RelationshipDirectory;
import org.amity.producers.publish.AmityPublisher;
import org.amity.producers.publish.EventIdConflictException;
import org.amity.producers.publish.Published;
import org.amity.text.FormulaSafe;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.common.KafkaException;

/**
 * Imports an exchange log (CSV or XLSX, one row per event) as events: reads the sheet, maps each row
 * ({@link RowMapper}), reads it as an event ({@link EventJson}) and checks it ({@link EventValidator}: the
 * relationship must exist and belong to the office), then writes the good rows in one transaction with
 * {@link AmityPublisher#publishAll}, which de-duplicates by eventId: importing the same file again writes nothing.
 *
 * <p>All-or-nothing by default: one bad row and nothing is written. With {@code skipBadRows} the good rows are
 * written and the bad ones go to the rejects file (the original columns, then {@code row} and {@code reason}).
 * A dry run checks and reports only.
 */
public final class SpreadsheetImport {
  private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern BATCH_INDEX = Pattern.compile("^\\[(\\d+)\\]");

  private final AmityPublisher publisher;
  private final EventValidator validator;
  private final NameLookup names;
  private final Clock clock;

  private SpreadsheetImport(AmityPublisher publisher, Predicate<String> relationshipExists, NameLookup names, Clock clock) {
    this.publisher = publisher;
    this.validator = new EventValidator(relationshipExists, clock);
    this.names = names;
    this.clock = clock;
  }

  /** An import that writes through the publisher; offices and partners are found in its directories, by id or by name. */
  public static SpreadsheetImport publishingTo(AmityPublisher publisher, Clock clock) {
    RelationshipDirectory relationships = publisher.relationships();
    return new SpreadsheetImport(publisher, relationships::exists, NameLookup.of(publisher.offices(), relationships), clock);
  }

  /** An import for dry runs only: offices and partners are found in the directories, by id or by name; writes nothing. */
  public static SpreadsheetImport checkingOnly(OfficeDirectory offices, RelationshipDirectory relationships, Clock clock) {
    return new SpreadsheetImport(null, relationships::exists, NameLookup.of(offices, relationships), clock);
  }

  /** An import for dry runs only: checks relationship ids with the predicate, writes nothing. */
  public static SpreadsheetImport checkingOnly(Predicate<String> relationshipExists, Clock clock) {
    return new SpreadsheetImport(null, relationshipExists, NameLookup.IDS_ONLY, clock);
  }

  /** A valid row and its event. */
  private record Good(Sheet.Row row, MappedRow mapped, SpecificRecord event, String eventId, String fingerprint) {}

  /** A bad row with its cells, for the rejects file. */
  record Bad(Sheet.Row row, List<Problem> reasons) {}

  /**
   * Imports the file. A file that cannot be imported at all (not CSV/XLSX, unreadable, no recognisable header)
   * raises a {@link SheetException}; a failure to write to Kafka raises a {@link KafkaException} (nothing of the
   * file was written then). Bad rows are reported, not thrown.
   */
  public ImportReport run(Path file, ImportOptions options) {
    if (!options.dryRun() && publisher == null) {
      throw new IllegalStateException("this import only checks (checkingOnly); use publishingTo to write");
    }
    if (options.skipBadRows() && !options.dryRun()) {
      requireWritableRejects(options.rejectsFileFor(file), file);
    }
    Sheet sheet = SheetReader.read(file, options.encoding());
    ColumnLayout layout;
    try {
      layout = ColumnLayout.of(sheet.headers());
    } catch (SheetException e) {
      throw new SheetException(file + ": " + e.getMessage(), e);
    }
    Instant now = clock.instant();
    RowMapper mapper = new RowMapper(layout, options.office(), sheet.fileName(), names);
    List<String> warnings = new ArrayList<>();
    if (!layout.ignored().isEmpty()) {
      warnings.add(Labels.both("import.ignoredColumns", String.join(", ", layout.ignored())));
    }
    Map<Integer, List<Integer>> orphans = new TreeMap<>();

    int rowsRead = 0;
    int repeats = 0;
    List<Good> good = new ArrayList<>();
    List<Bad> bad = new ArrayList<>();
    Map<String, Good> byId = new HashMap<>();
    for (Sheet.Row row : sheet.rows()) {
      if (layout.isEmpty(row)) {
        continue;
      }
      rowsRead++;
      layout.cellsWithoutHeader(row).forEach(c -> orphans.computeIfAbsent(c, k -> new ArrayList<>()).add(row.number()));
      MappedRow mapped = mapper.map(row);
      Checked checked = check(mapped, now);
      SpecificRecord event = checked.event();
      List<Problem> problems = checked.problems();
      if (!problems.isEmpty()) {
        bad.add(new Bad(row, problems));
        continue;
      }
      if (mapped.rowKey() != null && publisher != null) {
        event = nextVersion(event, mapped.rowKey());
      }
      String eventId = EventTypes.envelopeOf(event).getEventId();
      Good candidate = new Good(row, mapped, event, eventId, EventFingerprint.of(event));
      Good earlier = byId.putIfAbsent(candidate.eventId(), candidate);
      if (earlier == null) {
        good.add(candidate);
      } else if (earlier.fingerprint().equals(candidate.fingerprint())) {
        repeats++;
        warnings.add(Labels.both("import.sameRow", String.valueOf(row.number()),
            String.valueOf(earlier.row().number())));
      } else {
        bad.add(new Bad(row, List.of(new Problem(layout.label(Column.EVENT_ID), Labels.both("import.sameEventId",
            candidate.eventId(), String.valueOf(earlier.row().number()))))));
      }
    }
    orphans.forEach((column, rows) -> warnings.add(Labels.both("import.orphanCells",
        ColumnLayout.letter(column), rows.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))));

    List<Good> toWrite = new ArrayList<>(good);
    List<Published> published = List.of();
    while (!options.dryRun() && (bad.isEmpty() || options.skipBadRows()) && !toWrite.isEmpty()) {
      try {
        published = write(toWrite);
        break;
      } catch (ExecutionException e) {
        List<Good> refused = refused(toWrite, e.getCause(), bad);
        toWrite.removeAll(refused);
        good.removeAll(refused);
        if (!options.skipBadRows()) {
          if (e.getCause() instanceof EventIdConflictException) {
            warnings.add(Labels.both("import.stoppedAtConflict"));
          }
          break;
        }
      }
    }
    int written = (int) published.stream().filter(p -> !p.duplicate()).count();
    int duplicates = repeats + (published.size() - written);
    int valid = good.size() + repeats;
    bad.sort(Comparator.comparingInt(b -> b.row().number()));
    Path rejects = null;
    if (!options.dryRun() && options.skipBadRows() && !bad.isEmpty()) {
      rejects = options.rejectsFileFor(file);
      writeRejects(rejects, sheet.headers(), bad);
    }
    List<ImportReport.BadRow> badRows = bad.stream().map(b -> new ImportReport.BadRow(b.row().number(), b.reasons())).toList();
    return new ImportReport(sheet.fileName(), options.dryRun(), options.skipBadRows(), rowsRead, valid, written, duplicates,
        badRows, warnings, rejects);
  }

  /**
   * The event of a row with a row id, as the version it is: the row's last version when it says the same (nothing new
   * is written), else the next version, correcting the last. Versions are STEM:1, STEM:2, ...
   */
  private SpecificRecord nextVersion(SpecificRecord event, String stem) {
    int last = 0;
    while (publisher.hasWritten(stem + ":" + (last + 1))) {
      last++;
    }
    if (last == 0) {
      return event;
    }
    SpecificRecord same = versioned(event, stem, last);
    if (publisher.writtenFingerprint(stem + ":" + last).equals(Optional.of(EventFingerprint.of(same)))) {
      return same;
    }
    return versioned(event, stem, last + 1);
  }

  private static SpecificRecord versioned(SpecificRecord event, String stem, int version) {
    SpecificRecord copy = SpecificData.get().deepCopy(event.getSchema(), event);
    Envelope envelope = EventTypes.envelopeOf(copy);
    envelope.setEventId(stem + ":" + version);
    envelope.setCorrects(version > 1 ? stem + ":" + (version - 1) : null);
    return copy;
  }

  /** A row's event (null when it could not be read) and every problem of the row, by column. */
  record Checked(SpecificRecord event, List<Problem> problems) {}

  /**
   * Reads the row's event and validates it. When a required field is missing, the event cannot be read; the
   * validator then checks it with stand-ins for the missing fields, so that the row's other problems (a negative
   * count, an unknown relationship) are reported in the same run; what it says about the stand-ins is dropped.
   */
  Checked check(MappedRow mapped, Instant now) {
    if (mapped.json() == null) {
      return new Checked(null, mapped.problems());
    }
    try {
      SpecificRecord event = EventJson.read(mapped.json(), "", now);
      return new Checked(mapped.problems().isEmpty() ? event : null, mapped.explain(validator.problems(event, "")));
    } catch (InvalidInputException e) {
      List<Problem> problems = new ArrayList<>(e.problems());
      ObjectNode patched = mapped.json().deepCopy();
      Set<String> standIns = new HashSet<>();
      Schema schema = EventTypes.schema(mapped.type());
      for (Problem problem : e.problems()) {
        Schema.Field field = schema.getField(problem.path());
        if (field == null) {
          field = schema.getField("envelope").schema().getField(problem.path());
        }
        JsonNode standIn = field == null ? null : standIn(field.schema());
        if (standIn != null && problem.reason().equals(AvroJson.REQUIRED)) {
          patched.set(field.name(), standIn);
          standIns.add(field.name());
        }
      }
      try {
        for (Problem problem : validator.problems(EventJson.read(patched, "", now), "")) {
          if (standIns.stream().noneMatch(f -> problem.path().startsWith(f) || problem.reason().contains(f))) {
            problems.add(problem);
          }
        }
      } catch (InvalidInputException stillUnreadable) {
        // the problems found first are reported
      }
      return new Checked(null, mapped.explain(problems));
    }
  }

  /** A value of the schema that reads and passes the checks, or null. */
  private static JsonNode standIn(Schema schema) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (schema.getType()) {
      case STRING -> nodes.textNode("stand-in");
      case ENUM -> nodes.textNode(schema.getEnumSymbols().get(0));
      case INT, LONG -> schema.getLogicalType() != null ? nodes.textNode("2000-01-01") : nodes.numberNode(1);
      case ARRAY -> nodes.arrayNode();
      default -> null;
    };
  }

  /** Writes the events of the rows in one transaction; fails (writing nothing) when the publisher refuses one. */
  private List<Published> write(List<Good> rows) throws ExecutionException {
    try {
      return publisher.publishAll(rows.stream().map(Good::event).toList()).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing the events", e);
    } catch (TimeoutException e) {
      throw new KafkaException("writing the events took longer than " + WRITE_TIMEOUT.toSeconds() + " s; is Kafka reachable?", e);
    }
  }

  /** The rows the publisher refused, each added to the bad rows with why; rethrows other failures. */
  private static List<Good> refused(List<Good> batch, Throwable cause, List<Bad> bad) {
    List<Good> refused = new ArrayList<>();
    if (cause instanceof EventIdConflictException conflict) {
      for (Good row : batch) {
        if (row.eventId().equals(conflict.eventId())) {
          refused.add(row);
          bad.add(new Bad(row.row(), List.of(Problem.of(row.mapped().layout().label(Column.EVENT_ID), "\"" + conflict.eventId()
              + "\" 以前导入过，内容不同（也许来自另一个文件名的文件：来源记着文件名）；要更改那条事件，请给这一行新的 event_id，"
              + "并把旧的写在 corrects 中", "\"" + conflict.eventId()
              + "\" was imported before with other content (perhaps from a file of another name: the source names the file); "
              + "to change that event, give this row a new event_id and put the old one in corrects"))));
        }
      }
    } else if (cause instanceof InvalidInputException invalid) {
      Map<Integer, List<Problem>> byRow = new TreeMap<>();
      for (Problem problem : invalid.problems()) {
        Matcher index = BATCH_INDEX.matcher(problem.path());
        int i = index.find() ? Integer.parseInt(index.group(1)) : 0;
        byRow.computeIfAbsent(i, k -> new ArrayList<>()).add(problem);
      }
      byRow.forEach((i, problems) -> {
        if (i < batch.size()) {
          refused.add(batch.get(i));
          bad.add(new Bad(batch.get(i).row(), batch.get(i).mapped().explain(problems)));
        }
      });
    }
    if (refused.isEmpty()) {
      throw cause instanceof KafkaException k ? k : new KafkaException("writing the events failed: " + cause, cause);
    }
    return refused;
  }

  /** Before anything is written: the rejects file can be made, and is not the file imported under another name. */
  private static void requireWritableRejects(Path rejects, Path input) {
    try {
      if (rejects.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())
          || Files.exists(rejects) && Files.isSameFile(rejects, input)) {
        throw new SheetException(input + "：错误行文件不能是导入的文件本身 / the rejects file must not be the file imported");
      }
    } catch (IOException e) {
      throw new SheetException("无法检查错误行文件 / cannot check the rejects file " + rejects + ": " + e.getMessage(), e);
    }
    Path folder = rejects.toAbsolutePath().getParent();
    if (Files.isDirectory(rejects) || folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)
        || Files.exists(rejects) && !Files.isWritable(rejects)) {
      String zh = Files.isDirectory(rejects) ? "它是文件夹" : folder == null || !Files.isDirectory(folder)
          ? "文件夹 " + folder + " 不存在" : "无写入权限";
      String en = Files.isDirectory(rejects) ? "it is a directory" : folder == null || !Files.isDirectory(folder)
          ? "no such directory " + folder : "not writable";
      throw new SheetException("无法写入错误行文件 " + rejects + "：" + zh + "；未写入任何内容 / cannot write the rejects file "
          + rejects + ": " + en + "; nothing was written");
    }
  }

  /**
   * The bad rows as CSV (UTF-8 with a byte-order mark, for Excel): the original columns, then row and reason; a cell
   * Excel would run as a formula is kept as text.
   */
  static void writeRejects(Path file, List<String> headers, List<Bad> bad) {
    List<Integer> kept = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.get(i).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("row") && !name.equals("reason")) {
        kept.add(i);
        header.add(headers.get(i));
      }
    }
    header.add("row");
    header.add("reason");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
         CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      out.write('\uFEFF');
      csv.printRecord(header);
      for (Bad row : bad) {
        List<String> cells = new ArrayList<>();
        kept.forEach(i -> cells.add(FormulaSafe.cell(row.row().cell(i))));
        cells.add(Integer.toString(row.row().number()));
        cells.add(row.reasons().stream().map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new SheetException("无法写入错误行文件 / cannot write the rejects file " + file + ": " + e.getMessage(), e);
    }
  }
}
