package org.amity.consumers.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.dashboard.Fixtures;
import org.amity.events.Domain;
import org.amity.events.Money;
import org.amity.labels.Labels;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.partners.StatusChange;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shanghai's 2024 report over a view made by hand: the partners of the year (not one ended before it, established after
 * it, or of another office), their bands at both ends, revived and newly dormant partners, the exchanges and what they
 * yielded (own, and with Changning), the open follow-ups and what is coming; written as XLSX and PDF in both
 * languages and read back with POI and PDFBox.
 */
class LeadershipReportTest {
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static final String OSAKA = "shanghai/jp-osaka";
  private static final String CHICAGO = "shanghai/us-chicago";
  private static final String LYON = "shanghai/fr-lyon";
  private static final String HIRAKATA = "shanghai-changning/jp-hirakata";
  private static final String SACRAMENTO = "jinan/us-sacramento";
  private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private static final DashboardView VIEW = new DashboardView();
  private static final Map<String, BandsAt.Bands> BANDS = Map.of(
      ROTTERDAM, new BandsAt.Bands(Band.DORMANT, Band.ACTIVE),
      OSAKA, new BandsAt.Bands(Band.ACTIVE, Band.DORMANT),
      HIRAKATA, new BandsAt.Bands(Band.NEW, Band.COOLING));
  private static LeadershipReport report;

  @BeforeAll
  static void view() {
    Fixtures.shanghaiAndChangning(VIEW);
    VIEW.putOffice("jinan", Fixtures.office("jinan", "Jinan FAO", "济南市外办", null));
    relationship(ROTTERDAM, "Rotterdam", "鹿特丹", "NL", LocalDate.of(1979, 5, 29));
    relationship(OSAKA, "Osaka", "大阪", "JP", LocalDate.of(1974, 4, 18));
    relationship(HIRAKATA, "Hirakata", "枚方", "JP", LocalDate.of(1987, 1, 1));
    relationship(LYON, "Lyon", "里昂", "FR", LocalDate.of(2025, 3, 1));
    relationship(SACRAMENTO, "Sacramento", "萨克拉门托", "US", LocalDate.of(1985, 1, 1));
    Relationship chicago = relationship(CHICAGO, "Chicago", "芝加哥", "US", LocalDate.of(1985, 9, 5));
    chicago.setStatus(RelationshipStatus.ENDED);
    chicago.setStatusHistory(List.of(new StatusChange(RelationshipStatus.FORMAL, LocalDate.of(1985, 9, 5)),
        new StatusChange(RelationshipStatus.ENDED, LocalDate.of(2023, 6, 1))));
    VIEW.putRelationship(CHICAGO, chicago);

    // a forum naming Rotterdam and Hirakata is one exchange; one of 2023 and one of Jinan's are not this report's
    VIEW.addEvent(Fixtures.forum("youth-go", Instant.parse("2024-05-01T01:00:00Z"),
        List.of(Domain.EDUCATION_AND_YOUTH, Domain.SPORT), ROTTERDAM, HIRAKATA));
    VIEW.addEvent(Fixtures.forum("port-forum", Instant.parse("2024-12-31T15:00:00Z"), List.of(Domain.PORTS_AND_LOGISTICS),
        ROTTERDAM));
    VIEW.addEvent(Fixtures.forum("old-forum", Instant.parse("2023-12-31T15:59:00Z"), List.of(Domain.CULTURE),
        OSAKA));
    VIEW.addEvent(Fixtures.forum("jinan-forum", Instant.parse("2024-06-01T01:00:00Z"), List.of(Domain.CULTURE),
        SACRAMENTO));

    VIEW.putYield(ROTTERDAM, yieldOf(ROTTERDAM,
        new YieldEvent("harbour-deal", "AgreementSigned", Instant.parse("2024-03-01T02:00:00Z"),
            new Money(630_000_000L, "USD"), null, true),
        new YieldEvent("youth-go", "ForumHeld", Instant.parse("2024-05-01T01:00:00Z"), null, 120L, true),
        new YieldEvent("old-visit", "DelegationVisited", Instant.parse("2023-11-01T02:00:00Z"), null, 9L, true)));
    VIEW.putYield(HIRAKATA, yieldOf(HIRAKATA,
        new YieldEvent("youth-go", "ForumHeld", Instant.parse("2024-05-01T01:00:00Z"), null, 120L, false),
        new YieldEvent("painting", "ExchangeProgramme", Instant.parse("2024-08-01T02:00:00Z"), null, 40L, true)));
    VIEW.putYield(SACRAMENTO, yieldOf(SACRAMENTO,
        new YieldEvent("jinan-deal", "AgreementSigned", Instant.parse("2024-03-01T02:00:00Z"),
            new Money(1_000L, "USD"), null, true)));

    VIEW.addAlert(alert(HIRAKATA, AlertKind.REVIVED, Instant.parse("2024-06-01T02:00:00Z")).setFromBand(Band.DORMANT)
        .build());
    VIEW.addAlert(alert(ROTTERDAM, AlertKind.ANNIVERSARY, NOW).setAnniversaryYears(50)
        .setAnniversaryOn(LocalDate.of(2029, 5, 29)).build());
    VIEW.addAlert(alert(OSAKA, AlertKind.ANNIVERSARY, NOW).setAlertId("past").setAnniversaryYears(50)
        .setAnniversaryOn(LocalDate.of(2024, 4, 18)).build());
    VIEW.addAlert(alert(OSAKA, AlertKind.AGREEMENT_EXPIRING, NOW).setAgreementEventId("osaka-mou")
        .setAgreementSignedOn(LocalDate.of(2022, 2, 1)).setAgreementValidUntil(LocalDate.of(2027, 2, 1)).build());
    VIEW.putFollowUp("osaka|WENT_DORMANT", followUp("osaka|WENT_DORMANT", OSAKA, FollowUpStatus.ASSIGNED));
    VIEW.putFollowUp("rotterdam|COOLING", followUp("rotterdam|COOLING", ROTTERDAM, FollowUpStatus.CLOSED));

    report = ReportFromView.make(VIEW, (id, start, end) -> Optional.ofNullable(BANDS.get(id)), "shanghai",
        ReportPeriod.parse("2024", TODAY), NOW);
  }

  @Test
  void thePartnersOfTheYearAreTheOfficesAndThoseBelowItThatExisted() {
    assertThat(report.partners()).extracting(LeadershipReport.Partner::relationshipId).as("own first, by name")
        .containsExactly(OSAKA, ROTTERDAM, HIRAKATA);
    assertThat(report.bandsOverTime()).isTrue();
    assertThat(report.revived()).extracting(change -> change.partner().relationshipId())
        .as("Rotterdam by its bands, Hirakata by the alert of the year").containsExactly(ROTTERDAM, HIRAKATA);
    assertThat(report.newlyDormant()).extracting(change -> change.partner().relationshipId()).containsExactly(OSAKA);
    assertThat(report.exchanges()).as("the forum naming two partners once; neither 2023's nor Jinan's").isEqualTo(2);
    assertThat(report.exchangesByDomain()).containsExactly(Map.entry("EDUCATION_AND_YOUTH", 1L),
        Map.entry("PORTS_AND_LOGISTICS", 1L), Map.entry("SPORT", 1L));
    assertThat(report.openFollowUps()).extracting(FollowUp::getAlertId).containsExactly("osaka|WENT_DORMANT");
    assertThat(report.anniversaries()).extracting(Alert::getRelationshipId).containsExactly(ROTTERDAM);
    assertThat(report.expiringAgreements()).extracting(Alert::getAgreementEventId).containsExactly("osaka-mou");
  }

  @Test
  void aRevivalIsShownAsItsAlertSaysAndOneFoundByBandsAsTheBandsSay() {
    LeadershipReport.Change hirakata = report.revived().get(1);
    assertThat(hirakata.partner().atStart() + " → " + hirakata.partner().atEnd()).as("cooling again by the year's end")
        .isEqualTo("NEW → COOLING");
    assertThat(List.of(String.valueOf(hirakata.on()), hirakata.from(), hirakata.to()))
        .containsExactly("2024-06-01", "DORMANT", "ACTIVE");
    LeadershipReport.Change rotterdam = report.revived().get(0);
    assertThat(rotterdam.on()).isNull();
    assertThat(List.of(rotterdam.from(), rotterdam.to()))
        .containsExactly(rotterdam.partner().atStart(), rotterdam.partner().atEnd());
  }

  @Test
  void aPeriodUnderWayEndsNowAndTheStreamsApplicationIsNotAskedAgainOnceItFails() {
    List<Instant> ends = new ArrayList<>();
    ReportFromView.make(VIEW, (id, start, end) -> {
      ends.add(end);
      return Optional.of(new BandsAt.Bands(Band.ACTIVE, Band.ACTIVE));
    }, "shanghai", ReportPeriod.parse("2026", TODAY), NOW);
    assertThat(ends).isNotEmpty().containsOnly(NOW);

    List<String> asked = new ArrayList<>();
    LeadershipReport unanswered = ReportFromView.make(VIEW, (id, start, end) -> {
      asked.add(id);
      return Optional.empty();
    }, "shanghai", ReportPeriod.parse("2024", TODAY), NOW);
    assertThat(asked).hasSize(1);
    assertThat(unanswered.bandsOverTime()).isFalse();
    assertThat(unanswered.partners()).extracting(LeadershipReport.Partner::atStart).containsOnlyNulls();
  }

  @Test
  void withoutAStatusHistoryTheStatusOfNowCountsFromTodayOnly() {
    Relationship ended = Fixtures.relationship("shanghai/it-milan", "Milan", "米兰", "IT", null,
        RelationshipKind.SISTER_CITY, LocalDate.of(1979, 1, 1));
    ended.setStatus(RelationshipStatus.ENDED);
    assertThat(ReportFromView.statusOn(ended, LocalDate.of(2024, 6, 1), TODAY)).as("unknown then").isNull();
    assertThat(ReportFromView.statusOn(ended, TODAY, TODAY)).isEqualTo(RelationshipStatus.ENDED);
    assertThat(ReportFromView.statusOn(VIEW.relationship(CHICAGO).orElseThrow(), LocalDate.of(2023, 5, 31), TODAY))
        .isEqualTo(RelationshipStatus.FORMAL);
  }

  @Test
  void theWorkbookHoldsTheFiguresInChinese() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxReport.write(report, Labels.ZH, out);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("上海市外办友城工作报告（2024年）");
      Map<String, List<Object>> bands = rows(book.getSheet("伙伴活力等级及变化"));
      assertThat(bands.get("正常")).containsExactly(1.0, 1.0, 0.0);
      assertThat(bands.get("新建")).containsExactly(1.0, 0.0, -1.0);
      assertThat(bands.get("趋冷")).containsExactly(0.0, 1.0, 1.0);
      assertThat(bands.get("合计")).containsExactly(3.0, 3.0, 0.0);
      Map<String, List<Object>> yields = rows(book.getSheet("交流成果"));
      assertThat(yields.get("协议与项目金额 USD")).containsExactly(6_300_000.0, 6_300_000.0);
      assertThat(yields.get(people("ForumHeld", Labels.ZH))).containsExactly(120.0, 120.0);
      assertThat(yields.get(people("ExchangeProgramme", Labels.ZH))).as("Changning's").containsExactly("", 40.0);
      assertThat(yields.get("事件：" + Labels.text("EventType.ForumHeld", Labels.ZH))).containsExactly(1.0, 1.0);
      assertThat(rows(book.getSheet("交流（按类型）")).get("合计")).containsExactly(2.0);
      assertThat(rows(book.getSheet("新转入休眠的伙伴")).keySet())
          .containsExactlyInAnyOrder("新转入休眠的伙伴", "伙伴", "大阪 Osaka");
      assertThat(rows(book.getSheet("未结跟进事项")).get("大阪 Osaka")).containsExactly("转入休眠", "已指派", "li.wei", "2027年1月15日");
    }
  }

  @Test
  void thePdfSaysTheSameInEnglishAndChinese() throws Exception {
    Assumptions.assumeTrue(ReportFont.USUAL.stream().anyMatch(f -> new File(f).canRead()),
        "no Chinese font on this machine (CI installs fonts-wqy-microhei)");
    String english = pdfText(report, Labels.EN);
    assertThat(english).contains(flat("Shanghai FAO: partnerships report (2024)"),
        flat("Values committed, USD 6,300,000.00 6,300,000.00"), flat(people("ExchangeProgramme", Labels.EN) + " 40"),
        flat("Partners that went dormant Partner Office Changed on Before After Osaka 大阪 Shanghai FAO In period Active Dormant"),
        flat("Osaka 大阪 Went dormant Assigned li.wei 15 January 2027"), flat("Rotterdam 鹿特丹 50 29 May 2029"));
    String chinese = pdfText(report, Labels.ZH);
    assertThat(chinese).contains(flat("上海市外办友城工作报告（2024年）"), flat("协议与项目金额 USD 6,300,000.00 6,300,000.00"),
        flat("恢复活力的伙伴 伙伴 外办 变化日期 变化前 变化后 鹿特丹 Rotterdam 上海市外办 期初至期末 休眠 正常 枚方 Hirakata 长宁区外办 2024年6月1日 休眠 正常"),
        flat("大阪 Osaka 2022年2月1日 2027年2月1日"));
  }

  private static String people(String type, Locale language) {
    return Labels.format("report.people", language, Labels.text("People." + type, language));
  }

  /** Text without its spaces and line breaks, which a PDF places as its layout needs. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String pdfText(LeadershipReport report, Locale language) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReport.write(report, language, ReportFont.find(null), out);
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      PDFTextStripper text = new PDFTextStripper();
      text.setSortByPosition(true);
      return flat(text.getText(pdf));
    }
  }

  /** Each row's cells after the first, by the first: numbers as doubles, text as text, empty as "". */
  static Map<String, List<Object>> rows(Sheet sheet) {
    assertThat(sheet).isNotNull();
    Map<String, List<Object>> rows = new HashMap<>();
    for (Row row : sheet) {
      if (row.getCell(0) == null) {
        continue;
      }
      List<Object> cells = new ArrayList<>();
      for (int i = 1; i < row.getLastCellNum(); i++) {
        var cell = row.getCell(i);
        cells.add(cell == null ? "" : switch (cell.getCellType()) {
          case NUMERIC -> cell.getNumericCellValue();
          default -> cell.getStringCellValue();
        });
      }
      rows.put(row.getCell(0).getStringCellValue(), cells);
    }
    return rows;
  }

  private static Relationship relationship(String id, String en, String zh, String country, LocalDate established) {
    Relationship r = Fixtures.relationship(id, en, zh, country, null, RelationshipKind.SISTER_CITY, established);
    VIEW.putRelationship(id, r);
    return r;
  }

  private static RelationshipYield yieldOf(String id, YieldEvent... events) {
    Map<Integer, List<YieldEvent>> byYear = new TreeMap<>();
    for (YieldEvent e : events) {
      byYear.computeIfAbsent(e.getOccurredAt().atZone(ZoneOffset.ofHours(8)).getYear(), y -> new ArrayList<>()).add(e);
    }
    List<YearYield> years = new ArrayList<>();
    byYear.forEach((year, list) -> years.add(new YearYield(year, Map.of(), Map.of(), list)));
    return new RelationshipYield(id, id.split("/")[0], id, null, years);
  }

  private static Alert.Builder alert(String id, AlertKind kind, Instant raisedAt) {
    Relationship r = VIEW.relationship(id).orElseThrow();
    return Alert.newBuilder().setAlertId(id + "|" + kind).setKind(kind).setRelationshipId(id)
        .setOfficeId(r.getOfficeId()).setPartnerNameEn(r.getPartnerNameEn()).setPartnerNameZh(r.getPartnerNameZh())
        .setRaisedAt(raisedAt).setBand(Band.ACTIVE).setScore(40).setMessage(kind + " " + id)
        .setModelVersion("vitality-1");
  }

  private static FollowUp followUp(String alertId, String id, FollowUpStatus status) {
    Relationship r = VIEW.relationship(id).orElseThrow();
    return FollowUp.newBuilder().setAlertId(alertId).setAlertKind(AlertKind.WENT_DORMANT).setRelationshipId(id)
        .setOfficeId(r.getOfficeId()).setPartnerNameEn(r.getPartnerNameEn()).setPartnerNameZh(r.getPartnerNameZh())
        .setStatus(status).setAssignee("li.wei").setDueOn(LocalDate.of(2027, 1, 15)).setUpdatedAt(NOW).build();
  }
}
