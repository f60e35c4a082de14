package org.amity.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Header recognition. */
class ColumnLayoutTest {

  @Test
  void recognisesEnglishHeaders() {
    ColumnLayout layout = ColumnLayout.of(List.of("type", "date", "end_date", "office", "partner", "partners", "direction",
        "level", "headcount", "leader", "title", "kind", "venue", "visitors", "participants", "value", "currency",
        "valid_until", "domains", "summary", "event_id"));
    assertThat(layout.columns()).containsExactlyInAnyOrder(Column.TYPE, Column.DATE, Column.END_DATE, Column.OFFICE,
        Column.PARTNER, Column.PARTNERS, Column.DIRECTION, Column.LEVEL, Column.HEADCOUNT, Column.LEADER, Column.TITLE,
        Column.KIND, Column.VENUE, Column.VISITORS, Column.PARTICIPANTS, Column.VALUE, Column.CURRENCY,
        Column.VALID_UNTIL, Column.DOMAINS, Column.SUMMARY, Column.EVENT_ID);
    assertThat(layout.ignored()).isEmpty();
  }

  @Test
  void recognisesChineseHeaders() {
    ColumnLayout layout = ColumnLayout.of(List.of("类型", "日期", "结束日期", "办公室", "伙伴", "方向", "级别", "人数", "团长",
        "标题", "类别", "地点", "观众人数", "参与人数", "金额", "币种", "有效期至", "领域", "摘要"));
    assertThat(layout.columns()).containsExactlyInAnyOrder(Column.TYPE, Column.DATE, Column.END_DATE, Column.OFFICE,
        Column.PARTNER, Column.DIRECTION, Column.LEVEL, Column.HEADCOUNT, Column.LEADER, Column.TITLE, Column.KIND,
        Column.VENUE, Column.VISITORS, Column.PARTICIPANTS, Column.VALUE, Column.CURRENCY, Column.VALID_UNTIL,
        Column.DOMAINS, Column.SUMMARY);
    assertThat(layout.label(Column.HEADCOUNT)).isEqualTo("人数");
  }

  @Test
  void matchesAnyCaseAndIgnoresSurroundingSpacesMixingLanguages() {
    ColumnLayout layout = ColumnLayout.of(List.of(" TYPE ", "Date", "End Date", "\u3000伙伴\u3000", "HeadCount", "valid-until", "Event_ID"));
    assertThat(layout.columns()).containsExactlyInAnyOrder(Column.TYPE, Column.DATE, Column.END_DATE, Column.PARTNER,
        Column.HEADCOUNT, Column.VALID_UNTIL, Column.EVENT_ID);
    assertThat(layout.label(Column.HEADCOUNT)).isEqualTo("HeadCount");
    assertThat(layout.label(Column.LEVEL)).as("a column the sheet lacks").isEqualTo("level/级别");
  }

  @Test
  void ignoresUnknownColumnsAndSaysWhich() {
    ColumnLayout layout = ColumnLayout.of(List.of("序号", "type", "date", "备注", "", "headcont"));
    assertThat(layout.columns()).containsExactlyInAnyOrder(Column.TYPE, Column.DATE);
    assertThat(layout.ignored()).containsExactly("序号", "备注", "headcont");
  }

  @Test
  void refusesASheetWithoutATypeColumn() {
    assertThatThrownBy(() -> ColumnLayout.of(List.of("Name", "City", "When")))
        .isInstanceOf(SheetException.class)
        .hasMessageContaining("第 1 行没有可识别的列名")
        .hasMessageContaining("no recognisable header")
        .hasMessageContaining("type/类型")
        .hasMessageContaining("\"Name\"")
        .hasMessageNotContaining("--encoding");
  }

  @Test
  void aChineseHeaderWithoutATypeColumnIsNotTakenForAnotherEncoding() {
    assertThatThrownBy(() -> ColumnLayout.of(List.of("种类", "日期", "伙伴")))
        .isInstanceOf(SheetException.class)
        .hasMessageContaining("\"种类\"")
        .hasMessageNotContaining("--encoding");
  }

  @Test
  void suggestsAnotherEncodingWhenTheHeaderLooksGarbled() {
    // 類型,日期,夥伴 saved as Big5 and read as GB18030
    assertThatThrownBy(() -> ColumnLayout.of(List.of("雞倰", "ら戳", "鶴")))
        .isInstanceOf(SheetException.class)
        .hasMessageContaining("Big5：用 --encoding 指明")
        .hasMessageContaining("name it with --encoding");
  }

  @Test
  void saysWhenTheColumnsAreSeparatedBySemicolons() {
    assertThatThrownBy(() -> ColumnLayout.of(List.of("type;date;partner")))
        .isInstanceOf(SheetException.class)
        .hasMessageContaining("separated by semicolons or tabs");
  }

  @Test
  void refusesAColumnNamedTwice() {
    assertThatThrownBy(() -> ColumnLayout.of(List.of("type", "date", "日期")))
        .isInstanceOf(SheetException.class)
        .hasMessageContaining("出现了两次：“date”（B 列）与“日期”（C 列）")
        .hasMessageContaining("twice")
        .hasMessageContaining("\"date\" (column B)")
        .hasMessageContaining("\"日期\" (column C)");
  }

  @Test
  void lettersColumnsAsTheSpreadsheetDoes() {
    assertThat(ColumnLayout.letter(0)).isEqualTo("A");
    assertThat(ColumnLayout.letter(25)).isEqualTo("Z");
    assertThat(ColumnLayout.letter(26)).isEqualTo("AA");
    assertThat(ColumnLayout.letter(701)).isEqualTo("ZZ");
    assertThat(ColumnLayout.letter(702)).isEqualTo("AAA");
  }
}
