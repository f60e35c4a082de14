package org.amity.producers.sheet;

import static org.amity.producers.sheet.SheetFixtures.cells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  void readsTheSameRowsFromEveryEncodingOfficesSaveCsvIn() throws IOException {
    String text = "类型,日期,伙伴,摘要\r\n代表团,2024-07-10,萨克拉门托,市长率团来访 — Rotterdam、枚方市\r\n";
    Sheet utf8 = SheetReader.read(Files.writeString(dir.resolve("utf8.csv"), text, StandardCharsets.UTF_8));
    List<Path> others = List.of(
        write("bom.csv", "\uFEFF" + text, StandardCharsets.UTF_8),
        write("gbk.csv", text, Charset.forName("GBK")),
        write("gb18030.csv", text, CsvEncoding.GB18030),
        write("utf16le-bom.csv", "\uFEFF" + text, StandardCharsets.UTF_16LE),
        write("utf16be-bom.csv", "\uFEFF" + text, StandardCharsets.UTF_16BE),
        write("utf16le.csv", text, StandardCharsets.UTF_16LE));
    for (Path file : others) {
      Sheet sheet = SheetReader.read(file);
      assertThat(sheet.headers()).as(file.toString()).isEqualTo(utf8.headers());
      assertThat(sheet.rows().get(0).cells()).as(file.toString())
          .containsExactly("代表团", "2024-07-10", "萨克拉门托", "市长率团来访 — Rotterdam、枚方市");
    }
  }

  @Test
  void readsUtf16WithoutAMarkEvenWhenItIsAlmostAllChinese() throws IOException {
    String text = "类型,伙伴\r\n代表团,萨克拉门托市长率团来访鹿特丹枚方市友好交流活动圆满成功\r\n";
    for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      Sheet sheet = SheetReader.read(write("chinese-" + utf16.name() + ".csv", text, utf16));
      assertThat(sheet.rows().get(0).cells()).as(utf16.name())
          .containsExactly("代表团", "萨克拉门托市长率团来访鹿特丹枚方市友好交流活动圆满成功");
    }
  }

  @Test
  void readsTheEncodingNamedWhenItFits() throws IOException {
    Path file = write("gbk.csv", "类型,日期\r\n代表团,2024-07-10\r\n", Charset.forName("GBK"));
    assertThat(SheetReader.read(file, Charset.forName("GBK")).rows().get(0).cells()).containsExactly("代表团", "2024-07-10");
    Path utf16 = write("utf16.csv", "\uFEFF类型,日期\r\n代表团,2024-07-10\r\n", StandardCharsets.UTF_16LE);
    assertThat(SheetReader.read(utf16, StandardCharsets.UTF_16).headers()).containsExactly("类型", "日期");
  }

  @Test
  void refusesAGbkFileReadAsUtf8NamingTheLikelyEncodingAndTheLine() throws IOException {
    Path file = write("gbk.csv", "type,date\r\n代表团,2024-07-10\r\n", Charset.forName("GBK"));
    assertThatThrownBy(() -> SheetReader.read(file, StandardCharsets.UTF_8)).isInstanceOf(SheetException.class)
        .hasMessageContaining("gbk.csv").hasMessageContaining("第 2 行").hasMessageContaining("line 2")
        .hasMessageContaining("不是有效的 UTF-8").hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("--encoding GB18030");
  }

  @Test
  void refusesBytesValidInNoEncodingItKnowsRatherThanStoringThemGarbled() throws IOException {
    Path file = dir.resolve("broken.csv");
    Files.write(file, new byte[] {'t', 'y', 'p', 'e', '\n', (byte) 0xC4, (byte) 0xE3, (byte) 0xFF, ',', 'x', '\n'});
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class)
        .hasMessageContaining("broken.csv").hasMessageContaining("第 2 行").hasMessageContaining("GB18030")
        .hasMessageContaining("CSV UTF-8").hasMessageContaining("--encoding");
  }

  @Test
  void namesTheLineAndByteOfABadByteFarIntoALargeFile() throws IOException {
    String good = "type,date,title\n" + "delegation,2024-07-10,鹿特丹市代表团来访\n".repeat(20_000);
    byte[] head = good.getBytes(StandardCharsets.UTF_8);
    byte[] bad = "delegation,2024-07-10,代表团\n".getBytes(Charset.forName("GBK"));
    Path file = dir.resolve("long.csv");
    Files.write(file, head);
    Files.write(file, bad, StandardOpenOption.APPEND);
    long badByte = head.length + "delegation,2024-07-10,".length() + 1;
    assertThatThrownBy(() -> SheetReader.read(file, StandardCharsets.UTF_8)).isInstanceOf(SheetException.class)
        .hasMessageContaining("第 20002 行（第 " + badByte + " 个字节）").hasMessageContaining("line 20002 (byte " + badByte + ")");
  }

  @Test
  void refusesMoreDataRowsThanTheLimitNamingTheFirstRowBeyondIt() throws IOException {
    Path file = Files.writeString(dir.resolve("many.csv"), "type\n" + "delegation\n".repeat(SheetReader.MAX_DATA_ROWS + 1));
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class)
        .hasMessageContaining("数据超过 100000 行（第 100002 行），请拆分")
        .hasMessageContaining("more than 100000 data rows (row 100002); split it");
    Path limit = Files.writeString(dir.resolve("limit.csv"), "type\n" + "delegation\n".repeat(SheetReader.MAX_DATA_ROWS));
    assertThat(SheetReader.read(limit).rows()).hasSize(SheetReader.MAX_DATA_ROWS);
  }

  @Test
  void refusesACsvFileBeyondTheSizeLimitWithoutReadingIt() throws IOException {
    Path file = dir.resolve("huge.csv");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(300L * 1024 * 1024);
    }
    assertThatThrownBy(() -> SheetReader.read(file)).isInstanceOf(SheetException.class)
        .hasMessageContaining("文件有 300 MB，CSV 导入最多 100 MB，请拆分")
        .hasMessageContaining("the file is 300 MB, more than the 100 MB a CSV import takes");
  }

  private Path write(String name, String text, Charset encoding) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, text.getBytes(encoding));
    return file;
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
        .hasMessageContaining("nowhere.csv：文件不存在 / no such file");
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
