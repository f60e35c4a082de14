package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amity.contract.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole check of a file, without Kafka: dry runs against a fixed set of relationships. */
class SpreadsheetImportCheckTest {
  private static final SpreadsheetImport CHECK = SpreadsheetImport.checkingOnly(SheetFixtures.RELATIONSHIPS::contains, SheetFixtures.CLOCK);
  private static final ImportOptions DRY_RUN = ImportOptions.defaults().withDryRun(true);

  @TempDir
  Path dir;

  private static Map<Integer, List<String>> reasonsByRow(ImportReport report) {
    return report.badRows().stream().collect(Collectors.toMap(ImportReport.BadRow::row,
        b -> b.reasons().stream().map(Problem::toString).toList()));
  }

  @Test
  void aRowOfEveryTypePasses() {
    ImportReport report = CHECK.run(SheetFixtures.resource("every-type.csv"), DRY_RUN);
    assertThat(report.badRows()).isEmpty();
    assertThat(report.rowsRead()).isEqualTo(7);
    assertThat(report.valid()).isEqualTo(7);
    assertThat(report.written()).isZero();
    assertThat(report.success()).isTrue();
  }

  @Test
  void aLogIsAnsweredInChineseAndEnglish() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("交流记录.csv"), String.join("\r\n",
        "类型,日期,伙伴,方向,级别,人数,备注",
        "代表团,2024-13-45,shanghai/nl-rotterdam,来访,市长,12,",
        "代表团,2024-07-10,shanghai/nl-rotterdam,来访,国王,12,", ""));
    ImportReport report = CHECK.run(file, DRY_RUN);
    assertThat(reasonsByRow(report).get(2)).containsExactly("日期: 须为日期，如 2024-07-10（或 2024/7/10、2024年7月10日），而非“2024-13-45”"
        + " / must be a date like 2024-07-10 (or 2024/7/10, 2024年7月10日), not \"2024-13-45\"");
    assertThat(reasonsByRow(report).get(3)).singleElement().asString().startsWith("级别: 未知的级别“国王”；可用：")
        .contains("政府首脑、市长、省长、州长、区长").contains("（HEAD_OF_GOVERNMENT）");
    assertThat(report.format()).contains("导入 交流记录.csv（全部或全不，仅检查） / Import of 交流记录.csv (all-or-nothing, dry run)",
        "读取行数 / rows read：2", "第 2 行：", "注意：未识别的列已忽略：备注 / columns ignored (not part of the layout): 备注",
        "仅检查：未写入任何内容。 / Dry run: nothing was written.");
  }

  @Test
  void aRowWhoseOfficeNothingSaysIsRefusedOnceForIt() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("无外办.csv"), String.join("\r\n",
        "类型,日期,伙伴,方向,级别", "代表团,2024-07-10,萨克拉门托,来访,市长", ""));
    ImportReport report = CHECK.run(file, DRY_RUN);
    assertThat(reasonsByRow(report).get(2)).singleElement().asString()
        .startsWith("office/办公室: 未指明外办，无法知道“萨克拉门托”是哪个外办的伙伴：请加 --office");
  }

  @Test
  void everyBadRowIsNamedWithItsNumberAndEveryReason() {
    ImportReport report = CHECK.run(SheetFixtures.resource("bad-rows.csv"), DRY_RUN.withOffice("shanghai"));
    Map<Integer, List<String>> bad = reasonsByRow(report);
    assertThat(bad.keySet()).containsExactlyInAnyOrder(3, 4, 5, 7, 8, 9, 11);
    assertThat(bad.get(3)).singleElement().asString().startsWith("type: 未知的类型“meeting”")
        .contains(" / unknown type \"meeting\"; one of DelegationVisited");
    assertThat(bad.get(4)).singleElement().asString()
        .endsWith(" / must be a date like 2024-07-10 (or 2024/7/10, 2024年7月10日), not \"2024-13-45\"");
    assertThat(bad.get(5)).containsExactly("headcount: 至少为 1，而不是 -2 / must be at least 1, not -2");
    assertThat(bad.get(7)).singleElement().asString().contains(" / unknown direction \"sideways\"; one of INBOUND (in, 来访");
    assertThat(bad.get(8)).containsExactly("partner: 未知的关系 shanghai/xx-nowhere，请先登记 / unknown relationship shanghai/xx-nowhere; register it first");
    assertThat(bad.get(9)).containsExactly("partner: shanghai-changning/jp-hirakata 不是外办 shanghai 的关系"
        + " / shanghai-changning/jp-hirakata is not a relationship of office shanghai");
    assertThat(bad.get(11)).hasSize(3)
        .anySatisfy(r -> assertThat(r).startsWith("direction: 未知的方向“up”").contains(" / unknown direction \"up\""))
        .contains("level: DelegationVisited 类型的行必填 / is required for DelegationVisited",
            "headcount: 至少为 1，而不是 0 / must be at least 1, not 0");
    assertThat(report.rowsRead()).as("rows 6 and 12 are empty").isEqualTo(9);
    assertThat(report.valid()).isEqualTo(2);
    assertThat(report.success()).isFalse();
    assertThat(report.format())
        .contains("第 5 行：headcount: 至少为 1，而不是 -2 / must be at least 1, not -2")
        .contains("第 8 行：partner: 未知的关系 shanghai/xx-nowhere")
        .contains("拒绝 / rejected：7");
  }

  @Test
  void aTwoMegabyteCellIsABadRowNamedWithItsColumnNotAFailedWrite() throws IOException {
    Path file = SheetFixtures.csv(dir, "big.csv", "type,date,partner,direction,level,headcount,title,kind",
        "agreement,2024-07-10,nl-rotterdam,,,,\"" + "x".repeat(2 * 1024 * 1024) + "\",MEMORANDUM");
    ImportReport report = CHECK.run(file, DRY_RUN.withOffice("shanghai"));
    assertThat(report.success()).isFalse();
    assertThat(report.format()).contains("第 2 行：title:", "1000", Integer.toString(2 * 1024 * 1024));
  }

  @Test
  void skippingBadRowsInADryRunSucceedsAndWritesNoRejectsFile() throws IOException {
    Path file = SheetFixtures.copy("bad-rows.csv", dir, "log.csv");
    ImportReport report = CHECK.run(file, DRY_RUN.withOffice("shanghai").withSkipBadRows(true));
    assertThat(report.success()).isTrue();
    assertThat(report.rejected()).isEqualTo(7);
    assertThat(report.rejectsFile()).isNull();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void problemsOfARowThatCannotBeReadAreAllReportedWithTheirColumns() {
    Path file = SheetFixtures.csv(dir, "exhibitions.csv",
        "类型,日期,伙伴,观众人数,结束日期",
        "展览,2024-09-20,fr-paris,-5,2024-09-01");
    ImportReport report = CHECK.run(file, DRY_RUN.withOffice("shanghai"));
    assertThat(reasonsByRow(report).get(2)).containsExactlyInAnyOrder(
        "title/标题: ExhibitionHeld 类型的行必填（表中没有这一列） / is required for ExhibitionHeld (the sheet has no such column)",
        "venue/地点: ExhibitionHeld 类型的行必填（表中没有这一列） / is required for ExhibitionHeld (the sheet has no such column)",
        "观众人数: 不能为负数，而不是 -5 / must not be negative, not -5",
        "结束日期: 不能早于 startDate（2024-09-20），而不是 2024-09-01 / must not be before startDate (2024-09-20), not 2024-09-01");
  }

  @Test
  void aMissingOrFutureDateIsReportedOnceOnTheDateColumn() {
    Path file = SheetFixtures.csv(dir, "dates.csv",
        "type,date,partner,direction,level",
        "delegation,,shanghai/nl-rotterdam,in,DEPARTMENT",
        "delegation,2031-01-01,shanghai/nl-rotterdam,in,DEPARTMENT",
        "video,,shanghai/nl-rotterdam,,DEPARTMENT");
    Map<Integer, List<String>> bad = reasonsByRow(CHECK.run(file, DRY_RUN));
    assertThat(bad.get(2)).containsExactly("date: DelegationVisited 类型的行必填 / is required for DelegationVisited");
    assertThat(bad.get(3)).singleElement().asString().startsWith("date: 须在 1900-01-01 至 2025-01-16 之间")
        .contains("must be between 1900-01-01 and 2025-01-16");
    assertThat(bad.get(4)).containsExactly("date: VideoMeeting 类型的行必填 / is required for VideoMeeting");
  }

  @Test
  void theDerivedEventIdIsStableAcrossReadsAndChangesWithACell() throws IOException {
    Path first = SheetFixtures.copy("every-type.csv", dir, "exchanges.csv");
    Function<Path, List<String>> ids = file -> {
      Sheet sheet = SheetReader.read(file);
      RowMapper mapper = new RowMapper(ColumnLayout.of(sheet.headers()), null, sheet.fileName());
      return sheet.rows().stream().map(mapper::map).map(MappedRow::eventId).toList();
    };
    List<String> once = ids.apply(first);
    assertThat(once).hasSize(7).doesNotHaveDuplicates().allMatch(id -> id.matches("import:[0-9a-f]{32}"));
    assertThat(ids.apply(first)).as("a second read").isEqualTo(once);

    Path renamed = Files.copy(first, dir.resolve("exchanges-copy.csv"));
    assertThat(ids.apply(renamed)).as("another file name").isEqualTo(once);

    List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
    Path reordered = Files.write(dir.resolve("reordered.csv"),
        List.of(lines.get(0), lines.get(7), lines.get(1), lines.get(2), lines.get(3), lines.get(4), lines.get(5), lines.get(6)),
        StandardCharsets.UTF_8);
    List<String> moved = ids.apply(reordered);
    assertThat(moved.get(0)).as("a row on another line").isEqualTo(once.get(6));
    assertThat(moved.subList(1, 7)).isEqualTo(once.subList(0, 6));

    Path changed = Files.write(dir.resolve("changed.csv"),
        lines.stream().map(l -> l.replace(",12,Mayor Ahmed Aboutaleb", ",13,Mayor Ahmed Aboutaleb")).toList(), StandardCharsets.UTF_8);
    List<String> afterChange = ids.apply(changed);
    assertThat(afterChange.get(0)).as("headcount changed").isNotEqualTo(once.get(0));
    assertThat(afterChange.subList(1, 7)).isEqualTo(once.subList(1, 7));
  }

  @Test
  void aRepeatedRowIsOneEventAndARepeatedEventIdWithOtherContentIsBad() {
    Path file = SheetFixtures.csv(dir, "repeats.csv",
        "type,date,partner,direction,level,event_id",
        "delegation,2024-07-10,shanghai/nl-rotterdam,in,DEPARTMENT,",
        "delegation,2024-07-10,shanghai/nl-rotterdam,in,DEPARTMENT,",
        "delegation,2024-07-11,shanghai/nl-rotterdam,in,DEPARTMENT,rotterdam-1",
        "delegation,2024-07-12,shanghai/nl-rotterdam,out,DEPARTMENT,rotterdam-1");
    ImportReport report = CHECK.run(file, DRY_RUN);
    assertThat(report.valid()).isEqualTo(3);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.warnings()).contains("第 3 行与第 2 行是同一事件，只导入一次 / row 3 is the same event as row 2; imported once");
    assertThat(reasonsByRow(report)).containsOnlyKeys(5);
    assertThat(reasonsByRow(report).get(5)).singleElement().asString()
        .endsWith(" / \"rotterdam-1\" is also the event id of row 4, which says something else");
  }

  @Test
  void unknownColumnsAndCellsWithoutHeaderAreIgnoredWithAWarning() {
    Path file = SheetFixtures.csv(dir, "extra.csv",
        "序号,type,date,partner,direction,level,备注",
        "1,delegation,2024-07-10,shanghai/nl-rotterdam,in,DEPARTMENT,call back,stray",
        "2,,,,,,");
    ImportReport report = CHECK.run(file, DRY_RUN);
    assertThat(report.rowsRead()).as("a row with text only in ignored columns is empty").isEqualTo(1);
    assertThat(report.badRows()).isEmpty();
    assertThat(report.warnings()).containsExactly(
        "未识别的列已忽略：序号, 备注 / columns ignored (not part of the layout): 序号, 备注",
        "第 H 列有内容但没有表头，已忽略（行 2） / column H has text but no header; ignored (rows 2)");
  }

  @Test
  void aFileWithoutRecognisableHeaderIsRefusedNamingTheFile() {
    Path file = SheetFixtures.csv(dir, "contacts.csv", "name,city", "Ahmed,Rotterdam");
    assertThatThrownBy(() -> CHECK.run(file, DRY_RUN)).isInstanceOf(SheetException.class)
        .hasMessageContaining("contacts.csv").hasMessageContaining("no recognisable header");
  }

  @Test
  void aCheckingOnlyImportRefusesToWrite() {
    assertThatThrownBy(() -> CHECK.run(SheetFixtures.resource("every-type.csv"), ImportOptions.defaults()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theRejectsFileHoldsTheOriginalColumnsThenRowAndReason() throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    SpreadsheetImport.writeRejects(rejects, List.of("type", "日期", "row", "备注"), List.of(new SpreadsheetImport.Bad(
        new Sheet.Row(4, List.of("代表团", "2024-13-45", "3", "a, b")), List.of(new Problem("日期", "must be a date"), new Problem("x", "y")))));
    assertThat(Files.readString(rejects, StandardCharsets.UTF_8)).as("an earlier row column is replaced")
        .isEqualTo("\uFEFFtype,日期,备注,row,reason\r\n代表团,2024-13-45,\"a, b\",4,日期: must be a date; x: y\r\n");
  }

  @Test
  void aCellExcelWouldRunAsAFormulaIsKeptAsTextInTheRejectsFile() throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    SpreadsheetImport.writeRejects(rejects, List.of("title", "headcount", "note"), List.of(new SpreadsheetImport.Bad(
        new Sheet.Row(2, List.of("=HYPERLINK(\"http://x\")", "-3", "\t=1+1")), List.of(new Problem("headcount", "must be at least 1")))));
    assertThat(Files.readString(rejects, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFtitle,headcount,note,row,reason\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-3,'\t=1+1,2,headcount: must be at least 1\r\n");
  }
}
