package org.amity.producers.sheet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.amity.contract.Problem;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.producers.partners.OfficeRules;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.sheet.MasterSheet.Column;

/**
 * Offices and relationships imported from the spreadsheets offices keep (CSV in any encoding they save, or XLSX;
 * English or Chinese headers). All or nothing: every row is checked as master data entered any other way, and one
 * bad row means nothing is written. A row of a registered office or relationship changes only the fields its cells
 * fill; a row equal to what is registered writes nothing, so importing a file again changes nothing. A partner may be
 * named as staff know it: by id, or by its Chinese or English name within its office.
 */
public final class MasterDataImport {
  static final Column OFFICE_ID = Column.of("office_id", "外办编号", "编号", "id");
  static final Column OFFICE_NAME_EN = Column.of("name_en", "英文名称", "english name");
  static final Column OFFICE_NAME_ZH = Column.of("name_zh", "中文名称", "名称", "外办名称");
  static final Column OFFICE_LEVEL = Column.of("level", "级别");
  static final Column PARENT = Column.of("parent", "上级外办", "上级", "parent_office");
  static final Column ALERT_CONTACT = Column.of("alert_contact", "提醒邮箱", "联系邮箱", "email");
  static final Column LANGUAGE = Column.of("language", "语言");
  static final Column TIME_ZONE = Column.of("time_zone", "时区");

  static final Column OFFICE = Column.of("office", "外办");
  static final Column PARTNER_ID = Column.of("partner_id", "伙伴编号");
  static final Column NAME_EN = Column.of("partner_name_en", "英文名", "name_en", "英文名称");
  static final Column NAME_ZH = Column.of("partner_name_zh", "伙伴", "name_zh", "中文名", "中文名称", "伙伴名称", "友城");
  static final Column NAME_LOCAL = Column.of("partner_name_local", "当地名称", "name_local", "外文名称");
  static final Column COUNTRY = Column.of("country", "国家", "国别");
  static final Column REGION = Column.of("region", "地区", "大洲");
  static final Column KIND = Column.of("kind", "关系类型", "类型");
  static final Column PARTNER_LEVEL = Column.of("level", "伙伴级别", "级别");
  static final Column ESTABLISHED = Column.of("established", "结好日期", "建立日期", "缔结日期");
  static final Column STATUS = Column.of("status", "状态");
  static final Column STATUS_SINCE = Column.of("status_since", "状态日期");
  static final Column OFFICER = Column.of("officer", "负责人", "联系人");

  private static final List<Column> OFFICE_COLUMNS = List.of(OFFICE_ID, OFFICE_NAME_EN, OFFICE_NAME_ZH, OFFICE_LEVEL,
      PARENT, ALERT_CONTACT, LANGUAGE, TIME_ZONE);
  private static final List<Column> RELATIONSHIP_COLUMNS = List.of(OFFICE, PARTNER_ID, NAME_EN, NAME_ZH, NAME_LOCAL,
      COUNTRY, REGION, KIND, PARTNER_LEVEL, ESTABLISHED, STATUS, STATUS_SINCE, OFFICER);

  /** The column a field of the record comes from, to name in a problem. */
  private static final Map<String, String> OFFICE_FIELDS = Map.of("officeId", OFFICE_ID.label(),
      "nameEn", OFFICE_NAME_EN.label(), "nameZh", OFFICE_NAME_ZH.label(), "level", OFFICE_LEVEL.label(),
      "parentOfficeId", PARENT.label(), "alertContact", ALERT_CONTACT.label(), "language", LANGUAGE.label(),
      "timeZone", TIME_ZONE.label());
  private static final Map<String, String> RELATIONSHIP_FIELDS = Map.ofEntries(Map.entry("officeId", OFFICE.label()),
      Map.entry("partnerId", PARTNER_ID.label()), Map.entry("relationshipId", PARTNER_ID.label()),
      Map.entry("partnerNameEn", NAME_EN.label()), Map.entry("partnerNameZh", NAME_ZH.label()),
      Map.entry("country", COUNTRY.label()), Map.entry("establishedOn", ESTABLISHED.label()),
      Map.entry("status", STATUS.label()), Map.entry("statusSince", STATUS_SINCE.label()));

  private final PartnerRegistry registry;
  private final Clock clock;

  public MasterDataImport(PartnerRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** One row's record, what is registered under its id (if anything), and the row's own problems. */
  private record Candidate<T>(int row, T record, Optional<T> registered, LocalDate statusSince, String parentText) {}

  public MasterDataReport offices(Path file, ImportOptions options) {
    MasterSheet sheet = new MasterSheet(SheetReader.read(file, options.encoding()), OFFICE_COLUMNS, List.of(OFFICE_ID));
    MasterDataReport report = report(file, "外办 / offices", options, sheet);
    Map<String, Candidate<Office>> byId = new LinkedHashMap<>();
    for (Sheet.Row row : sheet.rows()) {
      report.row();
      officeRow(sheet, row, report).ifPresent(c -> {
        if (byId.putIfAbsent(c.record().getOfficeId(), c) != null) {
          report.problem(row.number(), OFFICE_ID.label(), "外办 " + c.record().getOfficeId() + " 在第 "
              + byId.get(c.record().getOfficeId()).row() + " 行已出现 / appears in row " + byId.get(c.record().getOfficeId()).row()
              + " already");
        }
      });
    }
    Map<String, Office> overlay = new HashMap<>();
    registry.offices().list().forEach(o -> overlay.put(o.getOfficeId(), o));
    byId.values().forEach(c -> overlay.put(c.record().getOfficeId(), c.record()));
    List<Candidate<Office>> resolved = new ArrayList<>();
    for (Candidate<Office> c : byId.values()) {
      Office office = withParent(c, overlay.values(), report);
      overlay.put(office.getOfficeId(), office);
      resolved.add(new Candidate<>(c.row(), office, c.registered(), null, null));
    }
    for (Candidate<Office> c : resolved) {
      List<Problem> problems = OfficeRules.problems(c.record(), id -> Optional.ofNullable(overlay.get(id)),
          id -> overlay.values().stream().filter(o -> id.equals(o.getParentOfficeId()) && !o.getOfficeId().equals(id)).toList());
      problems.forEach(p -> report.problem(c.row(), OFFICE_FIELDS.getOrDefault(p.path(), p.path()), p.reason()));
    }
    if (report.success()) {
      resolved.sort((a, b) -> Integer.compare(depth(a.record(), overlay), depth(b.record(), overlay)));
      write(resolved, report, options, Office::getOfficeId, registry::put, (a, b) -> a.equals(b));
    }
    return report;
  }

  public MasterDataReport relationships(Path file, ImportOptions options) {
    MasterSheet sheet = new MasterSheet(SheetReader.read(file, options.encoding()), RELATIONSHIP_COLUMNS, List.of());
    if (!sheet.has(PARTNER_ID) && !sheet.has(NAME_EN) && !sheet.has(NAME_ZH)) {
      throw new SheetException(file + "：第 1 行须有伙伴编号、英文名或中文名一列 / row 1 needs a partner_id, partner_name_en or "
          + "partner_name_zh column to name the partners");
    }
    MasterDataReport report = report(file, "友好关系 / relationships", options, sheet);
    Map<String, Candidate<Relationship>> byId = new LinkedHashMap<>();
    for (Sheet.Row row : sheet.rows()) {
      report.row();
      relationshipRow(sheet, row, options, report).ifPresent(c -> {
        String id = c.record().getRelationshipId();
        if (byId.putIfAbsent(id, c) != null) {
          report.problem(row.number(), PARTNER_ID.label(), "关系 " + id + " 在第 " + byId.get(id).row() + " 行已出现 / "
              + id + " appears in row " + byId.get(id).row() + " already");
        }
      });
    }
    checkNamesUnique(byId.values(), report);
    for (Candidate<Relationship> c : byId.values()) {
      registry.problems(c.record(), c.statusSince())
          .forEach(p -> report.problem(c.row(), RELATIONSHIP_FIELDS.getOrDefault(p.path(), p.path()), p.reason()));
    }
    if (report.success()) {
      write(new ArrayList<>(byId.values()), report, options, Relationship::getRelationshipId,
          r -> registry.put(r, byId.get(r.getRelationshipId()).statusSince()), MasterDataImport::sameRelationship);
    }
    return report;
  }

  private MasterDataReport report(Path file, String what, ImportOptions options, MasterSheet sheet) {
    MasterDataReport report = new MasterDataReport(file.getFileName().toString(), what, options.dryRun());
    if (!sheet.ignored().isEmpty()) {
      report.warning("未识别的列已忽略 / columns ignored: " + String.join(", ", sheet.ignored()));
    }
    return report;
  }

  private Optional<Candidate<Office>> officeRow(MasterSheet sheet, Sheet.Row row, MasterDataReport report) {
    Optional<String> id = sheet.cell(row, OFFICE_ID);
    if (id.isEmpty()) {
      report.problem(row.number(), OFFICE_ID.label(), "不能为空 / must not be empty");
      return Optional.empty();
    }
    Optional<Office> registered = registry.offices().get(id.get());
    Office.Builder b = registered.map(Office::newBuilder)
        .orElseGet(() -> Office.newBuilder().setOfficeId(id.get()).setNameEn("").setLevel(OfficeLevel.OTHER));
    Cells cells = new Cells(sheet, row, report);
    cells.text(OFFICE_NAME_EN).ifPresent(b::setNameEn);
    cells.text(OFFICE_NAME_ZH).ifPresent(b::setNameZh);
    cells.word(OFFICE_LEVEL, Vocabulary.OFFICE_LEVEL).ifPresent(w -> b.setLevel(OfficeLevel.valueOf(w)));
    cells.text(ALERT_CONTACT).ifPresent(b::setAlertContact);
    cells.word(LANGUAGE, Vocabulary.LANGUAGE).ifPresent(b::setLanguage);
    cells.text(TIME_ZONE).ifPresent(b::setTimeZone);
    return Optional.of(new Candidate<>(row.number(), b.build(), registered, null, sheet.cell(row, PARENT).orElse(null)));
  }

  /** The office with its parent named by id, or by a name that only one office has. */
  private static Office withParent(Candidate<Office> c, Collection<Office> offices, MasterDataReport report) {
    String text = c.parentText();
    if (text == null) {
      return c.record();
    }
    List<String> matches = offices.stream().filter(o -> o.getOfficeId().equals(text)).map(Office::getOfficeId).toList();
    if (matches.isEmpty()) {
      matches = offices.stream().filter(o -> text.equals(o.getNameZh()) || text.equalsIgnoreCase(o.getNameEn()))
          .map(Office::getOfficeId).toList();
    }
    if (matches.size() > 1) {
      report.problem(c.row(), PARENT.label(), "“" + text + "”指不止一个外办：" + String.join("、", matches) + "，请写编号 / \""
          + text + "\" names several offices (" + String.join(", ", matches) + "); write the id");
      return c.record();
    }
    return Office.newBuilder(c.record()).setParentOfficeId(matches.isEmpty() ? text : matches.get(0)).build();
  }

  private static int depth(Office office, Map<String, Office> offices) {
    int depth = 0;
    for (Office o = office; o.getParentOfficeId() != null && depth < offices.size(); depth++) {
      o = offices.get(o.getParentOfficeId());
      if (o == null) {
        break;
      }
    }
    return depth;
  }

  private Optional<Candidate<Relationship>> relationshipRow(MasterSheet sheet, Sheet.Row row, ImportOptions options,
      MasterDataReport report) {
    Cells cells = new Cells(sheet, row, report);
    Optional<String> office = cells.text(OFFICE).map(this::officeIdOf).or(() -> Optional.ofNullable(options.office()));
    if (office.isEmpty()) {
      report.problem(row.number(), OFFICE.label(), "须写明外办，或导入时用 --office / name the office here or with --office");
      return Optional.empty();
    }
    if (options.office() != null && !options.office().equals(office.get())) {
      report.problem(row.number(), OFFICE.label(), "导入的是外办 " + options.office() + " 的数据，此行却属 " + office.get()
          + " / the import is for office " + options.office() + ", not " + office.get());
      return Optional.empty();
    }
    Optional<String> country = cells.text(COUNTRY).flatMap(text -> Countries.code(text).or(() -> {
      report.problem(row.number(), COUNTRY.label(), "未知的国家“" + text + "”；请写国家代码（如 US）或国名（如 美国）"
          + " / unknown country \"" + text + "\"; write its ISO code (US) or name (United States, 美国)");
      return Optional.empty();
    }));
    // every cell is checked, so that the row's problems are all reported at once
    Optional<String> kind = cells.word(KIND, Vocabulary.RELATIONSHIP_KIND);
    Optional<String> level = cells.word(PARTNER_LEVEL, Vocabulary.PARTNER_LEVEL);
    Optional<LocalDate> established = cells.date(ESTABLISHED);
    Optional<String> status = cells.word(STATUS, Vocabulary.STATUS);
    LocalDate since = cells.date(STATUS_SINCE).orElse(null);
    Optional<Relationship> registered = find(office.get(), cells);
    Optional<String> partnerId = cells.text(PARTNER_ID).or(() -> registered.map(Relationship::getPartnerId))
        .or(() -> derivedPartnerId(country, cells.text(NAME_EN)));
    if (partnerId.isEmpty()) {
      report.problem(row.number(), PARTNER_ID.label(), "新伙伴须有伙伴编号，或有国家和英文名以生成编号 / a new partner needs a "
          + "partner_id, or a country and an English name to make one from");
      return Optional.empty();
    }
    String id = office.get() + "/" + partnerId.get();
    Optional<Relationship> existing = registered.or(() -> registry.relationships().get(id));
    Relationship.Builder b = existing.map(Relationship::newBuilder).orElseGet(() -> Relationship.newBuilder()
        .setRelationshipId(id).setOfficeId(office.get()).setPartnerId(partnerId.get()).setPartnerNameEn("").setCountry("")
        .setKind(RelationshipKind.SISTER_CITY).setPartnerLevel(PartnerLevel.CITY).setStatus(RelationshipStatus.FORMAL)
        .setUpdatedAt(Instant.now(clock)));
    b.setUpdatedAt(Instant.now(clock));
    cells.text(NAME_EN).ifPresent(b::setPartnerNameEn);
    cells.text(NAME_ZH).ifPresent(b::setPartnerNameZh);
    cells.text(NAME_LOCAL).ifPresent(b::setPartnerNameLocal);
    country.ifPresent(b::setCountry);
    cells.text(REGION).ifPresent(b::setRegion);
    kind.ifPresent(w -> b.setKind(RelationshipKind.valueOf(w)));
    level.ifPresent(w -> b.setPartnerLevel(PartnerLevel.valueOf(w)));
    established.ifPresent(b::setEstablishedOn);
    status.ifPresent(w -> b.setStatus(RelationshipStatus.valueOf(w)));
    cells.text(OFFICER).ifPresent(b::setResponsibleOfficer);
    return Optional.of(new Candidate<>(row.number(), b.build(), existing, since, null));
  }

  /** An office named by its id, or by the Chinese or English name only it has; as written when none matches. */
  private String officeIdOf(String text) {
    return registry.offices().idOf(text).orElse(text);
  }

  /** The office's registered relationship the row names: by partner id, else by its Chinese or English name. */
  private Optional<Relationship> find(String office, Cells cells) {
    Optional<String> partnerId = cells.text(PARTNER_ID);
    if (partnerId.isPresent()) {
      return registry.relationships().get(office + "/" + partnerId.get());
    }
    List<Relationship> ofOffice = registry.relationships().list(office);
    Optional<String> zh = cells.text(NAME_ZH);
    Optional<String> en = cells.text(NAME_EN);
    return ofOffice.stream()
        .filter(r -> zh.isPresent() && zh.get().equals(r.getPartnerNameZh())
            || en.isPresent() && en.get().equalsIgnoreCase(r.getPartnerNameEn()))
        .findFirst();
  }

  /** "us-sacramento" from US and Sacramento. */
  private static Optional<String> derivedPartnerId(Optional<String> country, Optional<String> nameEn) {
    if (country.isEmpty() || nameEn.isEmpty()) {
      return Optional.empty();
    }
    String place = java.text.Normalizer.normalize(nameEn.get(), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return place.isEmpty() ? Optional.empty() : Optional.of(country.get().toLowerCase(java.util.Locale.ROOT) + "-" + place);
  }

  /** Within an office, a Chinese name names one partner only, so that staff can write partners by name. */
  private void checkNamesUnique(Collection<Candidate<Relationship>> candidates, MasterDataReport report) {
    Map<String, String> owner = new HashMap<>();
    List<Relationship> all = new ArrayList<>();
    candidates.stream().map(c -> c.record().getOfficeId()).distinct()
        .forEach(office -> registry.relationships().list(office).stream()
            .filter(r -> candidates.stream().noneMatch(c -> c.record().getRelationshipId().equals(r.getRelationshipId())))
            .forEach(all::add));
    candidates.forEach(c -> all.add(c.record()));
    for (Relationship r : all) {
      if (r.getPartnerNameZh() == null) {
        continue;
      }
      String key = r.getOfficeId() + "|" + r.getPartnerNameZh();
      String other = owner.putIfAbsent(key, r.getRelationshipId());
      if (other != null && !other.equals(r.getRelationshipId())) {
        candidates.stream().filter(c -> c.record().getRelationshipId().equals(r.getRelationshipId())).findFirst()
            .ifPresent(c -> report.problem(c.row(), NAME_ZH.label(), "外办 " + r.getOfficeId() + " 已有名为“"
                + r.getPartnerNameZh() + "”的伙伴（" + other + "）/ office " + r.getOfficeId() + " has a partner of that "
                + "Chinese name already (" + other + ")"));
      }
    }
  }

  private static boolean sameRelationship(Relationship a, Relationship b) {
    return Objects.equals(Relationship.newBuilder(a).setUpdatedAt(b.getUpdatedAt()).setStatusHistory(b.getStatusHistory())
        .build(), b);
  }

  private static <T> void write(List<Candidate<T>> candidates, MasterDataReport report, ImportOptions options,
      Function<T, String> id, java.util.function.Consumer<T> put, java.util.function.BiPredicate<T, T> same) {
    for (Candidate<T> c : candidates) {
      if (c.registered().isPresent() && same.test(c.record(), c.registered().get())) {
        report.keptAsItIs();
        continue;
      }
      if (!options.dryRun()) {
        put.accept(c.record());
      }
      if (c.registered().isPresent()) {
        report.changed(id.apply(c.record()));
      } else {
        report.added(id.apply(c.record()));
      }
    }
    if (!options.dryRun()) {
      report.written();
    }
  }

  /** One row's cells read as text, words or dates; what cannot be read is reported, naming the column. */
  private record Cells(MasterSheet sheet, Sheet.Row row, MasterDataReport report) {
    Optional<String> text(Column column) {
      return sheet.cell(row, column);
    }

    Optional<String> word(Column column, Vocabulary vocabulary) {
      return text(column).flatMap(text -> vocabulary.symbol(text).or(() -> {
        report.problem(row.number(), column.label(), vocabulary.unknownInBothLanguages(text));
        return Optional.empty();
      }));
    }

    Optional<LocalDate> date(Column column) {
      return text(column).flatMap(text -> WrittenDate.parse(text).or(() -> {
        report.problem(row.number(), column.label(), "须为日期，如 2024-07-10、2024/7/10 或 2024年7月10日，而非“" + text
            + "” / must be a date like 2024-07-10, not \"" + text + "\"");
        return Optional.empty();
      }));
    }
  }
}
