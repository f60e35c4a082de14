package org.amity.streams.ledger;

import java.time.Instant;
import org.amity.aggregates.Band;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.aggregates.PlannedExchange;
import org.amity.contract.FollowUpStepValidator;
import org.amity.followups.Acknowledged;
import org.amity.followups.Assigned;
import org.amity.followups.Closed;
import org.amity.followups.Decided;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.amity.partners.Relationship;

/**
 * What a step does to its alert's follow-up, kept in the relationship's state. Steps come in the order they were
 * written; a step taken already is passed over, and so is any step after the follow-up was closed. A new assignment
 * or plan replaces the last, and may raise its own overdue or missed alert.
 */
public final class FollowUpSteps {
  private FollowUpSteps() {}

  /** Applies the step to the relationship's follow-ups; returns whether anything changed. */
  public static boolean apply(RelationshipState state, FollowUpStep step) {
    FollowUpState followUp = followUpOf(state, step);
    if (followUp.getSteps().contains(step.getStepId())
        || followUp.getFollowUp().getStatus() == FollowUpStatus.CLOSED) {
      return false;
    }
    followUp.getSteps().add(step.getStepId());
    FollowUp view = followUp.getFollowUp();
    Object action = step.getAction();
    if (action instanceof Acknowledged acknowledged) {
      view.setAcknowledgedBy(step.getActor());
      view.setAcknowledgedAt(step.getAt());
      advance(view, FollowUpStatus.ACKNOWLEDGED);
      note(view, acknowledged.getNote());
    } else if (action instanceof Assigned assigned) {
      view.setAssignee(assigned.getOfficer());
      if (!assigned.getDueOn().equals(view.getDueOn())) {
        followUp.setOverdueAlerted(false);
      }
      view.setDueOn(assigned.getDueOn());
      advance(view, FollowUpStatus.ASSIGNED);
      note(view, assigned.getNote());
    } else if (action instanceof ExchangePlanned plan) {
      // the what-if figures are the scorer's, filled in before the follow-up is published
      if (view.getPlanned() == null || !plan.getPlannedOn().equals(view.getPlanned().getPlan().getPlannedOn())) {
        followUp.setMissedAlerted(false);
      }
      view.setPlanned(new PlannedExchange(plan, step.getActor(), step.getAt(), 0, Band.NEW, null));
      view.setDecision(null);
      view.setStatus(FollowUpStatus.PLANNED);
      note(view, plan.getNote());
    } else if (action instanceof Decided decided) {
      view.setDecision(decided.getDecision());
      view.setPlanned(null);
      view.setStatus(FollowUpStatus.DECIDED);
      note(view, decided.getNote());
    } else if (action instanceof Closed closed) {
      close(view, step.getActor(), step.getAt(), closed.getExchangeEventId());
      note(view, closed.getNote());
    }
    view.setUpdatedAt(step.getAt());
    followUp.setUnpublished(true);
    return true;
  }

  /** Closes the follow-up; {@code exchangeEventId} names the recorded exchange that carried out its plan, if any. */
  public static void close(FollowUp view, String by, Instant at, String exchangeEventId) {
    view.setStatus(FollowUpStatus.CLOSED);
    view.setClosedBy(by);
    view.setClosedAt(at);
    view.setClosedByEventId(exchangeEventId);
    view.setUpdatedAt(at);
  }

  private static FollowUpState followUpOf(RelationshipState state, FollowUpStep step) {
    for (FollowUpState followUp : state.getFollowUps()) {
      if (followUp.getFollowUp().getAlertId().equals(step.getAlertId())) {
        return followUp;
      }
    }
    Relationship relationship = state.getRelationship();
    FollowUp view = FollowUp.newBuilder()
        .setAlertId(step.getAlertId())
        .setAlertKind(FollowUpStepValidator.alertKindOf(step.getAlertId(), step.getRelationshipId()).orElseThrow())
        .setRelationshipId(step.getRelationshipId())
        .setOfficeId(step.getOfficeId())
        .setPartnerNameEn(relationship.getPartnerNameEn())
        .setPartnerNameZh(relationship.getPartnerNameZh())
        .setStatus(FollowUpStatus.OPEN)
        .setUpdatedAt(step.getAt())
        .build();
    FollowUpState followUp = FollowUpState.newBuilder().setFollowUp(view).build();
    state.getFollowUps().add(followUp);
    return followUp;
  }

  /** Acknowledging or assigning moves an open follow-up on, never one already answered. */
  private static void advance(FollowUp view, FollowUpStatus status) {
    if (view.getStatus().ordinal() < status.ordinal()) {
      view.setStatus(status);
    }
  }

  private static void note(FollowUp view, String note) {
    if (note != null && !note.isBlank()) {
      view.setNote(note);
    }
  }
}
