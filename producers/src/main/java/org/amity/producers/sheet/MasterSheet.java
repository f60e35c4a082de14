package org.amity.producers.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A spreadsheet of master data (offices or relationships) read by its headers: each column is known by English and
 * Chinese headers (matched ignoring case, spaces, hyphens and underscores); other columns are ignored and named.
 */
final class MasterSheet {
  /** A column: its name in reports and the headers that stand for it. */
  record Column(String name, String zh, List<String> headers) {
    static Column of(String name, String zh, String... more) {
      List<String> headers = new ArrayList<>(List.of(name, zh));
      headers.addAll(List.of(more));
      return new Column(name, zh, headers);
    }

    /** "中文名（English）" as reports name the column. */
    String label() {
      return zh + "（" + name + "）";
    }
  }

  private final Sheet sheet;
  private final Map<Column, Integer> index = new LinkedHashMap<>();
  private final List<String> ignored = new ArrayList<>();

  MasterSheet(Sheet sheet, List<Column> columns, List<Column> required) {
    this.sheet = sheet;
    Map<String, Column> byHeader = new HashMap<>();
    columns.forEach(c -> c.headers().forEach(h -> byHeader.put(key(h), c)));
    for (int i = 0; i < sheet.headers().size(); i++) {
      String header = sheet.headers().get(i);
      Column column = byHeader.get(key(header));
      if (column == null) {
        if (!header.isBlank()) {
          ignored.add(header);
        }
      } else if (index.putIfAbsent(column, i) != null) {
        throw new SheetException(sheet.fileName() + "：列 " + column.label() + " 出现了两次 / the column " + column.name()
            + " appears twice (\"" + sheet.headers().get(index.get(column)) + "\" and \"" + header + "\")");
      }
    }
    List<String> missing = required.stream().filter(c -> !index.containsKey(c)).map(Column::label).toList();
    if (!missing.isEmpty()) {
      throw new SheetException(sheet.fileName() + "：第 1 行缺少必需的列：" + String.join("、", missing)
          + " / row 1 lacks the required columns " + String.join(", ", required.stream().filter(c -> !index.containsKey(c))
          .map(Column::name).toList()) + "; the headers found: " + String.join(", ", sheet.headers()));
    }
  }

  List<Sheet.Row> rows() {
    return sheet.rows();
  }

  List<String> ignored() {
    return ignored;
  }

  boolean has(Column column) {
    return index.containsKey(column);
  }

  /** The cell's text, stripped; empty when the column is absent or the cell blank. */
  Optional<String> cell(Sheet.Row row, Column column) {
    Integer i = index.get(column);
    if (i == null) {
      return Optional.empty();
    }
    String text = row.cell(i).strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String key(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }
}
