package org.amity.producers.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, row by row, read from its XML as a stream (POI's event API), so that a large
 * workbook is never held whole in memory. Date cells read as "2024-07-10", numbers as "12" or "1.5", formulas as their
 * cached value; a formula without one is refused, naming its cell.
 */
final class XlsxRows {
  /** Receives each row that has a cell: its number (row 1 is the header) and its cells, "" where a cell is missing. */
  interface RowHandler {
    void row(int number, List<String> cells);
  }

  private XlsxRows() {}

  static void read(Path file, RowHandler handler) throws IOException {
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new SheetException(file + "：工作簿里没有工作表 / the workbook has no sheet");
      }
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        Cells cells = new Cells(handler);
        parser.setContentHandler(new CachedValuesOnly(file, styles, strings, cells));
        parser.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Collects a row's cells in their columns. */
  private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private final List<String> cells = new ArrayList<>();
    private boolean error;

    Cells(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      handler.row(rowNum + 1, List.copyOf(cells));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      String text = value == null ? "" : error && value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value;
      if (column < cells.size()) {
        cells.set(column, text);
      } else {
        cells.add(text);
      }
    }
  }

  /** POI's sheet handler, refusing a formula cell that holds no value computed by a spreadsheet program. */
  private static final class CachedValuesOnly extends XSSFSheetXMLHandler {
    private final Path file;
    private final Cells cells;
    private final StringBuilder formula = new StringBuilder();
    private String reference;
    private boolean inFormula;
    private boolean hasFormula;
    private boolean hasValue;

    CachedValuesOnly(Path file, StylesTable styles, ReadOnlySharedStringsTable strings, Cells cells) {
      super(styles, null, strings, cells, new PlainFormatter(), false);
      this.file = file;
      this.cells = cells;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      switch (localName) {
        case "c" -> {
          reference = attributes.getValue("r");
          cells.error = "e".equals(attributes.getValue("t"));
          hasFormula = false;
          hasValue = false;
          formula.setLength(0);
        }
        case "f" -> {
          hasFormula = true;
          inFormula = true;
        }
        case "v", "is" -> hasValue = true;
        default -> { }
      }
      super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inFormula) {
        formula.append(ch, start, length);
      }
      super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (localName.equals("f")) {
        inFormula = false;
      }
      if (localName.equals("c") && hasFormula && !hasValue) {
        throw new SheetException(file + "：单元格 " + reference + " 的公式 =" + formula + " 没有计算结果，"
            + "请用 Excel 或 LibreOffice 打开并重新保存 / cell " + reference + " holds the formula =" + formula
            + " but no value computed by a spreadsheet program; open the file in Excel or LibreOffice and save it again");
      }
      super.endElement(uri, localName, qName);
    }
  }

  /** Dates as ISO dates and numbers without a trailing ".0", whatever the cell's display format. */
  private static final class PlainFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return SheetReader.number(value);
    }
  }
}
