package org.amity.producers.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a sheet holds what: the header row matched against {@link Column}. Headers that name no
 * column are ignored (reported as a warning, e.g. a serial-number or remarks column); a sheet without a
 * {@code type} column, or naming one column twice, is refused.
 */
public final class ColumnLayout {
  private final List<String> headers;
  private final Map<Column, Integer> index;
  private final List<String> ignored;

  private ColumnLayout(List<String> headers, Map<Column, Integer> index, List<String> ignored) {
    this.headers = headers;
    this.index = index;
    this.ignored = ignored;
  }

  /** The layout of a header row; {@link SheetException} when it is not recognisable. */
  public static ColumnLayout of(List<String> headers) {
    Map<Column, Integer> index = new EnumMap<>(Column.class);
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i).strip();
      if (header.isEmpty()) {
        continue;
      }
      var column = Column.forHeader(header);
      if (column.isEmpty()) {
        ignored.add(header);
        continue;
      }
      Integer earlier = index.putIfAbsent(column.get(), i);
      if (earlier != null) {
        String first = headers.get(earlier).strip();
        throw new SheetException("列名里 " + column.get().chinese() + " 出现了两次：“" + first + "”（" + letter(earlier)
            + " 列）与“" + header + "”（" + letter(i) + " 列） / the header names column " + column.get() + " twice: \""
            + first + "\" (column " + letter(earlier) + ") and \"" + header + "\" (column " + letter(i) + ")");
      }
    }
    if (!index.containsKey(Column.TYPE)) {
      boolean otherSeparator = headers.size() == 1 && (headers.get(0).contains(";") || headers.get(0).contains("\t"));
      boolean garbled = index.isEmpty() && headers.stream().anyMatch(h -> h.chars().anyMatch(c -> c > 0x7f));
      List<String> found = headers.stream().filter(h -> !h.isBlank()).map(h -> "\"" + h.strip() + "\"").toList();
      throw new SheetException("第 1 行没有可识别的列名：至少要有 类型/type 一列（以及 日期/date、伙伴/partner……），现为 " + found
          + (otherSeparator ? "（各列似乎以分号或制表符分隔：请以逗号分隔另存 CSV）" : "")
          + (garbled ? "（列名若是乱码，文件可能是另一种编码，如繁体中文的 Big5：用 --encoding 指明）" : "")
          + " / no recognisable header: row 1 must name the columns, at least type/类型 (and date/日期, partner/伙伴, ...); found "
          + found + (otherSeparator ? " (the columns seem separated by semicolons or tabs; save the CSV with commas)" : "")
          + (garbled ? " (if the names look garbled, the file may be in another encoding, such as Big5 for Traditional "
              + "Chinese: name it with --encoding)" : ""));
    }
    return new ColumnLayout(List.copyOf(headers), index, List.copyOf(ignored));
  }

  public boolean has(Column column) {
    return index.containsKey(column);
  }

  public Set<Column> columns() {
    return index.keySet();
  }

  /** The row's text in the column, stripped; "" when the sheet has no such column or the cell is empty. */
  public String text(Sheet.Row row, Column column) {
    Integer i = index.get(column);
    return i == null ? "" : row.cell(i).strip();
  }

  /** The column as the sheet names it ("人数"), or "headcount/人数" when the sheet has no such column. */
  public String label(Column column) {
    Integer i = index.get(column);
    return i == null ? column.toString() : headers.get(i).strip();
  }

  /** The headers that name no known column; their cells are ignored. */
  public List<String> ignored() {
    return ignored;
  }

  /** Whether every cell of a known column is blank in the row (it may have text in ignored columns only). */
  public boolean isEmpty(Sheet.Row row) {
    return index.values().stream().allMatch(i -> row.cell(i).isBlank());
  }

  /** Indexes (0-based) of cells that hold text but have no header at all. */
  public List<Integer> cellsWithoutHeader(Sheet.Row row) {
    List<Integer> orphans = new ArrayList<>();
    for (int i = 0; i < row.cells().size(); i++) {
      if ((i >= headers.size() || headers.get(i).isBlank()) && !row.cell(i).isBlank()) {
        orphans.add(i);
      }
    }
    return orphans;
  }

  /** The spreadsheet letter of a 0-based column index: 0 is A, 26 is AA. */
  public static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      letters.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return letters.toString();
  }
}
