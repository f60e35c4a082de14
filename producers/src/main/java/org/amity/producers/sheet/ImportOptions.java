package org.amity.producers.sheet;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * How to import.
 *
 * @param office the office the import is for (--office); null to take it from each row's office or partner column
 * @param dryRun validate and report; write nothing (no events, no rejects file)
 * @param skipBadRows write the good rows and put the bad ones in the rejects file; otherwise (the default) any
 *     bad row means nothing is written
 * @param rejectsFile where the bad rows go with --skip-bad-rows; null for {@code <input>.rejects.csv}
 * @param encoding a CSV file's encoding (--encoding); null to detect it
 */
public record ImportOptions(String office, boolean dryRun, boolean skipBadRows, Path rejectsFile, Charset encoding) {

  /** All-or-nothing, writing, office taken from the rows. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, false, false, null, null);
  }

  public ImportOptions withOffice(String office) {
    return new ImportOptions(office, dryRun, skipBadRows, rejectsFile, encoding);
  }

  public ImportOptions withDryRun(boolean dryRun) {
    return new ImportOptions(office, dryRun, skipBadRows, rejectsFile, encoding);
  }

  public ImportOptions withSkipBadRows(boolean skipBadRows) {
    return new ImportOptions(office, dryRun, skipBadRows, rejectsFile, encoding);
  }

  public ImportOptions withRejectsFile(Path rejectsFile) {
    return new ImportOptions(office, dryRun, skipBadRows, rejectsFile, encoding);
  }

  public ImportOptions withEncoding(Charset encoding) {
    return new ImportOptions(office, dryRun, skipBadRows, rejectsFile, encoding);
  }

  /** The rejects file for this input: the option, or the input's path with ".rejects.csv" appended. */
  public Path rejectsFileFor(Path input) {
    return rejectsFile != null ? rejectsFile : input.resolveSibling(input.getFileName() + ".rejects.csv");
  }
}
