package org.amity.producers.sheet;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.amity.contract.Problem;

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

  /** The report as the command prints it. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("Import of ").append(file).append(" (").append(skipBadRows ? "skipping bad rows" : "all-or-nothing")
        .append(dryRun ? ", dry run" : "").append(")\n");
    line(out, "rows read", rowsRead);
    line(out, "valid", valid);
    line(out, "written", written);
    line(out, "duplicates", duplicates);
    line(out, "rejected", rejected());
    for (BadRow bad : badRows) {
      for (Problem reason : bad.reasons()) {
        out.append("row ").append(bad.row()).append(": ").append(reason).append('\n');
      }
    }
    for (String warning : warnings) {
      out.append("warning: ").append(warning).append('\n');
    }
    if (dryRun) {
      out.append("Dry run: nothing was written.");
      if (!success()) {
        out.append(" In all-or-nothing mode these bad rows would stop the import.");
      }
      out.append('\n');
    } else if (!success()) {
      out.append("Nothing was written: ").append(rejected()).append(rejected() == 1 ? " bad row" : " bad rows")
          .append(". Fix and import again (rows already imported count as duplicates), or use --skip-bad-rows.\n");
    } else if (rejectsFile != null) {
      out.append("The bad rows were skipped; they are in ").append(rejectsFile)
          .append(" with their reasons: fix them there and import that file.\n");
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String name, int value) {
    out.append(String.format("  %-11s %d%n", name + ":", value));
  }
}
