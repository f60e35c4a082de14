package org.amity.consumers.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A leadership report as a PDF: the title, then each table under its heading, with the font embedded. */
public final class PdfReport {
  private static final Color HEADER = new Color(0xE3, 0xEE, 0xF7);

  private PdfReport() {}

  public static void write(LeadershipReport report, Locale language, Path font, OutputStream out) throws IOException {
    BaseFont base = BaseFont.createFont(font + (font.toString().toLowerCase(Locale.ROOT).endsWith(".ttc") ? ",0" : ""),
        BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    Font title = new Font(base, 16, Font.BOLD);
    Font heading = new Font(base, 12, Font.BOLD);
    Font body = new Font(base, 9);
    Font note = new Font(base, 8, Font.ITALIC, Color.DARK_GRAY);
    Document document = new Document(PageSize.A4, 36, 36, 42, 42);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(ReportTables.title(report, language));
      document.open();
      document.add(new Paragraph(ReportTables.title(report, language), title));
      for (ReportTables.Table table : ReportTables.of(report, language)) {
        Paragraph head = new Paragraph(table.title(), heading);
        head.setSpacingBefore(12);
        head.setSpacingAfter(4);
        document.add(head);
        document.add(table(table, body));
        if (table.note() != null) {
          document.add(new Paragraph(table.note(), note));
        }
      }
      document.close();
    } catch (DocumentException e) {
      throw new IOException("无法生成 PDF / The PDF could not be written: " + e.getMessage(), e);
    }
  }

  private static PdfPTable table(ReportTables.Table table, Font font) {
    float[] widths = new float[table.header().size()];
    Arrays.fill(widths, 1);
    widths[0] = 2;
    PdfPTable pdf = new PdfPTable(widths);
    pdf.setWidthPercentage(100);
    pdf.setHeaderRows(1);
    for (String heading : table.header()) {
      PdfPCell cell = new PdfPCell(new Phrase(heading, font));
      cell.setBackgroundColor(HEADER);
      pdf.addCell(cell);
    }
    for (List<Object> row : table.rows()) {
      for (Object value : row) {
        PdfPCell cell = new PdfPCell(new Phrase(text(value), font));
        if (value instanceof Number) {
          cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        pdf.addCell(cell);
      }
    }
    return pdf;
  }

  /** Numbers with thousands separated, amounts with their decimals: 6,300,000,000.00. */
  static String text(Object value) {
    if (value instanceof BigDecimal amount) {
      NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
      format.setGroupingUsed(true);
      format.setMinimumFractionDigits(amount.scale());
      format.setMaximumFractionDigits(amount.scale());
      return format.format(amount);
    }
    if (value instanceof Long n) {
      return String.format(Locale.ROOT, "%,d", n);
    }
    return value == null ? "" : value.toString();
  }
}
