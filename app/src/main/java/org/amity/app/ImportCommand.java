package org.amity.app;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.amity.labels.Labels;
import org.amity.producers.partners.OfficeDirectory;
import org.amity.producers.partners.RelationshipDirectory;
import org.amity.producers.publish.AmityPublisher;
import org.amity.producers.sheet.ColumnLayout;
import org.amity.producers.sheet.ImportOptions;
import org.amity.producers.sheet.ImportReport;
import org.amity.producers.sheet.Sheet;
import org.amity.producers.sheet.SheetException;
import org.amity.producers.sheet.SheetReader;
import org.amity.producers.sheet.SpreadsheetImport;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code amity import FILE}: an exchange log (CSV or XLSX, one row per event) imported as events. */
@Command(
    name = "import",
    header = "把交流记录表（CSV 或 XLSX）导入为事件 / Imports an exchange log (CSV or XLSX) as events",
    mixinStandardHelpOptions = true,
    description = {
        "Imports an exchange log as events: a CSV file (UTF-8, GBK/GB18030 or UTF-16) or the first sheet of an XLSX workbook, one row per event, "
            + "with a type/类型 column naming the event type. Headers may be English or Chinese (see templates/README.md).",
        "All-or-nothing by default: one bad row and nothing is written. Rows imported before are not written again: "
            + "a row's eventId is its event_id, or derived from its content."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:imported, or checked with --dry-run", "1:bad rows: nothing written (all-or-nothing mode)",
        "2:the file cannot be imported (not CSV/XLSX, unreadable, no header) or Kafka cannot be reached"})
final class ImportCommand implements Callable<Integer> {
  private static final Duration DIRECTORY_TIMEOUT = Duration.ofSeconds(30);

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "FILE", description = "The exchange log: a .csv or .xlsx file.")
  Path file;

  @Option(names = "--office", paramLabel = "OFFICE",
      description = "The office the events belong to, by id (jinan) or registered name (济南市人民政府外事办公室). "
          + "Completes partner ids (us-sacramento) and names (萨克拉门托); "
          + "rows naming another office are refused. Default: each row's office column or the office part of its partner.")
  String office;

  @Option(names = "--dry-run", description = "Check every row and report; write nothing.")
  boolean dryRun;

  @Option(names = "--skip-bad-rows", description = "Write the good rows; put the bad ones in the rejects file.")
  boolean skipBadRows;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Where --skip-bad-rows puts the bad rows (the original columns, then row and reason). Default: FILE.rejects.csv.")
  Path rejects;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "A CSV file's encoding (UTF-8, GB18030, GBK, UTF-16, ...). Default: detected from the bytes "
          + "(a byte-order mark, else UTF-8 when valid, else GB18030, which contains GBK).")
  Charset encoding;

  @Override
  public Integer call() throws Exception {
    if (rejects != null && !skipBadRows) {
      throw new ParameterException(spec.commandLine(), "--rejects needs --skip-bad-rows (without it, bad rows stop the import)");
    }
    Map<String, Object> config = connection.clientConfig();
    try {
      checkFile();
      ImportOptions options = new ImportOptions(officeId(config), dryRun, skipBadRows, rejects, encoding);
      ImportReport report;
      if (dryRun) {
        try (OfficeDirectory offices = OfficeDirectory.start(config, DIRECTORY_TIMEOUT);
             RelationshipDirectory relationships = RelationshipDirectory.start(config, DIRECTORY_TIMEOUT)) {
          report = SpreadsheetImport.checkingOnly(offices, relationships, Clock.systemUTC()).run(file, options);
        }
      } else {
        try (AmityPublisher publisher = AmityPublisher.start(config)) {
          report = SpreadsheetImport.publishingTo(publisher, Clock.systemUTC()).run(file, options);
        }
      }
      spec.commandLine().getOut().print(report.format());
      spec.commandLine().getOut().flush();
      return report.success() ? 0 : 1;
    } catch (SheetException e) {
      spec.commandLine().getErr().println("amity import: " + e.getMessage());
      return 2;
    } catch (TimeoutException | KafkaException e) {
      String kafka = connection.bootstrapServers;
      spec.commandLine().getErr().println("amity import: 无法使用 " + kafka + " 上的 Kafka：" + e.getMessage() + "（未写入任何内容） / "
          + "cannot use Kafka at " + kafka + ": " + e.getMessage() + " (nothing was written)");
      return 2;
    }
  }

  /** The office --office names, by its id or by its name ("济南市外办"); one no office has is a mistake on the command line. */
  private String officeId(Map<String, Object> config) throws TimeoutException {
    if (office == null) {
      return null;
    }
    try (OfficeDirectory offices = OfficeDirectory.start(config, DIRECTORY_TIMEOUT)) {
      String id = offices.idOf(office).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "--office " + Labels.both("office.unknown", office)));
      if (!id.equals(office)) {
        spec.commandLine().getOut().println("--office " + office + "：外办 " + id + " / the office " + id);
      }
      return id;
    }
  }

  /** A file that cannot be imported at all fails before connecting to Kafka. */
  private void checkFile() {
    Sheet sheet = SheetReader.read(file, encoding);
    try {
      ColumnLayout.of(sheet.headers());
    } catch (SheetException e) {
      throw new SheetException(file + ": " + e.getMessage(), e);
    }
  }
}
