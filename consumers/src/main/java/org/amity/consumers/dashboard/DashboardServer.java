package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.amity.aggregates.Alert;
import org.amity.aggregates.Band;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.RelationshipVitality;
import org.amity.consumers.alerts.AlertWords;
import org.amity.contract.DaysSince;
import org.amity.json.RecordJson;
import org.amity.labels.Labels;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web page and JSON API over a {@link DashboardView}, with live updates as server-sent events.
 * Everything but {@code /health} and the login page needs a signed-in user (a session from the login form, or HTTP
 * Basic credentials for scripts); the dashboard is read-only.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "amity.user";
  /** The request attribute holding the signed-in user, set by {@link #guard}. */
  private static final String SIGNED_IN = "amity.signed-in";
  private static final Duration PUSH_INTERVAL = Duration.ofMillis(300);

  private final DashboardSettings settings;
  private final DashboardUsers users;
  private final DashboardView view;
  private final StreamsQueries streamsQueries;
  private final Set<LiveClient> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<DashboardView.Change> pending = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "amity-dashboard-push");
    thread.setDaemon(true);
    return thread;
  });
  private Javalin server;

  public DashboardServer(DashboardSettings settings, DashboardUsers users, DashboardView view) {
    this.settings = settings;
    this.users = users;
    this.view = view;
    this.streamsQueries = new StreamsQueries(settings, view);
  }

  public DashboardServer start() {
    server = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.enableWebjars();
      config.jetty.modifyServletContextHandler(handler -> {
        handler.getSessionHandler().setHttpOnly(true);
        handler.getSessionHandler().getSessionCookieConfig().setName("AMITY_DASHBOARD");
      });
    });
    server.before(this::guard);
    server.get("/health", this::health);
    server.get("/login", ctx -> ctx.html(resource("login.html")));
    server.post("/login", this::login);
    server.post("/logout", ctx -> {
      ctx.req().getSession().invalidate();
      ctx.redirect("/login");
    });
    server.get("/", this::page);
    server.get("/partners", this::page);
    server.get("/partners/{office}/{partner}", this::page);
    server.get("/assets/{file}", this::asset);
    server.get("/api/v1/me", ctx -> ctx.json(JSON.createObjectNode().put("user", signedIn(ctx))
        .put("role", DashboardUsers.ROLE_VIEWER).put("office", users.office(signedIn(ctx)).orElse(null))));
    server.get("/api/v1/overview", ctx -> ctx.json(overview(intParam(ctx, "alerts", 10), scope(ctx))));
    server.get("/api/v1/partners", this::partners);
    server.get("/api/v1/partners.csv", this::partnersCsv);
    server.get("/api/v1/partners/{office}/{partner}", this::partner);
    server.get("/api/v1/partners/{office}/{partner}/history", this::history);
    server.get("/api/v1/alerts", this::alerts);
    server.get("/api/v1/labels", ctx -> ctx.json(labels()));
    server.get("/api/v1/model", ctx -> ctx.json(streamsQueries.model().orElseGet(JSON::createObjectNode)));
    server.sse("/api/v1/live", client -> {
      client.keepAlive();
      LiveClient live = new LiveClient(client, users.office(signedIn(client.ctx())).orElse(null));
      clients.add(live);
      client.onClose(() -> clients.remove(live));
      client.sendEvent("hello", "{\"version\":" + view.version() + "}");
    });
    server.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
        .json(JSON.createObjectNode().put("status", 400).put("error", e.getMessage())));
    view.onChange(pending::add);
    pusher.scheduleWithFixedDelay(this::push, PUSH_INTERVAL.toMillis(), PUSH_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    server.start(settings.host(), settings.port());
    return this;
  }

  public int port() {
    return server.port();
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

  /**
   * An alert with its words in both languages ({@code text.zh}, {@code text.en}), in the office's time zone; the
   * record's own English {@code message} is left out.
   */
  private ObjectNode alertJson(Alert alert) {
    ObjectNode json = RecordJson.write(alert);
    json.remove("message");
    ZoneId zone = Labels.zone(view.office(alert.getOfficeId()).map(Office::getTimeZone).orElse(null));
    ObjectNode text = json.putObject("text");
    for (Locale language : List.of(Labels.ZH, Labels.EN)) {
      text.putObject(language.getLanguage()).put("headline", AlertWords.headline(alert, language))
          .put("evidence", AlertWords.evidence(alert, language, zone))
          .put("raisedAt", Labels.dateTime(alert.getRaisedAt(), zone, language));
    }
    return json;
  }

  public String url() {
    return "http://" + settings.host() + ":" + port();
  }

  // ---- security

  /** UP while the feed keeps the view current; DOWN (503) with the reason once it stopped. */
  private void health(Context ctx) {
    Optional<String> stopped = view.feedStoppedBecause();
    ObjectNode health = JSON.createObjectNode().put("status", stopped.isPresent() ? "DOWN" : "UP")
        .put("version", view.version());
    stopped.ifPresent(reason -> health.put("reason", "the feed stopped: " + reason));
    ctx.status(stopped.isPresent() ? 503 : 200).json(health);
  }

  private void guard(Context ctx) {
    String path = ctx.path();
    if (path.equals("/health") || path.equals("/login")) {
      return;
    }
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD") && !path.equals("/logout")) {
      ctx.status(405).json(JSON.createObjectNode().put("status", 405)
          .put("error", "The dashboard is read-only"));
      ctx.skipRemainingHandlers();
      return;
    }
    Optional<String> user = user(ctx);
    if (user.isPresent()) {
      ctx.attribute(SIGNED_IN, user.get());
      return;
    }
    if (path.startsWith("/api/")) {
      ctx.status(401).json(JSON.createObjectNode().put("status", 401)
          .put("error", "Sign in first: POST /login, or send HTTP Basic credentials"));
    } else {
      ctx.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
    ctx.skipRemainingHandlers();
  }

  private static String signedIn(Context ctx) {
    return ctx.attribute(SIGNED_IN);
  }

  /** The offices the signed-in user sees. */
  private OfficeScope scope(Context ctx) {
    return OfficeScope.of(users.office(signedIn(ctx)).orElse(null), view);
  }

  /** The signed-in user: from the session, else from HTTP Basic credentials. */
  private Optional<String> user(Context ctx) {
    String fromSession = ctx.sessionAttribute(USER);
    if (fromSession != null) {
      return Optional.of(fromSession);
    }
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void login(Context ctx) {
    String name = ctx.formParam("username");
    String password = ctx.formParam("password");
    String next = pageAfterSignIn(ctx.formParam("next"));
    Optional<String> user = users.authenticate(name, password == null ? new char[0] : password.toCharArray());
    if (user.isEmpty()) {
      log.info("Failed dashboard sign-in for {}", name);
      ctx.redirect("/login?failed=1&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    ctx.req().getSession().invalidate();
    ctx.req().getSession(true);
    ctx.sessionAttribute(USER, user.get());
    ctx.redirect(next);
  }

  /**
   * Where to go after signing in: a path of this dashboard, else the overview. "//host" and "/\\host" are other
   * sites to a browser, and a control character or a space has no place in a Location header.
   */
  static String pageAfterSignIn(String next) {
    return next != null && next.matches("/(?![/\\\\])[\\x21-\\x7E]*") ? next : "/";
  }

  // ---- pages

  private void page(Context ctx) {
    ctx.html(resource("index.html").replace("{{chartjs}}", CHART_JS));
  }

  /** Where the Chart.js WebJar serves its UMD build, whatever its version. */
  private static final String CHART_JS = chartJsPath();

  private static String chartJsPath() {
    java.util.Properties pom = new java.util.Properties();
    try (InputStream in = DashboardServer.class.getResourceAsStream(
        "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in != null) {
        pom.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/webjars/chart.js/" + pom.getProperty("version", "unknown") + "/dist/chart.umd.js";
  }

  private void asset(Context ctx) {
    String file = ctx.pathParam("file");
    String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : null;
    if (type == null || !file.matches("[a-z0-9-]+\\.(js|css)")
        || DashboardServer.class.getResource("/dashboard/" + file) == null) {
      ctx.status(404);
      return;
    }
    ctx.contentType(type + "; charset=utf-8").result(resource(file));
  }

  private static String resource(String name) {
    try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource /dashboard/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- API

  ObjectNode overview(int alertLimit, OfficeScope scope) {
    ObjectNode body = JSON.createObjectNode();
    Map<String, Map<Band, Integer>> bands = new java.util.TreeMap<>();
    Map<Band, Integer> totals = new EnumMap<>(Band.class);
    List<OfficeRollup> rollups = scope.filter(view.rollups(), OfficeRollup::getOfficeId);
    Map<String, Map<RelationshipStatus, Integer>> apart = new HashMap<>();
    for (RelationshipVitality v : scope.filter(view.vitality(), RelationshipVitality::getOfficeId)) {
      RelationshipStatus status = PartnerTable.status(view.relationship(v.getRelationshipId()).orElse(null), v);
      if (status == RelationshipStatus.ENDED || status == RelationshipStatus.SUSPENDED) {
        apart.computeIfAbsent(v.getOfficeId(), k -> new EnumMap<>(RelationshipStatus.class)).merge(status, 1, Integer::sum);
        continue;
      }
      bands.computeIfAbsent(v.getOfficeId(), k -> new EnumMap<>(Band.class)).merge(v.getBand(), 1, Integer::sum);
      totals.merge(v.getBand(), 1, Integer::sum);
    }
    Set<String> officeIds = new LinkedHashSet<>(bands.keySet());
    scope.filter(view.offices(), Office::getOfficeId).forEach(o -> officeIds.add(o.getOfficeId()));
    rollups.forEach(r -> officeIds.add(r.getOfficeId()));
    OfficeTree tree = new OfficeTree(officeIds, view.offices(), scope.filter(view.relationships(),
        Relationship::getOfficeId));
    ArrayNode offices = body.putArray("offices");
    for (String id : tree.ordered(officeIds)) {
      ObjectNode office = offices.addObject().put("officeId", id).put("depth", tree.depth(id))
          .put("partners", tree.partners(id)).put("partnersWithDescendants", tree.partnersWithDescendants(id));
      Optional<Office> master = view.office(id);
      Optional<OfficeRollup> rollup = rollups.stream().filter(r -> r.getOfficeId().equals(id)).findFirst();
      office.put("nameEn", master.map(Office::getNameEn).orElse(rollup.map(OfficeRollup::getNameEn).orElse(id)));
      office.put("nameZh", master.map(Office::getNameZh).orElse(rollup.map(OfficeRollup::getNameZh).orElse(null)));
      office.put("parentOfficeId", master.map(Office::getParentOfficeId).orElse(null));
      ObjectNode byBand = office.putObject("bands");
      Map<Band, Integer> counts = bands.getOrDefault(id, Map.of());
      int relationships = 0;
      for (Band band : Band.values()) {
        byBand.put(band.name(), counts.getOrDefault(band, 0));
        relationships += counts.getOrDefault(band, 0);
      }
      office.put("relationships", relationships);
      Map<RelationshipStatus, Integer> notAlive = apart.getOrDefault(id, Map.of());
      office.put("suspended", notAlive.getOrDefault(RelationshipStatus.SUSPENDED, 0))
          .put("ended", notAlive.getOrDefault(RelationshipStatus.ENDED, 0));
      rollup.ifPresent(r -> office.put("rankByActivity", r.getRankByActivity()).put("peers", r.getPeers())
          .put("pointsLast365Days", r.getOwn().getLast365Days().getPoints())
          .put("exchangesLast365Days", r.getOwn().getLast365Days().getCount())
          .put("averageScore", r.getOwn().getRelationships() == 0 ? 0
              : Math.round((double) r.getOwn().getScoreSum() / r.getOwn().getRelationships()))
          .set("rollup", RecordJson.write(r)));
    }
    ArrayNode ranking = body.putArray("ranking");
    rollups.stream()
        .sorted(java.util.Comparator.comparing((OfficeRollup r) -> r.getParentOfficeId() == null ? "" : r.getParentOfficeId())
            .thenComparingInt(OfficeRollup::getRankByActivity).thenComparing(OfficeRollup::getOfficeId))
        .forEach(r -> ranking.addObject().put("officeId", r.getOfficeId()).put("nameEn", r.getNameEn())
            .put("nameZh", r.getNameZh()).put("parentOfficeId", r.getParentOfficeId())
            .put("rankByActivity", r.getRankByActivity()).put("peers", r.getPeers())
            .put("pointsLast365Days", r.getOwn().getLast365Days().getPoints())
            .put("exchangesLast365Days", r.getOwn().getLast365Days().getCount()));
    ObjectNode total = body.putObject("bands");
    for (Band band : Band.values()) {
      total.put(band.name(), totals.getOrDefault(band, 0));
    }
    ArrayNode alerts = body.putArray("alerts");
    scope.filter(view.alerts(), Alert::getOfficeId).stream().limit(alertLimit)
        .forEach(a -> alerts.add(alertJson(a)));
    ArrayNode failures = body.putArray("notificationFailures");
    List<DashboardView.NotificationFailure> notificationFailures = scope.filter(view.notificationFailures(),
        f -> OfficeScope.officeOf(f.alertId()));
    notificationFailures.stream().limit(alertLimit).forEach(f -> failures.addObject()
        .put("alertId", f.alertId()).put("recipient", f.recipient()).put("at", f.at())
        .put("attempts", f.attempts()).put("reason", f.reason()));
    body.put("notificationFailureCount", notificationFailures.size());
    ObjectNode deadLetters = body.putObject("deadLetters");
    Map<String, Long> byTopic = scope == OfficeScope.EVERY_OFFICE ? view.deadLetters() : Map.of();
    deadLetters.put("total", byTopic.values().stream().mapToLong(Long::longValue).sum());
    byTopic.forEach(deadLetters.putObject("byTopic")::put);
    body.put("version", view.version());
    return body;
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
    OfficeScope scope = scope(ctx);
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
    all.stream().map(PartnerTable.Row::region).filter(java.util.Objects::nonNull).distinct().sorted()
        .forEach(regions::add);
    all.stream().map(PartnerTable.Row::kind).distinct().sorted().forEach(kinds::add);
    body.put("version", view.version());
    ctx.json(body);
  }

  private void partnersCsv(Context ctx) {
    ctx.header("Content-Disposition", "attachment; filename=\"amity-partners.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result("\uFEFF" + PartnerTable.csv(rows(query(ctx), scope(ctx)), view,
        Labels.language(ctx.queryParam("lang"))));
  }

  private void partner(Context ctx) {
    String id = ctx.pathParam("office") + "/" + ctx.pathParam("partner");
    OfficeScope scope = scope(ctx);
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
    ArrayNode alerts = body.putArray("alerts");
    view.alerts().stream().filter(a -> a.getRelationshipId().equals(id)).forEach(a -> alerts.add(alertJson(a)));
    ArrayNode upcoming = body.putArray("upcoming");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    view.alerts().stream().filter(a -> a.getRelationshipId().equals(id))
        .filter(a -> (a.getAnniversaryOn() != null && !a.getAnniversaryOn().isBefore(today))
            || (a.getAgreementValidUntil() != null && !a.getAgreementValidUntil().isBefore(today)))
        .forEach(a -> upcoming.add(alertJson(a)));
    body.set("history", seenHistory(id));
    body.set("exchanges", exchanges(id, scope));
    body.put("version", view.version());
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
    if (!scope(ctx).sees(office)) {
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
    OfficeScope scope = scope(ctx);
    String office = ctx.queryParam("office");
    String kind = ctx.queryParam("kind");
    ArrayNode alerts = JSON.createArrayNode();
    view.alerts().stream()
        .filter(a -> scope.sees(a.getOfficeId()))
        .filter(a -> office == null || office.isBlank() || a.getOfficeId().equals(office))
        .filter(a -> kind == null || kind.isBlank() || a.getKind().name().equalsIgnoreCase(kind))
        .limit(limit).forEach((Alert a) -> alerts.add(alertJson(a)));
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

  // ---- live updates

  /** An open page, and the office of its user (null: every office). */
  private record LiveClient(SseClient client, String office) {}

  /** Sends what changed since the last push, coalesced, to every open page: to each, what its user may see. */
  private void push() {
    try {
      List<DashboardView.Change> changes = new ArrayList<>();
      DashboardView.Change change;
      while ((change = pending.poll()) != null) {
        changes.add(change);
      }
      if (changes.isEmpty()) {
        return;
      }
      for (LiveClient live : clients) {
        String data = changeEvent(changes, OfficeScope.of(live.office(), view));
        if (data == null) {
          continue;
        }
        try {
          live.client().sendEvent("change", data);
        } catch (RuntimeException e) {
          clients.remove(live);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Live update failed: {}", e.toString());
    }
  }

  /** The data of a change event: the kinds and keys of the changes the scope sees; null when it sees none. */
  private static String changeEvent(List<DashboardView.Change> changes, OfficeScope scope) {
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    long version = -1;
    for (DashboardView.Change change : changes) {
      if (scope.seesKey(change.key())) {
        kinds.add(change.kind());
        if (keys.size() < 200) {
          keys.add(change.key());
        }
        version = Math.max(version, change.version());
      }
    }
    if (version < 0) {
      return null;
    }
    ObjectNode event = JSON.createObjectNode().put("version", version);
    kinds.forEach(event.putArray("kinds")::add);
    keys.forEach(event.putArray("keys")::add);
    return event.toString();
  }

  @Override
  public void close() {
    pusher.shutdownNow();
    clients.forEach(live -> {
      try {
        live.client().close();
      } catch (RuntimeException e) {
        // already gone
      }
    });
    if (server != null) {
      server.stop();
    }
  }
}
