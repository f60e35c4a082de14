package org.amity.producers.sheet;

import java.io.IOException;
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
 * byte-order mark, UTF-16, GB18030/GBK) or the first sheet of an XLSX workbook ({@link XlsxRows}, streamed) as text.
 * Row 1 is the header. XLSX date cells read as "2024-07-10", numbers as "12" or "1.5" (not "12.0"), formulas as
 * their last computed value. Anything that cannot be read raises a {@link SheetException} saying why.
 */
public final class SheetReader {
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
      throw new SheetException(file + ": a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw new SheetException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new SheetException(file + ": not a file but a device or a pipe; import a .csv or .xlsx file");
    }
    if (!Files.isReadable(file)) {
      throw new SheetException(file + ": cannot be read (permission denied)");
    }
    if (lower.endsWith(".csv")) {
      return csv(file, name, encoding);
    }
    if (lower.endsWith(".xlsx")) {
      return xlsx(file, name);
    }
    if (lower.endsWith(".xls") || lower.endsWith(".et") || lower.endsWith(".ods") || lower.endsWith(".numbers")) {
      throw new SheetException(file + ": this spreadsheet format is not supported; save it as .xlsx (Excel workbook) or .csv (CSV UTF-8)");
    }
    throw new SheetException(file + ": not a CSV or XLSX file (the name must end in .csv or .xlsx)");
  }

  private static Sheet csv(Path file, String name, Charset encoding) {
    byte[] bytes = bytes(file);
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      throw new SheetException(file + ": this is an Excel workbook (XLSX), not CSV text; name it .xlsx");
    }
    String text = CsvEncoding.decode(bytes, encoding, file.toString()).text();
    List<String> headers = null;
    List<Sheet.Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, CSV)) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        if (headers == null) {
          headers = cells;
        } else if (!allBlank(cells)) {
          rows.add(new Sheet.Row((int) record.getRecordNumber(), cells));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new SheetException(file + ": not valid CSV: " + message(e), e);
    }
    return sheet(file, name, headers, rows);
  }

  private static Sheet xlsx(Path file, String name) {
    List<List<String>> header = new ArrayList<>();
    List<Sheet.Row> rows = new ArrayList<>();
    try {
      XlsxRows.read(file, (number, cells) -> {
        if (number == 1) {
          header.add(cells);
        } else if (!allBlank(cells)) {
          rows.add(new Sheet.Row(number, cells));
        }
      });
    } catch (SheetException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SheetException(file + ": cannot be read as an XLSX workbook: " + message(e), e);
    }
    return sheet(file, name, header.isEmpty() ? List.of() : header.get(0), rows);
  }

  private static Sheet sheet(Path file, String name, List<String> headers, List<Sheet.Row> rows) {
    if (headers == null || allBlank(headers)) {
      throw new SheetException(file + ": row 1 is empty; the first row must be the header naming the columns (type/类型, date/日期, ...)");
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

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SheetException(file + ": cannot be read: " + message(e), e);
    }
  }

  private static String message(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
