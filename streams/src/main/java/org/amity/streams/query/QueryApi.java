package org.amity.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.amity.access.OfficeTokens;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.json.RecordJson;
import org.amity.ops.Health;
import org.amity.ops.OpsEndpoints;
import org.amity.ops.Telemetry;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.settings.StreamsSettings;
import org.amity.streams.vitality.LedgerProcessor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries over HTTP. Any instance answers for any relationship: it asks Kafka Streams which instance
 * holds the key and, when that is another one, asks it (with {@code local=true}); lists are gathered from every
 * instance. Every data request carries an office's API token ({@code Authorization: Bearer}) and sees that office and
 * the offices under it only; another office's relationship is answered as unknown. The token is passed on to the
 * instance asked.
 * <ul>
 *   <li>{@code GET /api/v1/vitality/{office}/{partner}}: the relationship's current vitality</li>
 *   <li>{@code GET /api/v1/vitality/{office}/{partner}/history?days=365&step=7[&until=ISO moment]}: its score and
 *   band over time, up to now or to the moment given</li>
 *   <li>{@code GET /api/v1/vitality?band=DORMANT&office=shanghai}: every relationship, optionally filtered</li>
 *   <li>{@code GET /api/v1/model}: the model's settings in force and their version</li>
 * </ul>
 * and, for operators, {@code /metrics}, {@code /health/live} (Kafka Streams has not failed) and {@code /health/ready}
 * (it is RUNNING).
 */
public final class QueryApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_HISTORY_DAYS = 3660;
  private static final String SCOPE = "amity.offices-seen";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final LocalStores local;
  private final QueryAccess access;
  private final ModelSettings model;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Telemetry telemetry;
  private Javalin server;

  public QueryApi(KafkaStreams streams, StreamsSettings settings, HostInfo self, OfficeTokens tokens,
      Telemetry telemetry) {
    this.streams = streams;
    this.telemetry = telemetry;
    this.self = self;
    this.local = new LocalStores(streams, settings);
    this.access = new QueryAccess(tokens, streams);
    this.model = settings.model();
  }

  /** Starts serving on {@code bindHost} and the port of {@code self}. */
  public QueryApi start(String bindHost) {
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      OpsEndpoints.install(config, telemetry, health());
      routes(config.routes);
    });
    server.start(bindHost, self.port());
    return this;
  }

  private void routes(RoutesConfig server) {
    server.before("/api/*", ctx -> ctx.attribute(SCOPE, access.officesOf(ctx)));
    server.get("/api/v1/model", ctx -> json(ctx, ModelJson.of(model)));
    server.get("/api/v1/vitality", this::list);
    server.get("/api/v1/vitality/{office}/{partner}", this::vitality);
    server.get("/api/v1/vitality/{office}/{partner}/history", this::history);
    server.exception(QueryAccess.QueryRefused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    server.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "正在重新分配或恢复状态，请稍后再试"
        + " / The application is rebalancing or restoring its state; try again shortly (" + e.getMessage() + ")"));
  }

  public int port() {
    return server.port();
  }

  /** Live until Kafka Streams fails or stops; ready while it runs (not while it rebalances or restores). */
  private Health health() {
    return new Health()
        .live("kafka-streams", () -> streams.state().hasStartedOrFinishedShuttingDown()
            ? Optional.of("Kafka Streams 已停止 / Kafka Streams stopped: " + streams.state()) : Optional.empty())
        .ready("kafka-streams", () -> streams.state() == KafkaStreams.State.RUNNING ? Optional.empty()
            : Optional.of("Kafka Streams 尚未运行 / Kafka Streams is " + streams.state() + ", not RUNNING"));
  }

  private void vitality(Context ctx) throws IOException, InterruptedException {
    String id = relationshipId(ctx);
    if (!seen(ctx).contains(ctx.pathParam("office"))) {
      notFound(ctx, id);
      return;
    }
    if (answeredElsewhere(ctx, LedgerProcessor.VITALITY_STORE, id)) {
      return;
    }
    Optional<RelationshipVitality> found = local.vitality(id, Instant.now());
    if (found.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    json(ctx, RecordJson.write(found.get()));
  }

  private void history(Context ctx) throws IOException, InterruptedException {
    int days = intParam(ctx, "days", 365, 1, MAX_HISTORY_DAYS);
    int step = intParam(ctx, "step", 7, 1, MAX_HISTORY_DAYS);
    Instant until = instantParam(ctx, "until");
    String id = relationshipId(ctx);
    if (ctx.statusCode() >= 400) {
      return;
    }
    if (!seen(ctx).contains(ctx.pathParam("office"))) {
      notFound(ctx, id);
      return;
    }
    if (answeredElsewhere(ctx, LedgerProcessor.STATE_STORE, id)) {
      return;
    }
    Optional<List<LocalStores.HistoryPoint>> points = local.history(id, days, step, until);
    if (points.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    points.get().forEach(p -> array.addObject().put("at", p.at().toString()).put("score", p.score())
        .put("band", p.band()));
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("relationshipId", id);
    body.set("history", array);
    json(ctx, body);
  }

  private void list(Context ctx) throws IOException, InterruptedException {
    String band = ctx.queryParam("band");
    String office = ctx.queryParam("office");
    if (band != null && Arrays.stream(Band.values()).noneMatch(b -> b.name().equalsIgnoreCase(band))) {
      error(ctx, 400, "band 须为 " + Arrays.toString(Band.values()) + " 之一 / band must be one of "
          + Arrays.toString(Band.values()) + ", not '" + band + "'");
      return;
    }
    Set<String> seen = seen(ctx);
    List<JsonNode> found = new ArrayList<>();
    local.vitalities(band, office, Instant.now()).stream().filter(v -> seen.contains(v.getOfficeId()))
        .forEach(v -> found.add(RecordJson.write(v)));
    if (!isLocal(ctx)) {
      for (StreamsMetadata instance : streams.streamsMetadataForStore(LedgerProcessor.VITALITY_STORE)) {
        if (!instance.hostInfo().equals(self)) {
          JsonNode theirs = fetch(instance.hostInfo(), ctx);
          theirs.path("relationships").forEach(found::add);
        }
      }
    }
    found.sort(Comparator.comparing(node -> node.path("relationshipId").asText()));
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("count", found.size());
    body.putArray("relationships").addAll(found);
    json(ctx, body);
  }

  /** Sends the request on to the instance that holds the key, unless that is this one; true when answered. */
  private boolean answeredElsewhere(Context ctx, String store, String key) throws IOException, InterruptedException {
    if (isLocal(ctx)) {
      return false;
    }
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      unavailable(ctx, "暂无实例持有 " + key + "（应用正在启动或重新分配）/ No instance holds " + key
          + " right now (the application is starting or rebalancing)");
      return true;
    }
    if (metadata.activeHost().equals(self)) {
      return false;
    }
    HttpResponse<String> answer = forward(metadata.activeHost(), ctx);
    ctx.status(answer.statusCode()).contentType("application/json").result(answer.body());
    return true;
  }

  private JsonNode fetch(HostInfo host, Context ctx) throws IOException, InterruptedException {
    HttpResponse<String> answer = forward(host, ctx);
    if (answer.statusCode() != 200) {
      throw new InvalidStateStoreException("instance " + host + " answered " + answer.statusCode());
    }
    return JSON.readTree(answer.body());
  }

  /** Asks another instance the same question, with the caller's credential, for what it holds itself. */
  private HttpResponse<String> forward(HostInfo host, Context ctx) throws IOException, InterruptedException {
    Map<String, List<String>> params = new TreeMap<>(ctx.queryParamMap());
    params.put("local", List.of("true"));
    StringBuilder uri = new StringBuilder("http://").append(host.host()).append(':').append(host.port())
        .append(ctx.path());
    char separator = '?';
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      for (String value : param.getValue()) {
        uri.append(separator).append(encode(param.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(10)).GET()
        .header("Authorization", ctx.header("Authorization")).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InvalidStateStoreException("instance " + host + " did not answer: " + e.getMessage());
    }
  }

  private static Set<String> seen(Context ctx) {
    return ctx.attribute(SCOPE);
  }

  private static String relationshipId(Context ctx) {
    return ctx.pathParam("office") + "/" + ctx.pathParam("partner");
  }

  private static boolean isLocal(Context ctx) {
    return "true".equals(ctx.queryParam("local"));
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    error(ctx, 400, name + " 须为 " + min + " 到 " + max + " 的整数 / " + name + " must be a whole number from " + min
        + " to " + max + ", not '" + value + "'");
    return fallback;
  }

  /** A moment given as an ISO instant with its offset ({@code 2025-01-01T00:00:00+08:00}); now when not given. */
  private static Instant instantParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      error(ctx, 400, name + " 须为带时区的时刻，如 2025-01-01T00:00:00+08:00 / " + name
          + " must be a moment with its offset, such as 2025-01-01T00:00:00+08:00, not '" + value + "'");
      return Instant.now();
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void notFound(Context ctx, String id) {
    error(ctx, 404, "没有可查看的关系 " + id + " / No relationship '" + id + "' is known to your office (ids are"
        + " office/partner, e.g. shanghai/nl-rotterdam)");
  }

  private static void unavailable(Context ctx, String message) {
    ctx.header("Retry-After", "1");
    error(ctx, 503, message);
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    json(ctx, JsonNodeFactory.instance.objectNode().put("error", message));
  }

  private static void json(Context ctx, JsonNode body) {
    ctx.contentType("application/json").result(body.toString());
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
  }
}
