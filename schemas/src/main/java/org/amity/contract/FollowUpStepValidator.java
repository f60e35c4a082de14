package org.amity.contract;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.amity.aggregates.AlertKind;
import org.amity.followups.Assigned;
import org.amity.followups.Closed;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;

/**
 * The checks every follow-up step passes, whichever way it came in (the dashboard refuses it, the streams
 * application sends it to the dead letters): ids well formed and of one office, the alert one of the relationship,
 * text as people write it, an assignment's day and a plan's day from the step's day on and not too far ahead, a
 * planned exchange of a type that counts, with what its points depend on.
 */
public final class FollowUpStepValidator {
  /** How far ahead of the step a due day may lie. */
  static final int DUE_YEARS_AHEAD = 2;
  /** How far ahead of the step an exchange may be planned. */
  static final int PLAN_YEARS_AHEAD = 3;
  private static final int ID_LIMIT = 300;

  private FollowUpStepValidator() {}

  /** Every problem of the step; empty when it may be written. */
  public static List<Problem> problems(FollowUpStep step) {
    List<Problem> problems = new ArrayList<>();
    checkIds(step, problems);
    EventValidator.checkText(step, "", problems);
    LocalDate day = LocalDate.ofInstant(step.getAt(), ZoneOffset.UTC);
    if (step.getAction() instanceof Assigned assigned) {
      if (assigned.getOfficer().isBlank()) {
        problems.add(Problem.of("action.officer", "不能为空", "must not be blank"));
      }
      checkDay("action.dueOn", assigned.getDueOn(), day, DUE_YEARS_AHEAD, problems);
    } else if (step.getAction() instanceof ExchangePlanned plan) {
      checkPlan(plan, day, problems);
    } else if (step.getAction() instanceof Closed closed && closed.getExchangeEventId() != null
        && !EventValidator.EVENT_ID.matcher(closed.getExchangeEventId()).matches()) {
      problems.add(Problem.of("action.exchangeEventId", "不是有效的事件编号：\"" + closed.getExchangeEventId() + "\"",
          "is no event id: \"" + closed.getExchangeEventId() + "\""));
    }
    return problems;
  }

  private static void checkIds(FollowUpStep step, List<Problem> problems) {
    if (!EventValidator.EVENT_ID.matcher(step.getStepId()).matches()) {
      problems.add(Problem.of("stepId", "须为 1 到 200 个字母、数字或 ._:/@+=-，而不是 \"" + step.getStepId() + "\"",
          "must be 1 to 200 letters, digits or ._:/@+=-, not \"" + step.getStepId() + "\""));
    }
    String relationshipId = step.getRelationshipId();
    if (!EventValidator.RELATIONSHIP_ID.matcher(relationshipId).matches()) {
      problems.add(Problem.of("relationshipId", "须为小写的 \"外办/伙伴\"，而不是 \"" + relationshipId + "\"",
          "must be \"office/partner\" in lower case, not \"" + relationshipId + "\""));
    } else if (!relationshipId.startsWith(step.getOfficeId() + "/")) {
      problems.add(Problem.of("relationshipId", relationshipId + " 不是外办 " + step.getOfficeId() + " 的关系",
          relationshipId + " is not a relationship of office " + step.getOfficeId()));
    }
    if (alertKindOf(step.getAlertId(), relationshipId).isEmpty() || step.getAlertId().length() > ID_LIMIT) {
      problems.add(Problem.of("alertId", "不是关系 " + relationshipId + " 的提醒：\"" + step.getAlertId() + "\"",
          "is no alert of relationship " + relationshipId + ": \"" + step.getAlertId() + "\""));
    }
    if (step.getActor().isBlank()) {
      problems.add(Problem.of("actor", "不能为空", "must not be blank"));
    }
  }

  /**
   * The kind of alert an alert id names, when it is one of the relationship's: alert ids read
   * "relationshipId|kind|what".
   */
  public static Optional<AlertKind> alertKindOf(String alertId, String relationshipId) {
    String[] parts = alertId.split("\\|", 3);
    if (parts.length < 3 || !parts[0].equals(relationshipId) || parts[2].isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AlertKind.valueOf(parts[1]));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static void checkPlan(ExchangePlanned plan, LocalDate day, List<Problem> problems) {
    Optional<EventType> type = EventTypes.named(plan.getEventType()).filter(EventType::exchange);
    if (type.isEmpty()) {
      problems.add(Problem.of("action.eventType", "须为交流类型之一 " + exchangeNames() + "，而不是 \""
          + plan.getEventType() + "\"", "must be one of the exchange types " + exchangeNames() + ", not \""
          + plan.getEventType() + "\""));
    } else {
      checkVariant(type.get(), plan.getVariant(), problems);
      boolean delegation = type.get() == EventTypes.DELEGATION_VISITED;
      if (delegation && plan.getDirection() == null) {
        problems.add(Problem.of("action.direction", "出访或来访须注明", "must say inbound or outbound"));
      } else if (!delegation && plan.getDirection() != null) {
        problems.add(Problem.of("action.direction", "只有代表团有方向", "only a delegation has a direction"));
      }
    }
    if (new HashSet<>(plan.getDomains()).size() < plan.getDomains().size()) {
      problems.add(Problem.of("action.domains", "同一领域列了两次", "names a domain twice"));
    }
    checkDay("action.plannedOn", plan.getPlannedOn(), day, PLAN_YEARS_AHEAD, problems);
  }

  /** A type whose points depend on one of its fields needs the planned symbol of that field, and only then. */
  private static void checkVariant(EventType type, String variant, List<Problem> problems) {
    PointRule rule = type.points();
    if (rule.field() == null) {
      if (variant != null) {
        problems.add(Problem.of("action.variant", "“" + type.zh() + "”不分类别", type.en() + " has no variants"));
      }
    } else if (variant == null || !rule.points().containsKey(variant)) {
      String given = variant == null ? "空" : "\"" + variant + "\"";
      problems.add(Problem.of("action.variant", "“" + type.zh() + "”须注明 " + rule.field() + "，取值之一 "
          + rule.points().keySet() + "，而不是" + given, "must be a " + rule.field() + ", one of "
          + rule.points().keySet() + ", not " + (variant == null ? "empty" : "\"" + variant + "\"")));
    }
  }

  private static void checkDay(String path, LocalDate value, LocalDate stepDay, int yearsAhead,
      List<Problem> problems) {
    LocalDate latest = stepDay.plusYears(yearsAhead);
    if (value.isBefore(stepDay) || value.isAfter(latest)) {
      problems.add(Problem.of(path, "须在 " + stepDay + " 至 " + latest + " 之间，而不是 " + value,
          "must be between " + stepDay + " and " + latest + ", not " + value));
    }
  }

  private static List<String> exchangeNames() {
    return EventTypes.exchanges().stream().map(EventType::name).toList();
  }
}
