package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.DaysSince;
import org.amity.json.RecordJson;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.text.FormulaSafe;

/** The partner table: one row per relationship known (master data or a score), filtered and sorted. */
final class PartnerTable {
  static final List<String> CSV_COLUMNS = List.of("relationshipId", "officeId", "partnerId", "partnerNameEn",
      "partnerNameZh", "country", "region", "kind", "status", "establishedOn", "responsibleOfficer", "score", "band",
      "trend", "daysSinceLastExchange", "forecastDormantOn", "scoredAt");
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One row of the table. */
  record Row(String relationshipId, String officeId, String partnerId, String partnerNameEn, String partnerNameZh,
             String country, String region, String kind, Integer score, String band, Integer trend,
             Integer daysSinceLastExchange, LocalDate forecastDormantOn, Instant scoredAt, String status) {}

  /** Filters: each null or blank means any; {@code q} matches names, ids and the region in either language. */
  record Query(String office, String band, String region, String kind, String q, String sort, boolean descending) {}

  private PartnerTable() {}

  /** The rows; days since the last exchange as of {@code now}. */
  static List<Row> rows(DashboardView view, Query query, Instant now) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Relationship r : view.relationships()) {
      rows.put(r.getRelationshipId(), new Row(r.getRelationshipId(), r.getOfficeId(), r.getPartnerId(),
          r.getPartnerNameEn(), r.getPartnerNameZh(), r.getCountry(), r.getRegion(), r.getKind().name(),
          null, standing(r, null), null, null, null, null, r.getStatus().name()));
    }
    for (RelationshipVitality v : view.vitality()) {
      Relationship r = view.relationship(v.getRelationshipId()).orElse(null);
      rows.put(v.getRelationshipId(), new Row(v.getRelationshipId(), v.getOfficeId(), v.getPartnerId(),
          r != null ? r.getPartnerNameEn() : v.getPartnerNameEn(),
          r != null && r.getPartnerNameZh() != null ? r.getPartnerNameZh() : v.getPartnerNameZh(),
          v.getCountry(), r != null && r.getRegion() != null ? r.getRegion() : v.getRegion(), v.getKind().name(),
          v.getScore(), standing(r, v), v.getTrend(), DaysSince.lastExchange(v, now), v.getForecastDormantOn(),
          v.getAt(), status(r, v).name()));
    }
    List<Row> found = new ArrayList<>();
    for (Row row : rows.values()) {
      if (matches(query.office(), row.officeId()) && matches(query.band(), row.band())
          && matches(query.region(), row.region()) && matches(query.kind(), row.kind()) && contains(query.q(), row)) {
        found.add(row);
      }
    }
    found.sort(order(query.sort(), query.descending()));
    return found;
  }

  /** The relationship's status: the master data's, else the one it was scored under. */
  static RelationshipStatus status(Relationship r, RelationshipVitality v) {
    return r != null ? r.getStatus() : v != null ? v.getStatus() : RelationshipStatus.FORMAL;
  }

  /**
   * Where the relationship stands as the table shows it: ENDED or SUSPENDED for a relationship that is not alive
   * (in no band), else its band; null before it is scored.
   */
  static String standing(Relationship r, RelationshipVitality v) {
    RelationshipStatus status = status(r, v);
    if (status == RelationshipStatus.ENDED || status == RelationshipStatus.SUSPENDED) {
      return status.name();
    }
    return v == null ? null : v.getBand().name();
  }

  private static boolean matches(String wanted, String value) {
    if (wanted == null || wanted.isBlank()) {
      return true;
    }
    for (String one : wanted.split(",")) {
      if (value != null && one.trim().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String q, Row row) {
    if (q == null || q.isBlank()) {
      return true;
    }
    String needle = q.trim().toLowerCase(Locale.ROOT);
    return row.relationshipId().toLowerCase(Locale.ROOT).contains(needle)
        || row.partnerNameEn().toLowerCase(Locale.ROOT).contains(needle)
        || (row.partnerNameZh() != null && row.partnerNameZh().contains(q.trim()))
        || (row.region() != null && (Labels.region(row.region(), Labels.EN).toLowerCase(Locale.ROOT).contains(needle)
            || Labels.region(row.region(), Labels.ZH).contains(q.trim())));
  }

  private static Comparator<Row> order(String sort, boolean descending) {
    Comparator<Row> byName = Comparator.comparing(r -> r.partnerNameEn().toLowerCase(Locale.ROOT));
    Comparator<Row> comparator = switch (sort == null ? "" : sort) {
      case "name" -> byName;
      case "office" -> Comparator.comparing(Row::officeId);
      case "band" -> Comparator.comparing((Row r) -> bandRank(r.band()));
      case "trend" -> Comparator.comparing(Row::trend, Comparator.nullsFirst(Comparator.naturalOrder()));
      case "days" -> Comparator.comparing(Row::daysSinceLastExchange,
          Comparator.nullsLast(Comparator.naturalOrder()));
      case "region" -> Comparator.comparing(r -> r.region() == null ? "" : r.region());
      case "kind" -> Comparator.comparing(Row::kind);
      default -> Comparator.comparing(Row::score, Comparator.nullsFirst(Comparator.naturalOrder()));
    };
    comparator = comparator.thenComparing(Row::relationshipId);
    return descending ? comparator.reversed() : comparator;
  }

  /** THRIVING first, DORMANT last, unscored after all. */
  static int bandRank(String band) {
    if (band == null) {
      return 9;
    }
    return switch (band) {
      case "THRIVING" -> 0;
      case "ACTIVE" -> 1;
      case "NEW" -> 2;
      case "COOLING" -> 3;
      case "DORMANT" -> 4;
      case "SUSPENDED" -> 5;
      default -> 6;
    };
  }

  static ObjectNode json(Row row, DashboardView view, Instant now) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("relationshipId", row.relationshipId()).put("officeId", row.officeId())
        .put("partnerId", row.partnerId()).put("partnerNameEn", row.partnerNameEn())
        .put("partnerNameZh", row.partnerNameZh()).put("country", row.country()).put("region", row.region())
        .put("kind", row.kind()).put("score", row.score()).put("band", row.band()).put("status", row.status())
        .put("trend", row.trend())
        .put("daysSinceLastExchange", row.daysSinceLastExchange())
        .put("forecastDormantOn", row.forecastDormantOn() == null ? null : row.forecastDormantOn().toString())
        .put("scoredAt", row.scoredAt() == null ? null : row.scoredAt().toString());
    ArrayNode spark = json.putArray("sparkline");
    Instant yearAgo = now.minus(Duration.ofDays(365));
    List<DashboardView.Point> points = view.history(row.relationshipId()).stream()
        .filter(p -> !p.at().isBefore(yearAgo)).toList();
    int step = Math.max(1, points.size() / 52);
    for (int i = 0; i < points.size(); i += step) {
      spark.add(points.get(i).score());
    }
    if (!points.isEmpty() && (points.size() - 1) % step != 0) {
      spark.add(points.get(points.size() - 1).score());
    }
    return json;
  }

  /**
   * The rows as CSV in the language: headers and symbols in its words, dates as ISO days, the moment scored in the
   * office's time zone; with each relationship's status, establishment day and responsible officer.
   */
  static String csv(List<Row> rows, DashboardView view, Locale language) {
    StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS.stream()
        .map(c -> cell(Labels.text("csv." + c, language))).toList())).append("\r\n");
    for (Row r : rows) {
      Optional<Relationship> master = view.relationship(r.relationshipId());
      ZoneId zone = Labels.zone(view.office(r.officeId()).map(Office::getTimeZone).orElse(null));
      List<Object> cells = List.of(r.relationshipId(), r.officeId(), r.partnerId(), r.partnerNameEn(),
          text(r.partnerNameZh()), r.country(), text(Labels.region(r.region(), language)), Labels.of(RelationshipKind.valueOf(r.kind()), language),
          Labels.of(RelationshipStatus.valueOf(r.status()), language),
          text(master.map(Relationship::getEstablishedOn).orElse(null)),
          text(master.map(Relationship::getResponsibleOfficer).orElse(null)), text(r.score()),
          r.band() == null ? "" : Labels.standing(r.band(), language), text(r.trend()), text(r.daysSinceLastExchange()),
          text(r.forecastDormantOn()), r.scoredAt() == null ? "" : LOCAL_TIME.format(r.scoredAt().atZone(zone)));
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(cells.get(i).toString()));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static Object text(Object value) {
    return value == null ? "" : value;
  }

  /** RFC 4180 quoting; a cell a spreadsheet would read as a formula is prefixed with an apostrophe. */
  private static String cell(String value) {
    String safe = FormulaSafe.cell(value);
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
