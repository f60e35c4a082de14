package org.amity.consumers.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A leadership report as an Excel workbook: a sheet per table, the report's title above the first. */
public final class XlsxReport {
  private XlsxReport() {}

  public static void write(LeadershipReport report, Locale language, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Styles styles = new Styles(book);
      boolean first = true;
      for (ReportTables.Table table : ReportTables.of(report, language)) {
        Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
        int at = 0;
        if (first) {
          text(sheet.createRow(at++), 0, ReportTables.title(report, language), styles.title);
          first = false;
        }
        text(sheet.createRow(at++), 0, table.title(), styles.heading);
        Row header = sheet.createRow(at++);
        for (int i = 0; i < table.header().size(); i++) {
          text(header, i, table.header().get(i), styles.heading);
        }
        for (List<Object> cells : table.rows()) {
          Row row = sheet.createRow(at++);
          for (int i = 0; i < cells.size(); i++) {
            cell(row, i, cells.get(i), styles);
          }
        }
        if (table.note() != null) {
          text(sheet.createRow(at + 1), 0, table.note(), null);
        }
        for (int i = 0; i < table.header().size(); i++) {
          sheet.autoSizeColumn(i);
        }
      }
      book.write(out);
    }
  }

  private static void cell(Row row, int column, Object value, Styles styles) {
    if (value instanceof BigDecimal amount) {
      row.createCell(column).setCellValue(amount.doubleValue());
      row.getCell(column).setCellStyle(amount.scale() > 0 ? styles.amount : styles.whole);
    } else if (value instanceof Long n) {
      row.createCell(column).setCellValue(n);
      row.getCell(column).setCellStyle(styles.whole);
    } else if (value != null) {
      text(row, column, value.toString(), null);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    row.createCell(column).setCellValue(value);
    if (style != null) {
      row.getCell(column).setCellStyle(style);
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle heading;
    final CellStyle whole;
    final CellStyle amount;

    Styles(XSSFWorkbook book) {
      title = bold(book, (short) 14);
      heading = bold(book, (short) 11);
      whole = book.createCellStyle();
      whole.setDataFormat(book.createDataFormat().getFormat("#,##0"));
      amount = book.createCellStyle();
      amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
    }

    private static CellStyle bold(XSSFWorkbook book, short points) {
      Font font = book.createFont();
      font.setBold(true);
      font.setFontHeightInPoints(points);
      CellStyle style = book.createCellStyle();
      style.setFont(font);
      return style;
    }
  }
}
