package org.amity.consumers.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.consumers.view.DashboardView;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.contract.FollowUpStepValidator;
import org.amity.contract.PointRule;
import org.amity.contract.Problem;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.followups.Acknowledged;
import org.amity.followups.Assigned;
import org.amity.followups.Closed;
import org.amity.followups.Decided;
import org.amity.followups.Decision;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.amity.json.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Following alerts up: {@code GET /api/v1/follow-ups} lists the follow-ups of the offices the user sees;
 * {@code POST /api/v1/follow-ups} takes one step, {@code {"alertId": ..., "action": "acknowledge" | "assign" | "plan"
 * | "decide" | "close", ...}}, as an officer of the alert's office, and writes it to Kafka: the follow-up itself is
 * what streams makes of the steps. A step that cannot be taken is refused, naming why in Chinese and English, and
 * nothing is written: 403 for a viewer, 404 for an alert the user does not see, 409 for a closed follow-up, 400 for
 * a body that is not a step.
 */
final class FollowUpApi {
  private static final Logger log = LoggerFactory.getLogger(FollowUpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/api/v1/follow-ups";
  /** The fields each action takes, beside alertId, action and note. */
  private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("acknowledge", List.of());
    FIELDS.put("assign", List.of("officer", "dueOn"));
    FIELDS.put("plan", List.of("eventType", "plannedOn", "variant", "direction", "domains", "ledBy"));
    FIELDS.put("decide", List.of("decision"));
    FIELDS.put("close", List.of("exchangeEventId"));
  }

  /**
   * What a step may say, for the page's forms: the exchange types with the enum their points depend on (its symbols
   * are a plan's variants) and whether they travel in a direction; the decisions, directions and domains.
   */
  static final ObjectNode CHOICES = choices();

  private final DashboardView view;
  private final DashboardAuth auth;
  private final FollowUpWriter writer;
  private final Clock clock;

  /** @param writer where steps go; null for a dashboard that only reads */
  FollowUpApi(DashboardView view, DashboardAuth auth, FollowUpWriter writer, Clock clock) {
    this.view = view;
    this.auth = auth;
    this.writer = writer;
    this.clock = clock;
  }

  void routes(RoutesConfig server) {
    server.get(PATH, this::list);
    server.post(PATH, this::take);
    server.get(PATH + "/choices", ctx -> ctx.json(CHOICES));
  }

  private static ObjectNode choices() {
    ObjectNode choices = JSON.createObjectNode();
    ArrayNode types = choices.putArray("eventTypes");
    for (EventType type : EventTypes.exchanges()) {
      ObjectNode entry = types.addObject().put("name", type.name())
          .put("direction", type == EventTypes.DELEGATION_VISITED);
      PointRule rule = type.points();
      if (rule.field() != null) {
        entry.put("variantEnum", EventType.withoutNull(type.schema().getField(rule.field()).schema()).getName());
        rule.points().keySet().forEach(entry.putArray("variants")::add);
      }
    }
    symbols(choices.putArray("decisions"), Decision.values());
    symbols(choices.putArray("directions"), Direction.values());
    symbols(choices.putArray("domains"), Domain.values());
    return choices;
  }

  private static void symbols(ArrayNode array, Enum<?>[] symbols) {
    for (Enum<?> symbol : symbols) {
      array.add(symbol.name());
    }
  }

  private void list(Context ctx) {
    OfficeScope scope = auth.scope(ctx);
    ArrayNode list = JSON.createArrayNode();
    view.followUps().stream().filter(followUp -> scope.sees(followUp.getOfficeId()))
        .forEach(followUp -> list.add(RecordJson.write(followUp)));
    ctx.json(list);
  }

  private void take(Context ctx) {
    try {
      if (!DashboardUsers.ROLE_OFFICER.equals(auth.role(ctx))) {
        throw new Refusal(403, "您的账号只能查看，不能跟进提醒；请管理员开通跟进权限（officer） / Your account may only view: "
            + "ask an administrator for the officer role to follow alerts up");
      }
      if (writer == null) {
        throw new Refusal(503, "此看板只读，未连接 Kafka / This dashboard only reads: it has no Kafka to write to");
      }
      JsonNode body = body(ctx);
      FollowUpStep step = step(body, followed(ctx, body), DashboardAuth.signedIn(ctx));
      write(step);
      ctx.status(202).json(RecordJson.write(step));
    } catch (Refusal refusal) {
      refuse(ctx, refusal.status, refusal.getMessage(), refusal.problems);
    }
  }

  private static JsonNode body(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new Refusal(400, "请求体不是 JSON / The body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw new Refusal(400, "请求体须为 JSON 对象 / The body must be a JSON object");
    }
    return body;
  }

  /** The alert a step follows up, as the user may see it: kept among the alerts, or by its follow-up. */
  private Followed followed(Context ctx, JsonNode body) {
    JsonNode id = body.path("alertId");
    if (!id.isTextual() || id.asText().isBlank()) {
      throw new Refusal(400, "须注明提醒 / The step must name its alert",
          List.of(Problem.of("alertId", "必须填写，且为文本", "is required, as text")));
    }
    String alertId = id.asText();
    Optional<Followed> followed = view.alert(alertId)
        .map(alert -> new Followed(alertId, alert.getRelationshipId(), alert.getOfficeId()))
        .or(() -> view.followUp(alertId).map(f -> new Followed(alertId, f.getRelationshipId(), f.getOfficeId())));
    if (followed.isEmpty() || !auth.scope(ctx).sees(followed.get().officeId())) {
      throw new Refusal(404, "没有此提醒 / No such alert: " + alertId);
    }
    if (view.followUp(alertId).map(FollowUp::getStatus).orElse(null) == FollowUpStatus.CLOSED) {
      throw new Refusal(409, "此跟进已关闭 / This follow-up is closed");
    }
    return followed.get();
  }

  private record Followed(String alertId, String relationshipId, String officeId) {}

  private FollowUpStep step(JsonNode body, Followed followed, String actor) {
    List<Problem> problems = new ArrayList<>();
    Object action = action(body, problems);
    if (action != null) {
      FollowUpStep step = FollowUpStep.newBuilder().setStepId(UUID.randomUUID().toString())
          .setAlertId(followed.alertId()).setRelationshipId(followed.relationshipId())
          .setOfficeId(followed.officeId()).setActor(actor).setAt(clock.instant()).setAction(action).build();
      problems.addAll(FollowUpStepValidator.problems(step));
      if (action instanceof Closed closing && closing.getExchangeEventId() != null
          && !onTimeline(followed.relationshipId(), closing.getExchangeEventId())) {
        problems.add(Problem.of("action.exchangeEventId", "不是此伙伴已记录的交流：“" + closing.getExchangeEventId()
            + "”（见伙伴页的交流时间线）", "is not an exchange recorded with this partner: \"" + closing.getExchangeEventId()
            + "\" (see the partner's timeline)"));
      }
      if (problems.isEmpty()) {
        return step;
      }
    }
    throw new Refusal(400, "无法记录此跟进步骤，未写入任何内容 / The step cannot be taken; nothing was written", problems);
  }

  private boolean onTimeline(String relationshipId, String eventId) {
    return view.exchanges(relationshipId).stream().anyMatch(exchange -> exchange.eventId().equals(eventId));
  }

  private void write(FollowUpStep step) {
    try {
      writer.write(step);
    } catch (Exception e) {
      log.warn("Could not write follow-up step {}: {}", step.getStepId(), e.toString());
      throw new Refusal(503, "暂时无法写入 Kafka，请稍后再试 / Kafka cannot take the step now; try again");
    }
  }

  /** A step refused: the answer's status, its headline and the problems it names. */
  private static final class Refusal extends RuntimeException {
    private final int status;
    private final List<Problem> problems;

    Refusal(int status, String error) {
      this(status, error, List.of());
    }

    Refusal(int status, String error, List<Problem> problems) {
      super(error, null, false, false);
      this.status = status;
      this.problems = problems;
    }
  }

  /** The action the body asks for, or null with the problems that say why not. */
  private static Object action(JsonNode body, List<Problem> problems) {
    String name = body.path("action").asText("");
    List<String> fields = FIELDS.get(name);
    if (fields == null) {
      problems.add(Problem.of("action", "须为 " + FIELDS.keySet() + " 之一，而不是 \"" + name + "\"",
          "must be one of " + FIELDS.keySet() + ", not \"" + name + "\""));
      return null;
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!fields.contains(field) && !Set.of("alertId", "action", "note").contains(field)) {
        problems.add(Problem.of(field, "未知字段；" + name + " 可用：" + fields, "unknown field; " + name
            + " takes " + fields));
      }
    });
    Fields in = new Fields(body, problems);
    String note = in.text("note", false);
    Object action = switch (name) {
      case "acknowledge" -> new Acknowledged(note);
      case "assign" -> new Assigned(in.text("officer", true), in.day("dueOn", true), note);
      case "plan" -> new ExchangePlanned(in.text("eventType", true), in.day("plannedOn", true),
          in.text("variant", false), in.symbol("direction", Direction::valueOf, false), in.domains(),
          in.text("ledBy", false), note);
      case "decide" -> new Decided(in.symbol("decision", Decision::valueOf, true), note);
      default -> new Closed(in.text("exchangeEventId", false), note);
    };
    return problems.isEmpty() ? action : null;
  }

  private static void refuse(Context ctx, int status, String error, List<Problem> problems) {
    ObjectNode body = JSON.createObjectNode().put("status", status).put("error", error);
    ArrayNode list = body.putArray("problems");
    problems.forEach(problem -> list.addObject().put("path", problem.path()).put("reason", problem.reason()));
    ctx.status(status).json(body);
  }

  /** The body's fields, each read as its type, a problem noted for each that is not. */
  private record Fields(JsonNode body, List<Problem> problems) {
    /** The field's text; null for an optional field left out or blank, "" for a required one, with a problem. */
    String text(String field, boolean required) {
      JsonNode value = body.path(field);
      if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
        problems.add(Problem.of(field, "须为文本", "must be text"));
        return "";
      }
      String text = value.isTextual() ? value.asText() : "";
      if (text.isBlank()) {
        if (required) {
          problems.add(Problem.of(field, "必须填写", "is required"));
        }
        return required ? "" : null;
      }
      return text;
    }

    LocalDate day(String field, boolean required) {
      String text = text(field, required);
      if (text == null || text.isEmpty()) {
        return LocalDate.EPOCH;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problems.add(Problem.of(field, "须为日期 yyyy-MM-dd，而不是 \"" + text + "\"",
            "must be a date yyyy-MM-dd, not \"" + text + "\""));
        return LocalDate.EPOCH;
      }
    }

    <E extends Enum<E>> E symbol(String field, Function<String, E> valueOf, boolean required) {
      String text = text(field, required);
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        return valueOf.apply(text);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(field, "不是有效的取值：\"" + text + "\"", "is not a valid value: \"" + text + "\""));
        return null;
      }
    }

    List<Domain> domains() {
      JsonNode value = body.path("domains");
      List<Domain> domains = new ArrayList<>();
      if (value.isMissingNode() || value.isNull()) {
        return domains;
      }
      if (!value.isArray()) {
        problems.add(Problem.of("domains", "须为领域列表", "must be a list of domains"));
        return domains;
      }
      for (int i = 0; i < value.size(); i++) {
        try {
          domains.add(Domain.valueOf(value.get(i).asText()));
        } catch (IllegalArgumentException e) {
          problems.add(Problem.of("domains[" + i + "]", "不是领域：\"" + value.get(i).asText() + "\"",
              "is no domain: \"" + value.get(i).asText() + "\""));
        }
      }
      return domains;
    }
  }
}
