package org.amity.producers.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amity.access.OfficeTokens;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.events.Envelope;
import org.amity.json.RecordJson;
import org.amity.ops.Health;
import org.amity.ops.OpsEndpoints;
import org.amity.ops.Telemetry;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.producers.events.AvroJson;
import org.amity.producers.events.EventJson;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.producers.publish.EventIdConflictException;
import org.amity.producers.publish.Published;
import org.amity.producers.publish.WriteOutcomeUnknownException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest API: offices POST events as JSON, one or a batch, and manage their relationships.
 * A success is answered only after Kafka acknowledged the write; any other answer means nothing was written.
 * Statuses: 401 no or unknown token, 415 not JSON, 413 body or batch too large, 400 broken JSON,
 * 403 another office's relationship, 422 invalid fields or unknown relationship, 409 an eventId reused for
 * other content, 503 Kafka unavailable.
 */
public final class IngestApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader READER = JSON.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** A backstop: the publisher answers every write within about 45 s, written or not, even while Kafka is down. */
  private static final long WRITE_TIMEOUT_SECONDS = 60;
  private static final String INVALID_EVENTS = "请求中有无效事件，未写入任何内容 / The request holds invalid events; nothing was written";
  /** How long a request's body may take to arrive (Jetty's idle timeout while it is read). */
  static final Duration BODY_WAIT = Duration.ofSeconds(10);
  /** How much of a body over the limit is read before the 413, as Tomcat's maxSwallowSize. */
  static final long SWALLOW_BYTES = 4L * 1024 * 1024;
  private static final String EVENTS = "/api/v1/events";

  private final IngestSettings settings;
  private final OfficeTokens tokens;
  private final AmityPublisher publisher;
  private final PartnerRegistry partners;
  private final Clock clock;
  private final Telemetry telemetry = Telemetry.of("ingest");
  private final IngestMetrics metrics = new IngestMetrics(telemetry.registry());
  private Javalin server;

  public IngestApi(IngestSettings settings, OfficeTokens tokens, AmityPublisher publisher, PartnerRegistry partners, Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.publisher = publisher;
    this.partners = partners;
    this.clock = clock;
  }

  public IngestApi start() {
    publisher.bindTo(telemetry.registry());
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes() + 1L;
      config.http.prefer405over404 = true;
      config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(BODY_WAIT.toMillis()));
      config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrors()));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrors()));
      OpsEndpoints.install(config, telemetry, new Health()
          .ready("kafka", Health.cached(publisher::kafkaProblem))
          .ready("schema-registry", Health.cached(publisher::registryProblem)));
      routes(config.routes);
    });
    server.start(settings.host(), settings.port());
    return this;
  }

  private void routes(RoutesConfig server) {
    server.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.json()));
    server.post(EVENTS, this::postEvents);
    for (HandlerType method : List.of(HandlerType.GET, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
      server.addHttpHandler(method, EVENTS, ctx -> {
        ctx.header("Allow", "POST");
        throw new ApiError(405, "只能用 POST 提交事件 / events are sent with POST, not " + ctx.method());
      });
    }
    server.get("/api/v1/relationships", this::listRelationships);
    server.get("/api/v1/relationships/{partnerId}", this::getRelationship);
    server.put("/api/v1/relationships/{partnerId}", this::putRelationship);
    server.patch("/api/v1/relationships/{partnerId}", this::patchRelationship);
    server.get("/api/v1/offices", this::listOffices);
    server.get("/api/v1/offices/{officeId}", this::getOffice);
    server.put("/api/v1/offices/{officeId}", this::putOffice);
    server.patch("/api/v1/offices/{officeId}", this::patchOffice);
    server.exception(ApiError.class, (e, ctx) -> {
      if (ctx.path().equals(EVENTS)) {
        metrics.refused(e.status());
      }
      answerError(ctx, e);
    });
    server.exception(Exception.class, (e, ctx) -> {
      log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      if (ctx.path().equals(EVENTS)) {
        metrics.refused(500);
      }
      answerError(ctx, new ApiError(500, "内部错误 / Internal error: " + e.getClass().getSimpleName()));
    });
    server.error(404, ctx -> {
      if (!isJson(ctx)) {
        answerError(ctx, new ApiError(404, "没有这个接口 / No such endpoint: " + ctx.method() + " " + ctx.path()));
      }
    });
    server.error(405, ctx -> {
      if (!isJson(ctx)) {
        answerError(ctx, new ApiError(405, "接口 " + ctx.path() + " 不接受 " + ctx.method() + " / " + ctx.path()
            + " does not take " + ctx.method()));
      }
    });
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://" + settings.host() + ":" + port();
  }

  private void postEvents(Context ctx) {
    String office = authenticate(ctx);
    EventsRequest request = eventsRequest(jsonBytes(ctx), office);
    List<Published> published = write(request.events(), request.batch());
    metrics.written(published);
    ctx.status(202).json(answer(published));
  }

  /** The events of a request body, read and checked as far as can be without Kafka. */
  record EventsRequest(List<SpecificRecord> events, boolean batch) {}

  /**
   * Reads the body of {@code POST /api/v1/events} sent by {@code office}: the events, or an {@link ApiError} saying
   * what is wrong with the body (400, 413, 422) or whose events it holds (403).
   */
  EventsRequest eventsRequest(byte[] body, String office) {
    JsonNode json = parseJson(body);
    boolean batch = json.isArray() || json.has("events");
    List<JsonNode> items = items(json);
    List<SpecificRecord> events = readEvents(items, batch, office);
    checkOwnership(events, batch, office);
    return new EventsRequest(events, batch);
  }

  private List<JsonNode> items(JsonNode body) {
    JsonNode events = body.isArray() ? body : body.has("events") ? body.get("events") : null;
    if (events == null) {
      return List.of(body);
    }
    if (body.isObject() && body.size() > 1) {
      List<Problem> problems = new ArrayList<>();
      body.fieldNames().forEachRemaining(name -> {
        if (!name.equals("events")) {
          problems.add(Problem.of(name, "未知字段；批量请求只有 {\"events\": [...]}", "unknown field; a batch is {\"events\": [...]} and nothing else"));
        }
      });
      throw new ApiError(422, "批量请求含 \"events\" 以外的字段，未写入任何内容 / The batch has fields other than \"events\"; nothing was written", problems);
    }
    if (!events.isArray()) {
      throw new ApiError(400, "\"events\" 必须是 JSON 数组 / \"events\" must be a JSON array",
          List.of(Problem.of("events", "必须是 JSON 数组", "must be a JSON array")));
    }
    if (events.isEmpty()) {
      throw new ApiError(422, "批量请求中没有事件 / The batch holds no events",
          List.of(Problem.of("events", "至少要有一个事件", "must hold at least one event")));
    }
    if (events.size() > settings.maxBatchEvents()) {
      throw new ApiError(413, "一批最多 " + settings.maxBatchEvents() + " 个事件，而不是 " + events.size() + " / A batch may hold at most "
          + settings.maxBatchEvents() + " events, not " + events.size());
    }
    List<JsonNode> items = new ArrayList<>();
    events.forEach(items::add);
    return items;
  }

  private List<SpecificRecord> readEvents(List<JsonNode> items, boolean batch, String office) {
    Instant now = clock.instant();
    List<SpecificRecord> events = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (item.isObject() && !item.has("office")) {
        ((ObjectNode) item).put("office", office);
      }
      try {
        events.add(EventJson.read(item, batch ? "events[" + i + "]" : "", now));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiError(422, INVALID_EVENTS, problems);
    }
    return events;
  }

  private static void checkOwnership(List<SpecificRecord> events, boolean batch, String office) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Envelope envelope = EventTypes.envelopeOf(events.get(i));
      String path = batch ? "events[" + i + "]." : "";
      if (!envelope.getOffice().equals(office)) {
        problems.add(notTheTokensOffice(path + "office", office, envelope.getOffice()));
      }
      for (int r = 0; r < envelope.getRelationshipIds().size(); r++) {
        String id = envelope.getRelationshipIds().get(r);
        if (id.contains("/") && !id.startsWith(office + "/")) {
          problems.add(EventValidator.notOfOffice(path + "relationshipIds[" + r + "]", id, office));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiError(403, "外办只能写入本外办关系的事件，未写入任何内容 / An office may write only events of its own relationships; nothing was written", problems);
    }
  }

  private static Problem notTheTokensOffice(String at, String office, String other) {
    return Problem.of(at, "令牌属于外办 " + office + "，不能为 " + other + " 写入",
        "your token is office " + office + "'s; it may not write for " + other);
  }

  /** A relationship's body may repeat the caller's office; naming another office is refused, not overwritten. */
  private static void checkOwnership(ObjectNode relationship, String office) {
    List<Problem> problems = new ArrayList<>();
    String officeId = relationship.path("officeId").asText(office);
    if (!officeId.equals(office)) {
      problems.add(notTheTokensOffice("officeId", office, officeId));
    }
    String relationshipId = relationship.path("relationshipId").asText(office + "/");
    if (!relationshipId.startsWith(office + "/")) {
      problems.add(EventValidator.notOfOffice("relationshipId", relationshipId, office));
    }
    if (!problems.isEmpty()) {
      throw new ApiError(403, "外办只能写入本外办的关系，未写入任何内容 / An office may write only its own relationships; nothing was written", problems);
    }
  }

  private List<Published> write(List<SpecificRecord> events, boolean batch) {
    try {
      return publisher.publishAll(events).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidInputException invalid) {
        List<Problem> problems = invalid.problems().stream()
            .map(p -> batch && p.path().startsWith("[") ? new Problem("events" + p.path(), p.reason()) : p)
            .toList();
        throw new ApiError(422, INVALID_EVENTS, problems);
      }
      if (e.getCause() instanceof EventIdConflictException conflict) {
        throw new ApiError(409, conflict.getMessage(), List.of(new Problem("eventId", conflict.getMessage())));
      }
      if (e.getCause() instanceof WriteOutcomeUnknownException unknown) {
        throw new ApiError(503, "写入结果未知，请重新发送，不会重复记录 / " + unknown.getMessage() + "; send it again, it will not be doubled");
      }
      log.warn("Write failed: {}", e.getCause().toString());
      throw new ApiError(503, "Kafka 未确认写入，未写入任何内容，请重新发送 / Kafka did not acknowledge the write; nothing was written, send it again: "
          + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ApiError(503, "Kafka 在 " + WRITE_TIMEOUT_SECONDS + " 秒内未确认写入，请重新发送（不会重复记录） / Kafka did not acknowledge the write within "
          + WRITE_TIMEOUT_SECONDS + " s; send it again (it will not be doubled)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "服务正在停止 / Interrupted");
    }
  }

  private static ObjectNode answer(List<Published> published) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("accepted", published.stream().filter(p -> !p.duplicate()).count());
    answer.put("duplicates", published.stream().filter(Published::duplicate).count());
    ArrayNode events = answer.putArray("events");
    for (Published p : published) {
      ObjectNode event = events.addObject().put("eventId", p.eventId()).put("duplicate", p.duplicate()).put("topic", p.topic());
      if (p.offset() >= 0) {
        event.put("partition", p.partition()).put("offset", p.offset());
      }
    }
    return answer;
  }

  private void listRelationships(Context ctx) {
    String office = authenticate(ctx);
    ArrayNode list = JSON.createArrayNode();
    publisher.relationships().list(office).forEach(r -> list.add(RecordJson.write(r)));
    ctx.json(list);
  }

  private void getRelationship(Context ctx) {
    String office = authenticate(ctx);
    String id = office + "/" + ctx.pathParam("partnerId");
    Relationship relationship = publisher.relationships().get(id)
        .orElseThrow(() -> new ApiError(404, "外办 " + office + " 没有关系 " + id + " / Office " + office + " has no relationship " + id));
    ctx.json(RecordJson.write(relationship));
  }

  private void putRelationship(Context ctx) {
    String office = authenticate(ctx);
    writeRelationship(ctx, office, jsonObject(ctx));
  }

  /** Only the fields in the body change; a field given as null is cleared. */
  private void patchRelationship(Context ctx) {
    String office = authenticate(ctx);
    String id = office + "/" + ctx.pathParam("partnerId");
    Relationship current = publisher.relationships().get(id)
        .orElseThrow(() -> new ApiError(404, "外办 " + office + " 没有关系 " + id + " / Office " + office + " has no relationship " + id));
    ObjectNode merged = RecordJson.write(current);
    merged.remove("statusHistory");
    merged.setAll(jsonObject(ctx));
    writeRelationship(ctx, office, merged);
  }

  private void writeRelationship(Context ctx, String office, ObjectNode fields) {
    String partnerId = ctx.pathParam("partnerId");
    checkOwnership(fields, office);
    LocalDate statusSince = statusSince(fields.remove("statusSince"));
    fields.remove("statusHistory");
    fields.put("officeId", office).put("partnerId", partnerId).put("relationshipId", office + "/" + partnerId)
        .put("updatedAt", clock.instant().toString());
    List<Problem> problems = new ArrayList<>();
    Relationship relationship = (Relationship) AvroJson.read(fields, Relationship.getClassSchema(), problems);
    if (problems.isEmpty()) {
      problems.addAll(partners.problems(relationship, statusSince));
    }
    if (!problems.isEmpty()) {
      throw new ApiError(422, "关系数据有误，未写入任何内容 / The relationship is invalid; nothing was written", problems);
    }
    ctx.status(200).json(RecordJson.write(partners.put(relationship, statusSince)));
  }

  private static LocalDate statusSince(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return LocalDate.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new ApiError(422, "关系数据有误，未写入任何内容 / The relationship is invalid; nothing was written",
          List.of(Problem.of("statusSince", "须为日期，如 2024-07-10，而非“" + value.asText() + "”",
              "must be a date such as 2024-07-10, not \"" + value.asText() + "\"")));
    }
  }

  /** The offices a token may see: its own and every office under it. */
  private void listOffices(Context ctx) {
    String office = authenticate(ctx);
    Set<String> visible = partners.offices().subtree(office);
    ArrayNode list = JSON.createArrayNode();
    partners.offices().list().stream().filter(o -> visible.contains(o.getOfficeId())).forEach(o -> list.add(RecordJson.write(o)));
    ctx.json(list);
  }

  private void getOffice(Context ctx) {
    String office = authenticate(ctx);
    String id = ctx.pathParam("officeId");
    Office found = partners.offices().get(id).filter(o -> partners.offices().subtree(office).contains(id))
        .orElseThrow(() -> noOffice(office, id));
    ctx.json(RecordJson.write(found));
  }

  private void putOffice(Context ctx) {
    String office = authenticate(ctx);
    writeOffice(ctx, office, jsonObject(ctx));
  }

  private void patchOffice(Context ctx) {
    String office = authenticate(ctx);
    String id = ctx.pathParam("officeId");
    Office current = partners.offices().get(id).filter(o -> partners.offices().subtree(office).contains(id))
        .orElseThrow(() -> noOffice(office, id));
    ObjectNode merged = RecordJson.write(current);
    merged.setAll(jsonObject(ctx));
    writeOffice(ctx, office, merged);
  }

  /**
   * A token may register and change the offices under its own office, and its own office's names, contact,
   * language and time zone; where an office sits (parent, level) is decided from above.
   */
  private void writeOffice(Context ctx, String office, ObjectNode fields) {
    String id = ctx.pathParam("officeId");
    fields.put("officeId", id);
    List<Problem> problems = new ArrayList<>();
    Office written = (Office) AvroJson.read(fields, Office.getClassSchema(), problems);
    if (!problems.isEmpty()) {
      throw new ApiError(422, "外办数据有误，未写入任何内容 / The office is invalid; nothing was written", problems);
    }
    checkOfficeRights(office, partners.offices().get(id), written);
    problems.addAll(partners.problems(written));
    if (!problems.isEmpty()) {
      throw new ApiError(422, "外办数据有误，未写入任何内容 / The office is invalid; nothing was written", problems);
    }
    partners.put(written);
    ctx.status(200).json(RecordJson.write(written));
  }

  private void checkOfficeRights(String office, Optional<Office> current, Office written) {
    Set<String> mine = partners.offices().subtree(office);
    String id = written.getOfficeId();
    if (id.equals(office)) {
      boolean moved = current.isEmpty() || !Objects.equals(current.get().getParentOfficeId(), written.getParentOfficeId())
          || current.get().getLevel() != written.getLevel();
      if (moved) {
        throw new ApiError(403, "外办不能更改自身的上级或级别，须由上级外办修改 / An office cannot change its own parent or level; "
            + "the office above it can", List.of(Problem.of("parentOfficeId", "由上级外办决定", "decided by the office above")));
      }
      return;
    }
    boolean underMe = written.getParentOfficeId() != null && mine.contains(written.getParentOfficeId());
    if ((current.isPresent() && !mine.contains(id)) || !underMe) {
      throw new ApiError(403, "外办 " + office + " 只能登记和修改其下级外办 / Office " + office
          + " may register and change only the offices under it",
          List.of(Problem.of("parentOfficeId", "须为 " + office + " 或其下级外办", "must be " + office + " or an office under it")));
    }
  }

  private static ApiError noOffice(String office, String id) {
    return new ApiError(404, "外办 " + office + " 及其下级中没有 " + id + " / No office " + id + " at or under " + office);
  }

  private ObjectNode jsonObject(Context ctx) {
    JsonNode body = parseJson(jsonBytes(ctx));
    if (!body.isObject()) {
      throw new ApiError(400, "请求正文必须是 JSON 对象 / The body must be a JSON object",
          List.of(Problem.of("(body)", "必须是 JSON 对象", "must be a JSON object")));
    }
    return (ObjectNode) body;
  }

  private String authenticate(Context ctx) {
    String token = OfficeTokens.bearer(ctx.header("Authorization")).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer");
      return new ApiError(401, "须提供外办 API 令牌 / An office API token is required: Authorization: Bearer <token>");
    });
    return tokens.officeOf(token).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return new ApiError(401, "API 令牌无效 / The API token is not valid");
    });
  }

  private byte[] jsonBytes(Context ctx) {
    String type = ctx.contentType();
    if (!isJsonInUtf8(type)) {
      throw new ApiError(415, "请求正文必须是 application/json（UTF-8）/ The body must be application/json in UTF-8, not "
          + (type == null ? "unspecified" : type));
    }
    return boundedBody(ctx);
  }

  /** {@code application/json}, with no charset or UTF-8's. */
  static boolean isJsonInUtf8(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
        return false;
      }
    }
    return true;
  }

  /** One JSON value, nothing after it, no field named twice; anything else is a 400 saying where. */
  static JsonNode parseJson(byte[] body) {
    try {
      JsonNode json = READER.readTree(strictUtf8(body));
      if (json == null || json.isMissingNode()) {
        throw new ApiError(400, "请求正文为空 / The body is empty",
            List.of(Problem.of("(body)", "必须是 JSON 对象或数组", "must be a JSON object or array")));
      }
      return json;
    } catch (JsonProcessingException e) {
      // limits such as the nesting depth are reported without a location
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String zhWhere = e.getLocation() == null ? ""
          : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
      String reason = "is not valid JSON: " + e.getOriginalMessage() + where;
      throw new ApiError(400, "请求正文不是有效的 JSON" + zhWhere + " / The body " + reason,
          List.of(Problem.of("(body)", "不是有效的 JSON" + zhWhere, reason)));
    } catch (IOException e) {
      throw new ApiError(400, "请求正文无法读取 / The body cannot be read");
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The body as text; bytes that are not UTF-8 (an overlong "/", a lone surrogate) are refused, never replaced. */
  private static String strictUtf8(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String reason = "is not valid UTF-8 at byte " + (in.position() + 1);
      throw new ApiError(400, "请求正文第 " + (in.position() + 1) + " 个字节不是有效的 UTF-8 / The body " + reason,
          List.of(Problem.of("(body)", "第 " + (in.position() + 1) + " 个字节不是有效的 UTF-8", reason)));
    }
    return out.flip().toString();
  }

  private byte[] boundedBody(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      if (ctx.req().getContentLengthLong() > settings.maxBodyBytes()) {
        throw tooLarge(in);
      }
      byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
      if (body.length > settings.maxBodyBytes()) {
        throw tooLarge(in);
      }
      return body;
    } catch (IOException e) {
      if (timedOut(e)) {
        throw new ApiError(408, "请求正文在 " + BODY_WAIT.toSeconds() + " 秒内没有送达 / The body did not arrive within "
            + BODY_WAIT.toSeconds() + " s");
      }
      throw new ApiError(400, "请求正文无法读取 / The body cannot be read");
    }
  }

  /**
   * The 413 for a body over the limit. The rest of the body is read first, up to {@link #SWALLOW_BYTES}: a connection
   * closed with a body still arriving is reset, and the client sees the reset instead of the answer.
   */
  private ApiError tooLarge(InputStream in) {
    try {
      long left = SWALLOW_BYTES;
      byte[] buffer = new byte[64 * 1024];
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= read;
      }
    } catch (IOException e) {
      // the answer is the 413 all the same
    }
    int limit = settings.maxBodyBytes();
    return new ApiError(413, "请求正文超过 " + limit + " 字节的上限，请分批发送 / The body is larger than the limit of "
        + limit + " bytes; send smaller batches");
  }

  private static boolean isJson(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("application/json");
  }

  private static void answerError(Context ctx, ApiError error) {
    ObjectNode body = JSON.createObjectNode().put("status", error.status()).put("error", error.getMessage());
    ArrayNode problems = body.putArray("problems");
    error.problems().forEach(p -> problems.addObject().put("path", p.path()).put("reason", p.reason()));
    ctx.status(error.status()).json(body);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    telemetry.close();
  }
}
