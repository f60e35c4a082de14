package org.amity.producers.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (in the encoding named, or the one {@link CsvEncoding} detects: UTF-8 with or without a
 * byte-order mark, UTF-16, GB18030/GBK) or the first sheet of an XLSX workbook ({@link XlsxRows}) as text, both as a
 * stream, so that memory holds the rows and never the file twice over. Row 1 is the header. XLSX date cells read as
 * "2024-07-10", numbers as "12" or "1.5" (not "12.0"), formulas as their last computed value. A file beyond
 * {@value #MAX_DATA_ROWS} data rows, or a CSV file beyond {@value #MAX_CSV_MEGABYTES} MB, is refused: it is to be
 * split. Anything that cannot be read raises a {@link SheetException} saying why.
 */
public final class SheetReader {
  public static final int MAX_DATA_ROWS = 100_000;
  public static final int MAX_CSV_MEGABYTES = 100;
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private SheetReader() {}

  public static Sheet read(Path file) {
    return read(file, null);
  }

  /** @param encoding the CSV file's encoding, or null to detect it; XLSX needs none */
  public static Sheet read(Path file, Charset encoding) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (Files.isDirectory(file)) {
      throw new SheetException(file + "：是文件夹，不是文件 / a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw new SheetException(file + "：文件不存在 / no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new SheetException(file + "：不是普通文件，而是设备或管道；请导入 .csv 或 .xlsx 文件"
          + " / not a file but a device or a pipe; import a .csv or .xlsx file");
    }
    if (!Files.isReadable(file)) {
      throw new SheetException(file + "：无权读取 / cannot be read (permission denied)");
    }
    if (lower.endsWith(".csv")) {
      return csv(file, name, encoding);
    }
    if (lower.endsWith(".xlsx")) {
      return xlsx(file, name);
    }
    if (lower.endsWith(".xls") || lower.endsWith(".et") || lower.endsWith(".ods") || lower.endsWith(".numbers")) {
      throw new SheetException(file + "：不支持这种表格格式，请另存为 .xlsx（Excel 工作簿）或 .csv（CSV UTF-8）"
          + " / this spreadsheet format is not supported; save it as .xlsx (Excel workbook) or .csv (CSV UTF-8)");
    }
    throw new SheetException(file + "：不是 CSV 或 XLSX 文件（文件名须以 .csv 或 .xlsx 结尾）"
        + " / not a CSV or XLSX file (the name must end in .csv or .xlsx)");
  }

  private static Sheet csv(Path file, String name, Charset encoding) {
    Rows rows = new Rows(file);
    try {
      refuseWorkbookOrLargeFile(file);
      CsvEncoding.Detected detected = CsvEncoding.check(file, encoding);
      try (Reader text = CsvEncoding.reader(file, detected); CSVParser parser = CSV.parse(text)) {
        for (CSVRecord record : parser) {
          List<String> cells = new ArrayList<>(record.size());
          record.forEach(cells::add);
          rows.add((int) record.getRecordNumber(), cells);
        }
      }
    } catch (SheetException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SheetException(file + "：不是有效的 CSV / not valid CSV: " + message(e), e);
    }
    return rows.sheet(name);
  }

  private static void refuseWorkbookOrLargeFile(Path file) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(4);
    }
    if (start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
      throw new SheetException(file + "：这是 Excel 工作簿（XLSX），不是 CSV 文本，请将文件名改为 .xlsx"
          + " / this is an Excel workbook (XLSX), not CSV text; name it .xlsx");
    }
    long megabytes = Files.size(file) / (1024 * 1024);
    if (megabytes >= MAX_CSV_MEGABYTES) {
      throw new SheetException(file + "：文件有 " + megabytes + " MB，CSV 导入最多 " + MAX_CSV_MEGABYTES
          + " MB，请拆分为几个文件分别导入 / the file is " + megabytes + " MB, more than the " + MAX_CSV_MEGABYTES
          + " MB a CSV import takes; split it into several files");
    }
  }

  private static Sheet xlsx(Path file, String name) {
    Rows rows = new Rows(file);
    try {
      XlsxRows.read(file, rows::add);
    } catch (SheetException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SheetException(file + "：无法作为 XLSX 工作簿读取 / cannot be read as an XLSX workbook: " + message(e), e);
    }
    return rows.sheet(name);
  }

  /** The header and the data rows that are not blank, up to the limit. */
  private static final class Rows {
    private final Path file;
    private List<String> headers;
    private final List<Sheet.Row> rows = new ArrayList<>();

    Rows(Path file) {
      this.file = file;
    }

    void add(int number, List<String> cells) {
      if (headers == null) {
        headers = number == 1 ? cells : List.of();
      }
      if (number == 1 || allBlank(cells)) {
        return;
      }
      if (rows.size() == MAX_DATA_ROWS) {
        throw new SheetException(file + "：数据超过 " + MAX_DATA_ROWS + " 行（第 " + number + " 行），请拆分为几个文件分别导入"
            + " / more than " + MAX_DATA_ROWS + " data rows (row " + number + "); split it into several files");
      }
      rows.add(new Sheet.Row(number, cells));
    }

    Sheet sheet(String name) {
      return SheetReader.sheet(file, name, headers, rows);
    }
  }

  private static Sheet sheet(Path file, String name, List<String> headers, List<Sheet.Row> rows) {
    if (headers == null || allBlank(headers)) {
      throw new SheetException(file + "：第 1 行是空的；第 1 行须是列名（类型/type、日期/date……）"
          + " / row 1 is empty; the first row must be the header naming the columns (type/类型, date/日期, ...)");
    }
    List<String> trimmed = new ArrayList<>(headers.stream().map(String::strip).toList());
    while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
      trimmed.remove(trimmed.size() - 1);
    }
    return new Sheet(name, trimmed, rows);
  }

  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static boolean allBlank(List<String> cells) {
    return cells.stream().allMatch(String::isBlank);
  }

  private static String message(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
