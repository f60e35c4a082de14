package org.amity.producers.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template files offices start from (templates/ at the repository root): every column, and four example
 * rows from the articles. The CSV has English headers and words; the XLSX Chinese headers and words, real date
 * and number cells. Both say the same events, so their rows get the same derived eventIds.
 * {@code java ... org.amity.producers.sheet.Templates DIR} writes them into DIR.
 */
public final class Templates {
  public static final String CSV_NAME = "exchanges-template.csv";
  public static final String XLSX_NAME = "exchanges-template.xlsx";

  private Templates() {}

  /** One example, in English words, with the Chinese words for the XLSX where they differ. */
  private record Example(Map<Column, String> english, Map<Column, String> chinese) {
    String value(Column column, boolean inChinese) {
      String zh = chinese.get(column);
      return inChinese && zh != null ? zh : english.getOrDefault(column, "");
    }
  }

  private static final List<Example> EXAMPLES = List.of(
      example(new Object[] {
          Column.TYPE, "delegation", "代表团", Column.DATE, "2024-07-10", null, Column.PARTNER, "shanghai/nl-rotterdam", null,
          Column.DIRECTION, "in", "来访", Column.LEVEL, "HEAD_OF_GOVERNMENT", "政府首脑",
          Column.LEADER, "Mayor Ahmed Aboutaleb", null,
          Column.DOMAINS, "URBAN_DEVELOPMENT; PORTS_AND_LOGISTICS", "城市发展; 港口",
          Column.SUMMARY, "Visited the urban planning museum and met pupils; port management and urban planning", null}),
      example(new Object[] {
          Column.TYPE, "agreement", "协议", Column.DATE, "2023-12-01", null, Column.OFFICE, "shanghai", null,
          Column.PARTNER, "ve-carabobo", null, Column.KIND, "LETTER_OF_INTENT", "意向书",
          Column.TITLE, "Letter of intent on friendly cooperation", null, Column.DOMAINS, "GOVERNANCE", "治理",
          Column.SUMMARY, "Signed at the 2023 Shanghai International Friendship City Cooperation Forum", null}),
      example(new Object[] {
          Column.TYPE, "forum", "论坛", Column.DATE, "2023-12-01", null, Column.OFFICE, "shanghai", null,
          Column.PARTNER, "us-los-angeles", null, Column.PARTNERS, "za-johannesburg; tr-istanbul; pl-pomorskie; ve-carabobo", null,
          Column.KIND, "FORUM", "论坛", Column.TITLE, "2023 Shanghai International Friendship City Cooperation Forum", null,
          Column.VENUE, "home", "本市", Column.HELD_IN, "Shanghai", null, Column.PARTNER_COUNT, "13", null,
          Column.DOMAINS, "GOVERNANCE; URBAN_DEVELOPMENT", "治理; 城市发展",
          Column.SUMMARY, "13 partner cities from 12 countries", null}),
      example(new Object[] {
          Column.TYPE, "video", "视频会议", Column.DATE, "2021-09-28", null, Column.OFFICE, "shanghai-changning", null,
          Column.PARTNER, "pf-papeete", null, Column.LEVEL, "DEPARTMENT", "部门", Column.TITLE, "Student exchange project", null,
          Column.DOMAINS, "EDUCATION_AND_YOUTH", "教育",
          Column.SUMMARY, "Video conference (cloud exchange) on the student exchange project", null}));

  private static Example example(Object[] triples) {
    Map<Column, String> english = new EnumMap<>(Column.class);
    Map<Column, String> chinese = new EnumMap<>(Column.class);
    for (int i = 0; i < triples.length; i += 3) {
      english.put((Column) triples[i], (String) triples[i + 1]);
      if (triples[i + 2] != null) {
        chinese.put((Column) triples[i], (String) triples[i + 2]);
      }
    }
    return new Example(english, chinese);
  }

  /** The header and example rows of the CSV template (English headers and words). */
  public static List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(Column.values()).stream().map(Column::english).toList());
    for (Example example : EXAMPLES) {
      rows.add(List.of(Column.values()).stream().map(c -> example.value(c, false)).toList());
    }
    return rows;
  }

  /** Writes the CSV template: UTF-8 with a byte-order mark (so that Excel reads the Chinese), CRLF line ends. */
  public static void writeCsv(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
         CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      out.write('\uFEFF');
      for (List<String> row : csvRows()) {
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the XLSX template: Chinese headers and words, dates as date cells, counts as number cells. */
  public static void writeXlsx(Path file) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      XSSFSheet sheet = workbook.createSheet("交流记录");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Column[] columns = Column.values();
      var header = sheet.createRow(0);
      for (int c = 0; c < columns.length; c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(columns[c].chinese());
        cell.setCellStyle(bold);
      }
      for (int r = 0; r < EXAMPLES.size(); r++) {
        var row = sheet.createRow(r + 1);
        for (int c = 0; c < columns.length; c++) {
          String value = EXAMPLES.get(r).value(columns[c], true);
          if (value.isEmpty()) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (columns[c] == Column.DATE || columns[c] == Column.END_DATE || columns[c] == Column.VALID_UNTIL) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
          } else if (value.matches("\\d+")) {
            cell.setCellValue(Long.parseLong(value));
          } else {
            cell.setCellValue(value);
          }
        }
      }
      for (int c = 0; c < columns.length; c++) {
        sheet.setColumnWidth(c, 256 * Math.max(10, Math.min(40, columns[c].chinese().length() * 2 + 4)));
      }
      sheet.setColumnWidth(Column.TITLE.ordinal(), 256 * 40);
      sheet.setColumnWidth(Column.SUMMARY.ordinal(), 256 * 50);
      sheet.createFreezePane(0, 1);
      workbook.getProperties().getCoreProperties().setCreator("Amity");
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes both templates into the folder given (default: templates). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "templates");
    Files.createDirectories(dir);
    writeCsv(dir.resolve(CSV_NAME));
    writeXlsx(dir.resolve(XLSX_NAME));
    System.out.println("wrote " + dir.resolve(CSV_NAME) + " and " + dir.resolve(XLSX_NAME));
  }
}
