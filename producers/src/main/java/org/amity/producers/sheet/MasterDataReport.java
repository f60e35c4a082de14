package org.amity.producers.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a master-data import found and did: rows read, records added, changed and unchanged, and every problem by row;
 * in Chinese first, English beside it.
 */
public final class MasterDataReport {
  private final String file;
  private final String what;
  private final boolean dryRun;
  private final Map<Integer, List<String>> problems = new TreeMap<>();
  private final List<String> added = new ArrayList<>();
  private final List<String> changed = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int rows;
  private int unchanged;
  private boolean written;

  MasterDataReport(String file, String what, boolean dryRun) {
    this.file = file;
    this.what = what;
    this.dryRun = dryRun;
  }

  void row() {
    rows++;
  }

  void problem(int row, String column, String reason) {
    problems.computeIfAbsent(row, r -> new ArrayList<>()).add(column + "：" + reason);
  }

  void warning(String warning) {
    warnings.add(warning);
  }

  void added(String id) {
    added.add(id);
  }

  void changed(String id) {
    changed.add(id);
  }

  void keptAsItIs() {
    unchanged++;
  }

  void written() {
    written = true;
  }

  public boolean success() {
    return problems.isEmpty();
  }

  public Map<Integer, List<String>> problems() {
    return problems;
  }

  public List<String> added() {
    return added;
  }

  public List<String> changed() {
    return changed;
  }

  public int unchanged() {
    return unchanged;
  }

  public boolean wasWritten() {
    return written;
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("导入 / import of ").append(file).append("（").append(what).append("）")
        .append(dryRun ? "：仅检查，未写入 / dry run, nothing written" : "").append('\n');
    warnings.forEach(w -> out.append("  注意 / note: ").append(w).append('\n'));
    problems.forEach((row, reasons) -> reasons.forEach(reason ->
        out.append("  第 ").append(row).append(" 行 / row ").append(row).append(": ").append(reason).append('\n')));
    out.append(rows).append(" 行 / rows: ");
    if (!success()) {
      out.append(problems.size()).append(" 行有误，未写入任何内容 / rows with problems; nothing was written\n");
      return out.toString();
    }
    out.append("新增 ").append(added.size()).append("，修改 ").append(changed.size()).append("，未变 ").append(unchanged)
        .append(" / added ").append(added.size()).append(", changed ").append(changed.size()).append(", unchanged ")
        .append(unchanged).append('\n');
    return out.toString();
  }
}
