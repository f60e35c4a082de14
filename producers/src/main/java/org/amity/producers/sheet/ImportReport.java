package org.amity.producers.sheet;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.amity.contract.Problem;
import org.amity.labels.Labels;

/**
 * What an import did.
 *
 * @param file the imported file's name
 * @param rowsRead data rows that were not empty
 * @param valid rows that passed every check
 * @param written events written now
 * @param duplicates valid rows not written because the same event was written before (an earlier import) or
 *     because an earlier row of the file is the same event
 * @param badRows every bad row with every reason, by row number (the header is row 1)
 * @param warnings things the import ignored: unknown columns, cells without a header, repeated rows
 * @param rejectsFile where the bad rows were written, or null when none was written
 */
public record ImportReport(String file, boolean dryRun, boolean skipBadRows, int rowsRead, int valid, int written,
                           int duplicates, List<BadRow> badRows, List<String> warnings, Path rejectsFile) {

  public ImportReport {
    badRows = List.copyOf(badRows);
    warnings = List.copyOf(warnings);
  }

  /** A row that was not imported: its number as the spreadsheet shows it, and why (each problem names its column). */
  public record BadRow(int row, List<Problem> reasons) {
    public BadRow {
      reasons = List.copyOf(reasons);
    }

    /** The reasons on one line: "headcount: must be at least 1, not -2; partner: unknown relationship ...". */
    public String reasonText() {
      return reasons.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
  }

  public int rejected() {
    return badRows.size();
  }

  /** True unless bad rows stopped an all-or-nothing import (or would have, in a dry run). */
  public boolean success() {
    return badRows.isEmpty() || skipBadRows;
  }

  /** The report as the command prints it, in Chinese and English. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(Labels.both(language -> Labels.format("import.title", language, file,
        Labels.format(skipBadRows ? "import.skipping" : "import.allOrNothing", language),
        dryRun ? Labels.format("import.dryRun", language) : ""))).append('\n');
    line(out, "import.rowsRead", rowsRead);
    line(out, "import.valid", valid);
    line(out, "import.written", written);
    line(out, "import.duplicates", duplicates);
    line(out, "import.rejected", rejected());
    for (BadRow bad : badRows) {
      for (Problem reason : bad.reasons()) {
        out.append(Labels.format("import.row", Labels.ZH, String.valueOf(bad.row()), reason)).append('\n');
      }
    }
    for (String warning : warnings) {
      out.append(Labels.format("import.warning", Labels.ZH, warning)).append('\n');
    }
    if (dryRun) {
      out.append(Labels.both("import.dryRunNothing"));
      if (!success()) {
        out.append(' ').append(Labels.both("import.dryRunWouldStop"));
      }
      out.append('\n');
    } else if (!success()) {
      out.append(Labels.both("import.nothingWritten", rejected())).append('\n');
    } else if (rejectsFile != null) {
      out.append(Labels.both("import.rejectsWritten", rejectsFile)).append('\n');
    }
    return out.toString();
  }

  /** "  读取行数 / rows read：  5" */
  private static void line(StringBuilder out, String key, int value) {
    out.append(String.format("  %s：%d%n", Labels.both(key), value));
  }
}
