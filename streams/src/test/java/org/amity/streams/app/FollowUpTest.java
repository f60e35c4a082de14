package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.FollowUpStatus;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.followups.Acknowledged;
import org.amity.followups.Assigned;
import org.amity.followups.Closed;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.junit.jupiter.api.Test;

/**
 * An alert's follow-up through the topology: steps recorded as events, a planned exchange with its what-if figures
 * that leaves the score alone and closes itself when the exchange is recorded, and the alerts a follow-up raises
 * once: overdue, plan missed.
 */
class FollowUpTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static int steps;

  @Test
  void aPlannedVisitLeavesTheScoreAloneShowsWhatItWouldDoAndClosesTheFollowUpWhenRecorded() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      RelationshipVitality before = streams.vitality(ROTTERDAM);
      LocalDate plannedOn = today(streams).plusDays(20);

      streams.step(step(streams, dormant, new Acknowledged("seen"))).step(step(streams, dormant, visitOn(plannedOn))).publish();

      FollowUp planned = streams.followUps().get(dormant.getAlertId());
      assertThat(planned.getStatus()).isEqualTo(FollowUpStatus.PLANNED);
      assertThat(planned.getAcknowledgedBy()).isEqualTo("zhang.wei");
      assertThat(planned.getAlertKind()).isEqualTo(AlertKind.WENT_DORMANT);
      assertThat(planned.getPlanned().getWhatIfBand()).isIn(Band.ACTIVE, Band.COOLING);
      assertThat(planned.getPlanned().getWhatIfScore()).isGreaterThan(before.getScore());
      assertThat(streams.vitality(ROTTERDAM).getScore()).as("a plan is not history").isEqualTo(before.getScore());
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.DORMANT);

      streams.advance(Duration.between(streams.now(), plannedOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
      streams.send(senior("the-visit", streams.now())).publish();

      RelationshipVitality after = streams.vitality(ROTTERDAM);
      assertThat(after.getBand()).isEqualTo(planned.getPlanned().getWhatIfBand());
      assertThat(after.getScore()).isEqualTo(planned.getPlanned().getWhatIfScore());
      assertThat(after.getForecastDormantOn()).isEqualTo(planned.getPlanned().getWhatIfDormantOn());
      FollowUp closed = streams.followUps().get(dormant.getAlertId());
      assertThat(closed.getStatus()).isEqualTo(FollowUpStatus.CLOSED);
      assertThat(closed.getClosedByEventId()).isEqualTo("the-visit");
      assertThat(streams.alerts()).extracting(Alert::getKind).doesNotContain(AlertKind.PLAN_MISSED);
    }
  }

  @Test
  void onlyAnExchangeLikeThePlannedOneAndNotBeforeThePlanWasMadeCarriesItOut() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      streams.send(senior("visit-before-the-plan", streams.now().minus(Duration.ofDays(2)))).publish();
      streams.step(step(streams, dormant, visitOn(today(streams).plusDays(10)))).publish();
      DelegationVisited outbound = delegation(envelope("visit-the-other-way", streams.now().plusSeconds(60), ROTTERDAM,
          Domain.GOVERNANCE), Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL);
      streams.advance(Duration.ofMinutes(2)).send(outbound).publish();

      assertThat(streams.followUps().get(dormant.getAlertId()).getStatus()).isEqualTo(FollowUpStatus.PLANNED);

      streams.send(senior("the-visit", streams.now().minusSeconds(10))).publish();

      assertThat(streams.followUps().get(dormant.getAlertId()).getClosedByEventId()).isEqualTo("the-visit");
    }
  }

  @Test
  void aPlanWhoseDayPassesWithNothingRecordedRaisesOneAlert() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      LocalDate plannedOn = today(streams).plusDays(10);
      streams.step(step(streams, dormant, visitOn(plannedOn))).publish();

      streams.advanceDays(39);
      assertThat(missed(streams)).isEmpty();
      streams.advanceDays(3);
      streams.advanceDays(30);

      assertThat(missed(streams)).singleElement().satisfies(alert -> {
        assertThat(alert.getFollowUpOf()).isEqualTo(dormant.getAlertId());
        assertThat(alert.getFollowUpDay()).isEqualTo(plannedOn);
        assertThat(alert.getRaisedAt()).isAfterOrEqualTo(
            plannedOn.plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant());
      });
    }
  }

  @Test
  void anAssignedFollowUpWithoutAnswerByItsDayIsOverdueOnceAndAgainAfterANewAssignment() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      LocalDate due = today(streams).plusDays(5);
      streams.step(step(streams, dormant, new Assigned("li.na", due, null))).publish();
      assertThat(streams.followUps().get(dormant.getAlertId()).getAssignee()).isEqualTo("li.na");

      streams.advanceDays(10);
      assertThat(overdue(streams)).singleElement().extracting(Alert::getFollowUpDay).isEqualTo(due);

      LocalDate later = today(streams).plusDays(5);
      streams.step(step(streams, dormant, new Assigned("li.na", later, "after the holidays"))).publish();
      streams.advanceDays(10);

      assertThat(overdue(streams)).extracting(Alert::getFollowUpDay).containsExactly(due, later);
    }
  }

  @Test
  void anAnsweredOrClosedFollowUpIsNeverOverdue() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      streams.step(step(streams, dormant, new Assigned("li.na", today(streams).plusDays(2), null)))
          .step(step(streams, dormant, new Closed(null, "partner city merged"))).publish();

      streams.advanceDays(10);

      assertThat(overdue(streams)).isEmpty();
      assertThat(streams.followUps().get(dormant.getAlertId())).satisfies(followUp -> {
        assertThat(followUp.getStatus()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(followUp.getClosedBy()).isEqualTo("zhang.wei");
        assertThat(followUp.getNote()).isEqualTo("partner city merged");
      });
    }
  }

  @Test
  void aStepSentTwiceIsTakenOnceAndNoStepReopensAClosedFollowUp() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      FollowUpStep assign = step(streams, dormant, new Assigned("li.na", today(streams).plusDays(2), null));
      streams.step(assign).step(step(streams, dormant, new Closed(null, null))).publish();

      streams.step(assign).step(step(streams, dormant, new Acknowledged("late"))).publish();

      assertThat(streams.followUps().get(dormant.getAlertId()).getStatus()).isEqualTo(FollowUpStatus.CLOSED);
      streams.advanceDays(5);
      assertThat(overdue(streams)).isEmpty();
    }
  }

  @Test
  void aBadStepGoesToTheDeadLettersAndTheNextIsTaken() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Alert dormant = wentDormant(streams);
      FollowUpStep otherOffice = step(streams, dormant, new Acknowledged(null));
      otherOffice.setOfficeId("jinan");
      FollowUpStep unknown = step(streams, dormant, new Acknowledged(null));
      unknown.setRelationshipId("shanghai/xx-nowhere");
      unknown.setAlertId("shanghai/xx-nowhere|WENT_DORMANT|x");
      FollowUpStep badPlan = step(streams, dormant, ExchangePlanned.newBuilder().setEventType("DelegationVisited")
          .setPlannedOn(today(streams).plusDays(3)).build());

      streams.step(otherOffice).step(unknown).step(badPlan);
      streams.sendTo(Topics.FOLLOW_UP_STEPS.name(), "shanghai/nl-amsterdam", step(streams, dormant, new Acknowledged(null)));
      streams.step(step(streams, dormant, new Acknowledged("fine"))).publish();

      assertThat(streams.deadLetters()).hasSize(4);
      assertThat(streams.followUps().get(dormant.getAlertId()).getStatus()).isEqualTo(FollowUpStatus.ACKNOWLEDGED);
    }
  }

  /** Rotterdam, visited 300 days ago, goes dormant as the days pass: the alert to follow up. */
  private static Alert wentDormant(TopologyFixture streams) {
    streams.add(relationship(ROTTERDAM, LONG_AGO)).send(senior("old-visit", daysBefore(NOW, 300))).publish();
    streams.advanceDays(70);
    return streams.alerts().stream().filter(alert -> alert.getKind() == AlertKind.WENT_DORMANT).findFirst()
        .orElseThrow();
  }

  private static FollowUpStep step(TopologyFixture streams, Alert alert, Object action) {
    return FollowUpStep.newBuilder().setStepId("step-" + ++steps).setAlertId(alert.getAlertId())
        .setRelationshipId(alert.getRelationshipId()).setOfficeId(alert.getOfficeId()).setActor("zhang.wei")
        .setAt(streams.now()).setAction(action).build();
  }

  private static ExchangePlanned visitOn(LocalDate day) {
    return ExchangePlanned.newBuilder().setEventType("DelegationVisited").setPlannedOn(day)
        .setVariant("SENIOR_OFFICIAL").setDirection(Direction.INBOUND).setDomains(List.of(Domain.GOVERNANCE))
        .setLedBy("Vice-mayor").build();
  }

  private static DelegationVisited senior(String id, Instant at) {
    return delegation(envelope(id, at, ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.SENIOR_OFFICIAL);
  }

  private static LocalDate today(TopologyFixture streams) {
    return LocalDate.ofInstant(streams.now(), ZoneOffset.UTC);
  }

  private static List<Alert> missed(TopologyFixture streams) {
    return streams.alerts().stream().filter(alert -> alert.getKind() == AlertKind.PLAN_MISSED).toList();
  }

  private static List<Alert> overdue(TopologyFixture streams) {
    return streams.alerts().stream().filter(alert -> alert.getKind() == AlertKind.FOLLOW_UP_OVERDUE).toList();
  }
}
