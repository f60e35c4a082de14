package org.amity.producers.sheet;

import java.util.List;

/**
 * A spreadsheet as text: the header row (row 1) and the data rows after it, each cell as the text it shows
 * (dates as "2024-07-10", numbers without a trailing ".0"). Rows whose cells are all blank are left out.
 *
 * @param fileName the file's name without its folder, e.g. "visits-2024.xlsx"
 */
public record Sheet(String fileName, List<String> headers, List<Row> rows) {

  public Sheet {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }

  /**
   * One data row: its number as the spreadsheet shows it (the header is row 1) and its cells, one per header
   * (missing cells are "", cells beyond the last header are kept).
   */
  public record Row(int number, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell in column {@code index} (0-based), "" when the row has no such cell. */
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : "";
    }
  }
}
