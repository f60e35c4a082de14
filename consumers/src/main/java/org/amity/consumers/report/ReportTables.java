package org.amity.consumers.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.view.World;
import org.amity.labels.Labels;
import org.amity.partners.Office;

/**
 * A leadership report as titled tables in one language: what both the XLSX and the PDF show, in the same order.
 * Cells are text, whole numbers (Long) or amounts in a currency's main unit (BigDecimal); a null cell is empty.
 */
public final class ReportTables {
  /** The standings in the order the report lists them; null (unknown) last. */
  static final List<String> STANDINGS = Arrays.asList("THRIVING", "ACTIVE", "NEW", "COOLING", "DORMANT", "SUSPENDED",
      "ENDED", null);

  /** One table: its title, column headings, rows and a note under it (or null). */
  public record Table(String title, List<String> header, List<List<Object>> rows, String note) {}

  private final LeadershipReport report;
  private final Locale language;

  private ReportTables(LeadershipReport report, Locale language) {
    this.report = report;
    this.language = language;
  }

  /** The report's title: the office and the period. */
  public static String title(LeadershipReport report, Locale language) {
    String office = language.getLanguage().equals("zh") && report.nameZh() != null ? report.nameZh() : report.nameEn();
    return Labels.format("report.title", language, office, report.period().words(language));
  }

  public static List<Table> of(LeadershipReport report, Locale language) {
    return new ReportTables(report, language).all();
  }

  private List<Table> all() {
    return List.of(summary(), bands(), partners(),
        count("report.byType", "report.type", report.exchangesByType(), type -> symbol("EventType." + type),
            incompleteNote()),
        count("report.byDomain", "report.domain", report.exchangesByDomain(), domain -> symbol("Domain." + domain),
            word("report.domainNote")),
        yields(), changes("report.revived", report.revived()), changes("report.newlyDormant", report.newlyDormant()),
        followUps(), anniversaries(), agreements()).stream().map(this::orNone).toList();
  }

  /** A table without rows says so in a row of its own, as wide as the others. */
  private Table orNone(Table table) {
    if (!table.rows().isEmpty()) {
      return table;
    }
    List<Object> none = new ArrayList<>(Collections.nCopies(table.header().size(), ""));
    none.set(0, word("report.none"));
    return new Table(table.title(), table.header(), List.of(none), table.note());
  }

  private Table summary() {
    return new Table(word("report.summary"), List.of(word("report.item"), ""), List.of(
        row(word("report.office"), name(report.nameZh(), report.nameEn())),
        row(word("report.period"), report.period().words(language)),
        row(word("report.madeAt"), Labels.dateTime(report.madeAt(), report.zone(), language)),
        row(word("report.partners"), (long) report.partners().size()),
        row(word("report.exchanges"), (long) report.exchanges()),
        row(word("report.sources"), word("report.sourcesText"))), null);
  }

  private Table bands() {
    List<List<Object>> rows = new ArrayList<>();
    for (String standing : STANDINGS) {
      long atStart = report.partners().stream().filter(p -> Objects.equals(p.atStart(), standing)).count();
      long atEnd = report.partners().stream().filter(p -> Objects.equals(p.atEnd(), standing)).count();
      if (atStart > 0 || atEnd > 0) {
        rows.add(row(standingWord(standing), atStart, atEnd, atEnd - atStart));
      }
    }
    rows.add(row(word("report.total"), (long) report.partners().size(), (long) report.partners().size(), 0L));
    return new Table(word("report.bands"), List.of(word("report.band"), word("report.atStart"),
        word("report.atEnd"), word("report.change")), rows, report.bandsOverTime() ? null : word("report.bandsNow"));
  }

  private Table partners() {
    return new Table(word("report.partnerList"), List.of(word("report.partner"), word("report.office"),
        word("report.country"), word("report.atStart"), word("report.atEnd")), report.partners().stream()
        .map(p -> row(name(p.nameZh(), p.nameEn()), officeName(p.officeId()), country(p.country()), standingWord(p.atStart()),
            standingWord(p.atEnd()))).toList(), null);
  }

  private Table count(String title, String what, Map<String, Long> counts, Function<String, String> label,
                      String note) {
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach((key, n) -> rows.add(row(label.apply(key), n)));
    if (title.equals("report.byType")) {
      rows.add(row(word("report.total"), (long) report.exchanges()));
    }
    return new Table(word(title), List.of(word(what), word("report.count")), rows, note);
  }

  private String incompleteNote() {
    return report.incompleteTimelines().isEmpty() ? null : Labels.format("report.incomplete", language,
        DashboardView.MAX_EXCHANGES, String.join(", ", report.incompleteTimelines()));
  }

  private Table yields() {
    LeadershipReport.Yield own = report.own();
    LeadershipReport.Yield all = report.withOfficesBelow();
    List<List<Object>> rows = new ArrayList<>();
    for (String currency : keys(own.money(), all.money())) {
      rows.add(row(Labels.format("report.money", language, currency), amount(own.money().get(currency), currency),
          amount(all.money().get(currency), currency)));
    }
    for (String type : keys(own.people(), all.people())) {
      rows.add(row(Labels.format("report.people", language, word("People." + type)), own.people().get(type),
          all.people().get(type)));
    }
    for (String type : keys(own.events(), all.events())) {
      rows.add(row(Labels.format("report.events", language, word("EventType." + type)), own.events().get(type),
          all.events().get(type)));
    }
    return new Table(word("report.yield"), List.of(word("report.item"), word("report.own"),
        word("report.withBelow")), rows, null);
  }

  private Table changes(String title, List<LeadershipReport.Change> changes) {
    return new Table(word(title), List.of(word("report.partner"), word("report.office"), word("report.changedOn"),
        word("report.before"), word("report.after")), changes.stream().map(c -> row(name(c.partner().nameZh(),
        c.partner().nameEn()), officeName(c.partner().officeId()), c.on() == null ? word("report.fromStartToEnd")
        : Labels.date(c.on(), language), standingWord(c.from()), standingWord(c.to()))).toList(),
        report.alertsIncomplete() ? Labels.format("report.alertsIncomplete", language, DashboardView.MAX_ALERTS) : null);
  }

  private Table followUps() {
    return new Table(word("report.followUps"), List.of(word("report.partner"), word("report.alert"),
        word("report.status"), word("report.assignee"), word("report.dueOn"), word("report.plan")),
        report.openFollowUps().stream().map(this::followUp).toList(), null);
  }

  private List<Object> followUp(FollowUp f) {
    String plan = f.getPlanned() == null ? null : word("EventType." + f.getPlanned().getPlan().getEventType()) + " "
        + Labels.date(f.getPlanned().getPlan().getPlannedOn(), language);
    return row(name(f.getPartnerNameZh(), f.getPartnerNameEn()), symbol("AlertKind." + f.getAlertKind()),
        symbol("FollowUpStatus." + f.getStatus()), f.getAssignee(), f.getDueOn() == null ? null
            : Labels.date(f.getDueOn(), language), plan);
  }

  private Table anniversaries() {
    return new Table(word("report.anniversaries"), List.of(word("report.partner"), word("report.years"),
        word("report.date")), report.anniversaries().stream().map((Alert a) -> row(
        name(a.getPartnerNameZh(), a.getPartnerNameEn()), (long) a.getAnniversaryYears(),
        Labels.date(a.getAnniversaryOn(), language))).toList(), null);
  }

  private Table agreements() {
    return new Table(word("report.agreements"), List.of(word("report.partner"), word("report.signedOn"),
        word("report.validUntil")), report.expiringAgreements().stream().map((Alert a) -> row(
        name(a.getPartnerNameZh(), a.getPartnerNameEn()), a.getAgreementSignedOn() == null ? null
            : Labels.date(a.getAgreementSignedOn(), language), Labels.date(a.getAgreementValidUntil(), language)))
        .toList(), null);
  }

  private static Set<String> keys(Map<String, Long> a, Map<String, Long> b) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** Minor units as an amount in the currency's main unit: 630000000000 USD cents is 6300000000.00. */
  static BigDecimal amount(Long minor, String currency) {
    if (minor == null) {
      return null;
    }
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    return BigDecimal.valueOf(minor, digits);
  }

  private String name(String zh, String en) {
    if (zh == null) {
      return en;
    }
    return language.getLanguage().equals("zh") ? zh + " " + en : en + " " + zh;
  }

  /** The office's name in the report's language, else in the other; its id when it has none. */
  private String officeName(String id) {
    Office office = report.offices().get(id);
    if (office == null) {
      return id;
    }
    String zh = office.getNameZh();
    String en = office.getNameEn();
    return language.getLanguage().equals("zh") && zh != null ? zh : en != null ? en : id;
  }

  private String country(String code) {
    return World.shipped().country(code).map(c -> language.getLanguage().equals("zh") ? c.nameZh() : c.nameEn())
        .orElse(code);
  }

  private String standingWord(String standing) {
    return standing == null ? word("report.unknown") : capitalised(Labels.standing(standing, language));
  }

  private String word(String key) {
    return Labels.text(key, language);
  }

  /** A symbol's word as a cell shows it: "Active", not "active". */
  private String symbol(String key) {
    return capitalised(word(key));
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }
}
