package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped templates (templates/ at the repository root) parse, say the same events, and are what
 * {@link Templates} writes. To write them anew: {@code -Damity.templates.write=true}.
 */
class TemplatesTest {
  private static final SpreadsheetImport CHECK = SpreadsheetImport.checkingOnly(SheetFixtures.RELATIONSHIPS::contains, SheetFixtures.CLOCK);

  @TempDir
  Path dir;

  @BeforeAll
  static void writeWhenAsked() throws IOException {
    if (Boolean.getBoolean("amity.templates.write")) {
      Templates.main(new String[] {SheetFixtures.templates().toString()});
    }
  }

  private static List<String> eventIds(Path file) {
    Sheet sheet = SheetReader.read(file);
    RowMapper mapper = new RowMapper(ColumnLayout.of(sheet.headers()), null, sheet.fileName());
    return sheet.rows().stream().map(mapper::map).map(MappedRow::eventId).toList();
  }

  @Test
  void theCsvTemplateParsesAndEveryRowIsValid() {
    Path csv = SheetFixtures.templates().resolve(Templates.CSV_NAME);
    ImportReport report = CHECK.run(csv, ImportOptions.defaults().withDryRun(true));
    assertThat(report.badRows()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.rowsRead()).isEqualTo(4);
    assertThat(report.valid()).isEqualTo(4);
    assertThat(SheetReader.read(csv).headers()).containsExactlyElementsOf(Arrays.stream(Column.values()).map(Column::english).toList());
  }

  @Test
  void theXlsxTemplateParsesAndEveryRowIsValid() {
    Path xlsx = SheetFixtures.templates().resolve(Templates.XLSX_NAME);
    ImportReport report = CHECK.run(xlsx, ImportOptions.defaults().withDryRun(true));
    assertThat(report.badRows()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.rowsRead()).isEqualTo(4);
    assertThat(report.valid()).isEqualTo(4);
    assertThat(SheetReader.read(xlsx).headers()).containsExactlyElementsOf(Arrays.stream(Column.values()).map(Column::chinese).toList());
  }

  @Test
  void bothTemplatesSayTheSameEventsInTheirOwnLanguage() {
    Path templates = SheetFixtures.templates();
    List<String> fromCsv = eventIds(templates.resolve(Templates.CSV_NAME));
    assertThat(fromCsv).hasSize(4).doesNotHaveDuplicates();
    assertThat(eventIds(templates.resolve(Templates.XLSX_NAME))).isEqualTo(fromCsv);
  }

  @Test
  void theShippedTemplatesAreWhatTheGeneratorWrites() throws IOException {
    Path templates = SheetFixtures.templates();
    Templates.writeCsv(dir.resolve(Templates.CSV_NAME));
    Templates.writeXlsx(dir.resolve(Templates.XLSX_NAME));
    assertThat(Files.readAllBytes(templates.resolve(Templates.CSV_NAME)))
        .as("templates/%s is out of date; run with -Damity.templates.write=true", Templates.CSV_NAME)
        .isEqualTo(Files.readAllBytes(dir.resolve(Templates.CSV_NAME)));
    Sheet shipped = SheetReader.read(templates.resolve(Templates.XLSX_NAME));
    Sheet generated = SheetReader.read(dir.resolve(Templates.XLSX_NAME));
    assertThat(shipped.headers()).isEqualTo(generated.headers());
    assertThat(shipped.rows()).as("templates/%s is out of date; run with -Damity.templates.write=true", Templates.XLSX_NAME)
        .isEqualTo(generated.rows());
  }
}
