package org.amity.producers.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files, relationships and a clock for the sheet tests. */
final class SheetFixtures {
  /** The import runs at this time: every date of the test files lies before it. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

  /** The relationships the unit tests know. */
  static final Set<String> RELATIONSHIPS = Set.of("shanghai/nl-rotterdam", "shanghai/es-barcelona", "shanghai/fr-paris",
      "shanghai/us-los-angeles", "shanghai/za-johannesburg", "shanghai/tr-istanbul", "shanghai/pl-pomorskie",
      "shanghai/ve-carabobo", "shanghai/hn-tegucigalpa", "shanghai-changning/jp-hirakata", "shanghai-changning/pf-papeete");

  private SheetFixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(SheetFixtures.class.getResource("/sheet/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource sheet/" + name, e);
    }
  }

  static Path templates() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("templates"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no templates folder above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("templates");
  }

  /** Copies a resource into the folder, under another name if given. */
  static Path copy(String resource, Path dir, String name) {
    try {
      return Files.copy(resource(resource), dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path csv(Path dir, String name, String... lines) {
    try {
      return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workbook with one sheet: LocalDate cells become date cells, numbers number cells, the rest text. */
  static Path xlsx(Path dir, String name, List<List<Object>> rows) {
    Path file = dir.resolve(name);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      XSSFSheet sheet = workbook.createSheet("log");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        List<Object> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          Object value = cells.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
          } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static List<Object> cells(Object... values) {
    List<Object> cells = new ArrayList<>();
    java.util.Collections.addAll(cells, values);
    return cells;
  }
}
