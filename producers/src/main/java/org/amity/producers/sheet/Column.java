package org.amity.producers.sheet;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns an exchange log may have, each with its English and Simplified Chinese header. A header is
 * matched ignoring case and surrounding spaces; spaces and hyphens count as underscores ("End Date" is
 * end_date). Every column but {@code type} is optional; the envelope's columns serve every row, the others the
 * event types whose declaration names them ({@link org.amity.contract.EventType#sheetColumns()}).
 */
public enum Column {
  TYPE("type", "类型", true, "event type, e.g. delegation / 代表团, agreement / 协议"),
  DATE("date", "日期", true, "day the exchange happened: first day of a visit, exhibition, forum or programme; signing day; milestone day"),
  END_DATE("end_date", "结束日期", false, "last day, when it lasted several days"),
  OFFICE("office", "办公室", true, "the recording office, by id or registered name, e.g. shanghai; else --office, else the office part of partner"),
  PARTNER("partner", "伙伴", true, "relationship id shanghai/nl-rotterdam or partner id nl-rotterdam (completed with the office)"),
  PARTNERS("partners", "多方伙伴", true, "further partners of a multilateral event, separated by ;"),
  DIRECTION("direction", "方向", false, "in / out (inbound, outbound, 来访, 出访)"),
  LEVEL("level", "级别", false, "rank of the delegation's leader or the highest participant"),
  HEADCOUNT("headcount", "人数", false, "people in the delegation, at least 1"),
  LEADER("leader", "团长", false, "who led the delegation"),
  TITLE("title", "标题", false,
      "title of the document, exhibition, forum, programme; project name; topic of a video meeting"),
  KIND("kind", "类别", false,
      "agreement kind, gathering kind, project milestone or programme kind"),
  PROJECT_ID("project_id", "项目编号", false, "stable id of the project across its milestones; the title when empty"),
  VENUE("venue", "地点", false, "home / partner / elsewhere (本市, 对方城市, 其他)"),
  VENUE_NAME("venue_name", "场馆", false, "hall or institution, e.g. West Bund Museum"),
  HELD_IN("held_in", "举办城市", false, "city where it was held"),
  VISITORS("visitors", "观众人数", false, "visitors counted"),
  PARTICIPANTS("participants", "参与人数", false, "people taking part, at least 1"),
  PARTNER_COUNT("partner_count", "伙伴城市数", false, "partner cities taking part, at least 1"),
  VALUE("value", "金额", false, "amount in the currency's main unit, e.g. 63000000 or 1,234.50"),
  CURRENCY("currency", "币种", false, "ISO 4217 code (USD, CNY, EUR) or 美元, 人民币, 欧元"),
  VALID_UNTIL("valid_until", "有效期至", false, "last day the agreement is valid"),
  DOMAINS("domains", "领域", true, "fields of exchange, separated by ;"),
  SUMMARY("summary", "摘要", true, "free text in any language"),
  CORRECTS("corrects", "更正事件", true, "the event id of an earlier event this row corrects and replaces"),
  EVENT_ID("event_id", "事件编号", true, "your own unique id of the event; derived from the row's content when empty"),
  ROW_ID("row_id", "编号", true, "your log's own number for the row: the row imported again with other content corrects its earlier event");

  private static final Map<String, Column> BY_HEADER = new HashMap<>();

  static {
    for (Column column : values()) {
      BY_HEADER.put(normalise(column.english), column);
      BY_HEADER.put(normalise(column.chinese), column);
    }
    // the header the offices' and partners' sheets use
    BY_HEADER.put(normalise("外办"), OFFICE);
  }

  private final String english;
  private final String chinese;
  private final boolean everyType;
  private final String meaning;

  Column(String english, String chinese, boolean everyType, String meaning) {
    this.english = english;
    this.chinese = chinese;
    this.everyType = everyType;
    this.meaning = meaning;
  }

  /** The English header, e.g. "end_date". */
  public String english() {
    return english;
  }

  /** The Simplified Chinese header, e.g. "结束日期". */
  public String chinese() {
    return chinese;
  }

  public String meaning() {
    return meaning;
  }

  /** Whether rows of this event type (Avro name, e.g. "DelegationVisited") may fill the column. */
  public boolean usedBy(String type) {
    return everyType || SheetForm.of(type).columns().contains(this);
  }

  /** Whether every row may fill it: one of the envelope's columns. */
  public boolean everyType() {
    return everyType;
  }

  /** The event types that use the column, by Avro name; empty when every type does. */
  public Set<String> types() {
    return everyType ? Set.of() : SheetForm.all().stream().filter(form -> form.columns().contains(this))
        .map(SheetForm::type).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The column a header names, in English or Chinese, any case, surrounding spaces ignored. */
  public static Optional<Column> forHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(normalise(header)));
  }

  /** The columns rows of this type may fill. */
  public static List<Column> usedBy(String type, Set<Column> among) {
    EnumSet<Column> used = EnumSet.noneOf(Column.class);
    for (Column column : among) {
      if (column.usedBy(type)) {
        used.add(column);
      }
    }
    return List.copyOf(used);
  }

  private static String normalise(String header) {
    return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  @Override
  public String toString() {
    return english + "/" + chinese;
  }
}
