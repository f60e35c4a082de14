package org.amity.app;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.partners.RelationshipDirectory;
import org.amity.producers.sheet.ImportOptions;
import org.amity.producers.sheet.MasterDataImport;
import org.amity.producers.sheet.MasterDataReport;
import org.amity.producers.sheet.SheetException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code amity offices import} and {@code amity partners import} share: the file, the options, the exit codes. */
abstract class MasterDataImportCommand {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .csv (any encoding offices save in) or .xlsx file.")
  Path file;

  @Option(names = "--dry-run", description = "Check every row and report; write nothing.")
  boolean dryRun;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "A CSV file's encoding (UTF-8, GB18030, GBK, UTF-16); default: detected from the bytes.")
  Charset encoding;

  /** Runs the import; 0 imported (or checked), 1 bad rows (nothing written), 2 file or Kafka unusable. */
  int run(String office, BiFunction<MasterDataImport, ImportOptions, MasterDataReport> kind) {
    ImportOptions options = new ImportOptions(office, dryRun, false, null, encoding);
    Map<String, Object> config = connection.clientConfig();
    try (RelationshipDirectory relationships = RelationshipDirectory.start(config, START_TIMEOUT);
         PartnerRegistry registry = new PartnerRegistry(config, relationships, Clock.systemUTC())) {
      MasterDataReport report = kind.apply(new MasterDataImport(registry, Clock.systemUTC()), options);
      spec.commandLine().getOut().print(report.format());
      spec.commandLine().getOut().flush();
      return report.success() ? 0 : 1;
    } catch (SheetException e) {
      spec.commandLine().getErr().println("amity: " + e.getMessage());
      return 2;
    } catch (TimeoutException | KafkaException e) {
      spec.commandLine().getErr().println("amity: 无法连接 Kafka / cannot use Kafka at " + connection.bootstrapServers + ": "
          + e.getMessage() + "（未写入任何内容 / nothing was written）");
      return 2;
    } finally {
      spec.commandLine().getErr().flush();
    }
  }
}
