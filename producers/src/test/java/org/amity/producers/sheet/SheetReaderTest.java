package org.amity.producers.sheet;

import static org.amity.producers.sheet.SheetFixtures.cells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV and XLSX files as text, and refusing what is neither. */
class SheetReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsUtf8CsvWithAndWithoutByteOrderMarkAlike() throws IOException {
    String text = "类型,日期,伙伴\r\n代表团,2024-07-10,shanghai/nl-rotterdam\r\n";
    Path plain = Files.writeString(dir.resolve("plain.csv"), text, StandardCharsets.UTF_8);
    Path bom = Files.writeString(dir.resolve("bom.csv"), "\uFEFF" + text, StandardCharsets.UTF_8);
    Sheet withoutMark = SheetReader.read(plain);
    Sheet withMark = SheetReader.read(bom);
    assertThat(withMark.headers()).containsExactly("类型", "日期", "伙伴").isEqualTo(withoutMark.headers());
    assertThat(withMark.rows()).isEqualTo(withoutMark.rows());
    assertThat(withMark.rows().get(0).cells()).containsExactly("代表团", "2024-07-10", "shanghai/nl-rotterdam");
    assertThat(withMark.fileName()).isEqualTo("bom.csv");
  }

  @Test
  void numbersRowsAsTheSpreadsheetShowsThemSkippingEmptyOnes() {
    Path file = SheetFixtures.csv(dir, "gaps.csv",
        "type,date,summary",
        "delegation,2024-07-10,\"two\nlines\"",
        "",
        ",,",
        "forum,2023-12-01,x");
    Sheet sheet = SheetReader.read(file);
    assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(2, 5);
    assertThat(sheet.rows().get(0).cell(2)).isEqualTo("two\nlines");
  }

  @Test
  void refusesCsvThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "类型,日期\r\n代表团,2024-07-10\r\n".getBytes(Charset.forName("GBK")));
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class)
        .hasMessageContaining("gbk.csv").hasMessageContaining("not UTF-8").hasMessageContaining("CSV UTF-8");
  }

  @Test
  void refusesFilesThatAreNotCsvOrXlsx() throws IOException {
    Path text = Files.writeString(dir.resolve("visits.txt"), "type,date\n");
    Path xls = Files.writeString(dir.resolve("visits.xls"), "whatever");
    assertThatThrownBy(() -> SheetReader.read(text)).isInstanceOf(SheetException.class).hasMessageContaining("not a CSV or XLSX file");
    assertThatThrownBy(() -> SheetReader.read(xls)).isInstanceOf(SheetException.class).hasMessageContaining("save it as .xlsx");
  }

  @Test
  void refusesAMissingFile() {
    assertThatThrownBy(() -> SheetReader.read(dir.resolve("nowhere.csv"))).isInstanceOf(SheetException.class)
        .hasMessageContaining("nowhere.csv").hasMessageContaining("no such file");
  }

  @Test
  void refusesAnXlsxThatIsNotAWorkbook() throws IOException {
    Path file = Files.writeString(dir.resolve("fake.xlsx"), "type,date\ndelegation,2024-07-10\n");
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class)
        .hasMessageContaining("fake.xlsx").hasMessageContaining("cannot be read as an XLSX workbook");
  }

  @Test
  void refusesAWorkbookSavedAsCsv() {
    Path xlsx = SheetFixtures.xlsx(dir, "real.xlsx", List.of(cells("type"), cells("delegation")));
    Path misnamed = xlsx.resolveSibling("real.csv");
    try {
      Files.copy(xlsx, misnamed);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> SheetReader.read(misnamed)).isInstanceOf(SheetException.class).hasMessageContaining("name it .xlsx");
  }

  @Test
  void refusesAnEmptyFirstRow() {
    Path file = SheetFixtures.csv(dir, "empty-header.csv", ",,", "delegation,2024-07-10,x");
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class).hasMessageContaining("row 1 is empty");
  }

  @Test
  void readsXlsxDateCellsNumbersAndTextDates() {
    Path file = SheetFixtures.xlsx(dir, "log.xlsx", List.of(
        cells("类型", "日期", "人数", "摘要"),
        cells("代表团", LocalDate.of(2024, 7, 10), 12, "date cell"),
        cells(),
        cells("代表团", "2024/7/11", 3.5, "text date")));
    Sheet sheet = SheetReader.read(file);
    assertThat(sheet.headers()).containsExactly("类型", "日期", "人数", "摘要");
    assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(2, 4);
    assertThat(sheet.rows().get(0).cells()).containsExactly("代表团", "2024-07-10", "12", "date cell");
    assertThat(sheet.rows().get(1).cells()).containsExactly("代表团", "2024/7/11", "3.5", "text date");
  }
}
