package org.amity.streams.vitality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.aggregates.PlannedExchange;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.PointRule;
import org.amity.followups.ExchangePlanned;
import org.amity.partners.RelationshipStatus;
import org.amity.streams.ledger.FollowUpState;
import org.amity.streams.ledger.FollowUpSteps;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.model.Exchange;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.Vitality;
import org.amity.streams.model.VitalityModel;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the follow-ups of a relationship's alerts need when it is scored. A planned exchange counts as a plan, not as
 * history: it leaves the score alone, and its what-if figures are the score, band and dormancy date the model gives
 * the relationship at the start of the planned day (or now, once that day has come) with the exchange added. A
 * recorded exchange like the planned one, within {@value #PLAN_WINDOW_DAYS} days of the planned day, carries the plan
 * out and closes the follow-up. Each raised once:
 * FOLLOW_UP_OVERDUE when an assigned follow-up has no plan, decision or closing by the end of its due day,
 * PLAN_MISSED when the plan's window has passed with nothing recorded. An ended relationship raises neither.
 */
final class FollowUpRules {
  static final int PLAN_WINDOW_DAYS = 30;
  /** The actor named when a recorded exchange closes a follow-up. */
  static final String CLOSED_BY_EXCHANGE = "amity";
  private final ModelSettings settings;
  private final VitalityModel model;

  FollowUpRules(ModelSettings settings, VitalityModel model) {
    this.settings = settings;
    this.model = model;
  }

  /**
   * What the follow-ups publish now.
   *
   * @param records the follow-ups that changed since last published, then the alerts due
   * @param nextDeadline the start of the first day on which an alert may fall due if nothing changes; null if none
   */
  record Due(List<SpecificRecord> records, Instant nextDeadline) {}

  Due due(RelationshipState state, RelationshipVitality vitality, List<Exchange> exchanges, Instant now) {
    List<SpecificRecord> changed = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    Instant next = null;
    boolean ended = state.getRelationship().getStatus() == RelationshipStatus.ENDED;
    for (FollowUpState followUp : state.getFollowUps()) {
      FollowUp view = followUp.getFollowUp();
      if (view.getStatus() == FollowUpStatus.PLANNED) {
        followPlan(followUp, exchanges, state.getRelationship().getEstablishedOn(), now);
      }
      Instant deadline = deadline(followUp);
      if (deadline != null && !ended) {
        if (now.isBefore(deadline)) {
          next = next == null || deadline.isBefore(next) ? deadline : next;
        } else {
          alerts.add(alert(state, followUp, vitality, now));
        }
      }
      if (followUp.getUnpublished()) {
        changed.add(FollowUp.newBuilder(view).build());
        followUp.setUnpublished(false);
      }
    }
    changed.addAll(alerts);
    return new Due(changed, next);
  }

  /** Closes the follow-up if a recorded exchange carried out its plan; else brings its what-if figures up to date. */
  private void followPlan(FollowUpState followUp, List<Exchange> exchanges, LocalDate establishedOn, Instant now) {
    FollowUp view = followUp.getFollowUp();
    ExchangePlanned plan = view.getPlanned().getPlan();
    Optional<Exchange> carriedOut = carriedOut(view.getPlanned(), exchanges);
    if (carriedOut.isPresent()) {
      FollowUpSteps.close(view, CLOSED_BY_EXCHANGE, now, carriedOut.get().eventId());
      followUp.setUnpublished(true);
      return;
    }
    PlannedExchange planned = view.getPlanned();
    Vitality whatIf = whatIf(plan, view.getAlertId(), exchanges, establishedOn, now);
    if (planned.getWhatIfScore() != whatIf.score() || planned.getWhatIfBand() != Records.band(whatIf.band())
        || !Objects.equals(planned.getWhatIfDormantOn(), whatIf.forecastDormantOn())) {
      planned.setWhatIfScore(whatIf.score());
      planned.setWhatIfBand(Records.band(whatIf.band()));
      planned.setWhatIfDormantOn(whatIf.forecastDormantOn());
      followUp.setUnpublished(true);
    }
  }

  /**
   * The recorded exchange that carries the plan out, if any: of its type (and direction, for a delegation), within
   * {@value #PLAN_WINDOW_DAYS} days of the planned day and not before the day the plan was made; the nearest to the
   * planned day.
   */
  private Optional<Exchange> carriedOut(PlannedExchange planned, List<Exchange> exchanges) {
    ExchangePlanned plan = planned.getPlan();
    long plannedDay = plan.getPlannedOn().toEpochDay();
    Instant madeOn = startOf(dayOf(planned.getPlannedAt()));
    return exchanges.stream()
        .filter(exchange -> exchange.type().equals(plan.getEventType()))
        .filter(exchange -> plan.getDirection() == null || plan.getDirection() == exchange.direction())
        .filter(exchange -> !exchange.occurredAt().isBefore(madeOn))
        .filter(exchange -> Math.abs(dayOf(exchange.occurredAt()).toEpochDay() - plannedDay) <= PLAN_WINDOW_DAYS)
        .min(Comparator.comparingLong(exchange -> Math.abs(dayOf(exchange.occurredAt()).toEpochDay() - plannedDay)));
  }

  /** The relationship on the planned day (or now, on that day), with the planned exchange recorded. */
  private Vitality whatIf(ExchangePlanned plan, String alertId, List<Exchange> exchanges, LocalDate establishedOn,
      Instant now) {
    Instant dayStarts = startOf(plan.getPlannedOn());
    Instant at = now.isAfter(dayStarts) ? now : dayStarts;
    PointRule rule = settings.points().byType().get(plan.getEventType());
    int points = rule.points().get(rule.field() == null ? PointRule.EVERY : plan.getVariant());
    Exchange planned = new Exchange("plan:" + alertId, at, points,
        settings.points().substantiveTypes().contains(plan.getEventType()), Set.copyOf(plan.getDomains()),
        plan.getDirection(), plan.getEventType());
    List<Exchange> withPlan = new ArrayList<>(exchanges);
    withPlan.add(planned);
    return model.score(withPlan, at, establishedOn);
  }

  /** The start of the day on which the follow-up's alert falls due, while one is still to be raised; else null. */
  private Instant deadline(FollowUpState followUp) {
    FollowUp view = followUp.getFollowUp();
    return switch (view.getStatus()) {
      case OPEN, ACKNOWLEDGED, ASSIGNED -> view.getDueOn() == null || followUp.getOverdueAlerted() ? null
          : startOf(view.getDueOn().plusDays(1));
      case PLANNED -> followUp.getMissedAlerted() ? null
          : startOf(view.getPlanned().getPlan().getPlannedOn().plusDays(PLAN_WINDOW_DAYS + 1));
      default -> null;
    };
  }

  private Alert alert(RelationshipState state, FollowUpState followUp, RelationshipVitality v, Instant now) {
    FollowUp view = followUp.getFollowUp();
    boolean planned = view.getStatus() == FollowUpStatus.PLANNED;
    AlertKind kind = planned ? AlertKind.PLAN_MISSED : AlertKind.FOLLOW_UP_OVERDUE;
    LocalDate day = planned ? view.getPlanned().getPlan().getPlannedOn() : view.getDueOn();
    String message = planned
        ? String.format("%s (%s): the exchange planned for %s was not recorded.", v.getPartnerNameEn(),
            v.getRelationshipId(), day)
        : String.format("%s (%s): the follow-up due by %s has no answer.", v.getPartnerNameEn(), v.getRelationshipId(),
            day);
    if (planned) {
      followUp.setMissedAlerted(true);
    } else {
      followUp.setOverdueAlerted(true);
    }
    return AlertRules.alert(state.getRelationship(), v, kind, now, day + " " + view.getAlertId(), message)
        .setFollowUpOf(view.getAlertId()).setFollowUpDay(day).build();
  }

  private LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone());
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone()).toInstant();
  }

  private ZoneId zone() {
    return settings.zone();
  }
}
