package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.amity.aggregates.Alert;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.view.Exchanges;
import org.amity.contract.DaysSince;
import org.amity.json.RecordJson;
import org.amity.labels.Labels;
import org.amity.partners.Office;

/**
 * The dashboard's JSON API ({@code /api/v1/...}) over a {@link DashboardView}: each answer holds what the signed-in
 * user's offices see, and another office's relationship is answered as one that does not exist.
 */
final class DashboardApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DashboardView view;
  private final DashboardAuth auth;
  private final StreamsQueries streamsQueries;

  DashboardApi(DashboardView view, DashboardAuth auth, StreamsQueries streamsQueries) {
    this.view = view;
    this.auth = auth;
    this.streamsQueries = streamsQueries;
  }

  void routes(RoutesConfig server) {
    server.get("/api/v1/me", ctx -> ctx.json(JSON.createObjectNode().put("user", DashboardAuth.signedIn(ctx))
        .put("role", auth.role(ctx)).put("office", auth.office(ctx))));
    server.get("/api/v1/overview", ctx -> ctx.json(Overview.of(view, intParam(ctx, "alerts", 10), auth.scope(ctx))));
    server.get("/api/v1/partners", this::partners);
    server.get("/api/v1/partners.csv", this::partnersCsv);
    server.get("/api/v1/partners/{office}/{partner}", this::partner);
    server.get("/api/v1/partners/{office}/{partner}/history", this::history);
    server.get("/api/v1/alerts", this::alerts);
    server.get("/api/v1/offices/{office}", this::office);
    server.get("/api/v1/map", this::map);
    server.get("/api/v1/labels", ctx -> ctx.json(labels()));
    server.get("/api/v1/model", ctx -> ctx.json(streamsQueries.model().orElseGet(JSON::createObjectNode)));
    server.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
        .json(JSON.createObjectNode().put("status", 400).put("error", e.getMessage())));
  }

  /** The words of the contract's symbols and event types in both languages, keyed "Band.DORMANT", "EventType.ForumHeld". */
  private static ObjectNode labels() {
    ObjectNode labels = JSON.createObjectNode();
    for (Locale language : List.of(Labels.ZH, Labels.EN)) {
      ObjectNode words = labels.putObject(language.getLanguage());
      Labels.keys(language).stream().filter(key -> !key.startsWith("alert.") && !key.startsWith("format.")).sorted()
          .forEach(key -> words.put(key, Labels.text(key, language)));
    }
    return labels;
  }

  private static PartnerTable.Query query(Context ctx) {
    String sort = ctx.queryParam("sort");
    String order = ctx.queryParam("order");
    boolean descending = order == null ? (sort == null || sort.equals("score") || sort.equals("trend"))
        : order.equalsIgnoreCase("desc");
    return new PartnerTable.Query(ctx.queryParam("office"), ctx.queryParam("band"), ctx.queryParam("region"),
        ctx.queryParam("kind"), ctx.queryParam("q"), sort, descending);
  }

  /** The table's rows the user sees. */
  private List<PartnerTable.Row> rows(PartnerTable.Query query, OfficeScope scope) {
    return scope.filter(PartnerTable.rows(view, query, Instant.now()), PartnerTable.Row::officeId);
  }

  private void partners(Context ctx) {
    OfficeScope scope = auth.scope(ctx);
    List<PartnerTable.Row> rows = rows(query(ctx), scope);
    ObjectNode body = JSON.createObjectNode().put("count", rows.size());
    ArrayNode array = body.putArray("partners");
    Instant now = Instant.now();
    rows.forEach(row -> array.add(PartnerTable.json(row, view, now)));
    ObjectNode facets = body.putObject("facets");
    ArrayNode offices = facets.putArray("offices");
    ArrayNode regions = facets.putArray("regions");
    ArrayNode kinds = facets.putArray("kinds");
    List<PartnerTable.Row> all = rows(new PartnerTable.Query(null, null, null, null, null, "name", false), scope);
    all.stream().map(PartnerTable.Row::officeId).distinct().sorted().forEach(offices::add);
    all.stream().map(PartnerTable.Row::region).filter(Objects::nonNull).distinct().sorted()
        .forEach(regions::add);
    all.stream().map(PartnerTable.Row::kind).distinct().sorted().forEach(kinds::add);
    body.put("version", view.version());
    ctx.json(body);
  }

  private void partnersCsv(Context ctx) {
    ctx.header("Content-Disposition", "attachment; filename=\"amity-partners.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result("\uFEFF" + PartnerTable.csv(rows(query(ctx), auth.scope(ctx)), view,
        Labels.language(ctx.queryParam("lang"))));
  }

  private void partner(Context ctx) {
    String id = ctx.pathParam("office") + "/" + ctx.pathParam("partner");
    OfficeScope scope = auth.scope(ctx);
    Optional<RelationshipVitality> vitality = view.vitality(id);
    if (!scope.sees(ctx.pathParam("office")) || (vitality.isEmpty() && view.relationship(id).isEmpty())) {
      noRelationship(ctx, id);
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("relationshipId", id)
        .put("timeZone", Labels.zone(view.office(ctx.pathParam("office")).map(Office::getTimeZone).orElse(null)).getId());
    body.set("relationship", view.relationship(id).map(r -> (JsonNode) RecordJson.write(r)).orElse(null));
    body.set("vitality", vitality.map(v -> (JsonNode) RecordJson.write(DaysSince.asOf(v, Instant.now()))).orElse(null));
    body.set("activity", view.activity(id).map(a -> (JsonNode) RecordJson.write(a)).orElse(null));
    body.set("yield", view.yield(id).map(y -> (JsonNode) RecordJson.write(y)).orElse(null));
    ArrayNode alerts = body.putArray("alerts");
    view.alerts().stream().filter(a -> a.getRelationshipId().equals(id)).forEach(a -> alerts.add(AlertJson.of(a, view)));
    ArrayNode upcoming = body.putArray("upcoming");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    view.alerts().stream().filter(a -> a.getRelationshipId().equals(id))
        .filter(a -> (a.getAnniversaryOn() != null && !a.getAnniversaryOn().isBefore(today))
            || (a.getAgreementValidUntil() != null && !a.getAgreementValidUntil().isBefore(today)))
        .forEach(a -> upcoming.add(AlertJson.of(a, view)));
    body.set("history", seenHistory(id));
    body.set("exchanges", exchanges(id, scope));
    body.put("version", view.version());
    ctx.json(body);
  }

  /** The office page: what the office's partnerships yielded, and the events behind a year's figures. */
  private void office(Context ctx) {
    String office = ctx.pathParam("office");
    if (!auth.seesOffice(ctx, office)) {
      return;
    }
    String year = ctx.queryParam("year");
    if (year != null && !year.matches("\\d{4}")) {
      ctx.status(400).json(JSON.createObjectNode().put("status", 400)
          .put("error", "year 应为四位年份，如 2024，而不是 \"" + year + "\" / year must be a year such as 2024, not \""
              + year + "\""));
      return;
    }
    ctx.json(OfficePage.of(view, office, year == null ? null : Integer.valueOf(year)));
  }

  /** The network map of the user's offices, or of one office and the offices under it, against a chosen list. */
  private void map(Context ctx) {
    String office = ctx.queryParam("office");
    boolean oneOffice = office != null && !office.isBlank();
    if (oneOffice && !auth.seesOffice(ctx, office)) {
      return;
    }
    String list = ctx.queryParam("list");
    Optional<CountryGroups.Group> group = CountryGroups.byId(list == null || list.isBlank() ? "continents" : list);
    if (group.isEmpty()) {
      String ids = String.join(", ", CountryGroups.all().stream().map(CountryGroups.Group::id).toList());
      ctx.status(400).json(JSON.createObjectNode().put("status", 400)
          .put("error", "list 应为 " + ids + " 之一，而不是 \"" + list + "\" / list must be one of " + ids + ", not \""
              + list + "\""));
      return;
    }
    OfficeScope shown = oneOffice ? OfficeScope.of(office, view) : auth.scope(ctx);
    List<PartnerTable.Row> rows = rows(new PartnerTable.Query(null, null, null, null, null, "name", false),
        auth.scope(ctx)).stream().filter(row -> shown.sees(row.officeId())).toList();
    ObjectNode body = NetworkMap.of(view, rows, group.get(), Instant.now()).put("office", oneOffice ? office : null);
    ArrayNode offices = body.putArray("offices");
    auth.scope(ctx).filter(view.offices(), Office::getOfficeId).stream()
        .sorted(Comparator.comparing(Office::getOfficeId)).forEach(o -> offices.addObject()
            .put("officeId", o.getOfficeId()).put("nameEn", o.getNameEn()).put("nameZh", o.getNameZh()));
    ctx.json(body);
  }

  /** Answers as for a relationship that does not exist: another office's relationship is not there for this user. */
  private static void noRelationship(Context ctx, String id) {
    ctx.status(404).json(JSON.createObjectNode().put("status", 404).put("error", "No relationship " + id));
  }

  /** The relationship's timeline of exchanges, newest first; a multilateral one names only relationships seen. */
  private ArrayNode exchanges(String id, OfficeScope scope) {
    ArrayNode exchanges = JSON.createArrayNode();
    for (Exchanges.Exchange e : view.exchanges(id)) {
      ObjectNode json = exchanges.addObject().put("eventId", e.eventId()).put("type", e.type())
          .put("occurredAt", e.occurredAt().toString()).put("summary", e.summary());
      e.domains().forEach(json.putArray("domains")::add);
      ObjectNode details = json.putObject("details");
      e.details().forEach((key, value) -> details.put(key, value.toString()));
      json.putObject("detailsText").put("zh", e.detailsText(Labels.ZH)).put("en", e.detailsText(Labels.EN));
      e.relationshipIds().stream().filter(scope::seesKey).forEach(json.putArray("relationshipIds")::add);
      json.put("corrects", e.corrects());
    }
    return exchanges;
  }

  private ArrayNode seenHistory(String id) {
    ArrayNode history = JSON.createArrayNode();
    view.history(id).forEach(p -> history.addObject().put("at", p.at().toString()).put("score", p.score())
        .put("band", p.band().name()));
    return history;
  }

  /** The score history: from the streams application when it answers for the office, else what the dashboard saw. */
  private void history(Context ctx) {
    String office = ctx.pathParam("office");
    String partner = ctx.pathParam("partner");
    String id = office + "/" + partner;
    if (!auth.scope(ctx).sees(office)) {
      noRelationship(ctx, id);
      return;
    }
    int days = intParam(ctx, "days", 365);
    int step = intParam(ctx, "step", 7);
    ObjectNode body = JSON.createObjectNode().put("relationshipId", id);
    Optional<JsonNode> streams = streamsQueries.history(office, partner, days, step);
    if (streams.isPresent()) {
      body.put("source", "streams");
      body.set("history", streams.get());
      body.set("seen", seenHistory(id));
      ctx.json(body);
      return;
    }
    body.put("source", "dashboard");
    body.set("history", seenHistory(id));
    ctx.json(body);
  }

  private void alerts(Context ctx) {
    int limit = intParam(ctx, "limit", 50);
    OfficeScope scope = auth.scope(ctx);
    String office = ctx.queryParam("office");
    String kind = ctx.queryParam("kind");
    ArrayNode alerts = JSON.createArrayNode();
    view.alerts().stream()
        .filter(a -> scope.sees(a.getOfficeId()))
        .filter(a -> office == null || office.isBlank() || a.getOfficeId().equals(office))
        .filter(a -> kind == null || kind.isBlank() || a.getKind().name().equalsIgnoreCase(kind))
        .limit(limit).forEach((Alert a) -> alerts.add(AlertJson.of(a, view)));
    ctx.json(JSON.createObjectNode().put("count", alerts.size()).set("alerts", alerts));
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException(name + " must be between 1 and 10000, not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + value);
    }
  }
}
