package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.EXACT;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.retraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A retraction withdraws an event whenever it arrives; a correction replaces the event it names; both act only within
 * the relationships they name, so no office can withdraw another's event.
 */
class RetractionAndCorrectionTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final String SACRAMENTO = "jinan/us-sacramento";

  @Test
  void aRetractionArrivingAfterTheEventWithdrawsIt() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      SpecificRecord mayor = mayor("mayor", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, null);
      SpecificRecord exhibition = exhibition(envelope("exhibition", daysBefore(at, 4), ROTTERDAM, Domain.CULTURE));
      streams.send(mayor).send(exhibition);
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(2);

      Instant later = nextScore(streams);
      SpecificRecord withdrawal = retraction("withdraw-exhibition", "exhibition", streams.now(), ROTTERDAM);
      streams.send(withdrawal);
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getRawMomentum()).isCloseTo(Reference.decayed(10, 10 + 1 / 86_400d), within(EXACT));
      assertThat(v.getBreadth()).isCloseTo(0.25, within(EXACT));
      assertThat(streams.activity(ROTTERDAM).getWindows().get(0).getTotal()).isEqualTo(Reference.tally(1, 10));
      Reference.assertSameVitality(v,
          Reference.figures(ROTTERDAM, LONG_AGO, later, List.of(mayor, exhibition, withdrawal)).vitality());
    }
  }

  @Test
  void aRetractionArrivingBeforeTheEventKeepsItOut() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      SpecificRecord withdrawal = retraction("withdraw-exhibition", "exhibition", daysBefore(at, 1), ROTTERDAM);
      SpecificRecord mayor = mayor("mayor", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, null);
      SpecificRecord exhibition = exhibition(envelope("exhibition", daysBefore(at, 4), ROTTERDAM, Domain.CULTURE));
      streams.send(withdrawal);
      streams.publish();
      streams.send(mayor).send(exhibition);
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getTopContributors()).extracting(c -> c.getEventId()).containsExactly("mayor");
      assertThat(streams.activity(ROTTERDAM).getWindows().get(0).getByDomain()).doesNotContainKey("CULTURE");
      Reference.assertSameVitality(v, Reference.figures(ROTTERDAM, LONG_AGO, streams.now(),
          List.of(withdrawal, mayor, exhibition)).vitality());
    }
  }

  @Test
  void aCorrectionReplacesTheEventItCorrects() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      // first recorded as a department's visit, then corrected: it was the mayor
      SpecificRecord recorded = mayor("visit", daysBefore(at, 10), DelegationLevel.DEPARTMENT, null);
      SpecificRecord corrected = mayor("visit-fixed", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, "visit");
      streams.send(recorded);
      streams.publish();
      streams.send(corrected);
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getTopContributors()).extracting(c -> c.getEventId()).containsExactly("visit-fixed");
      assertThat(streams.activity(ROTTERDAM).getWindows().get(0).getTotal()).isEqualTo(Reference.tally(1, 10));
      Reference.assertSameVitality(v,
          Reference.figures(ROTTERDAM, LONG_AGO, streams.now(), List.of(recorded, corrected)).vitality());
    }
  }

  @Test
  void aCorrectionArrivingBeforeTheEventItCorrectsStillReplacesIt() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      SpecificRecord corrected = mayor("visit-fixed", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, "visit");
      SpecificRecord recorded = mayor("visit", daysBefore(at, 10), DelegationLevel.DEPARTMENT, null);
      streams.send(corrected).send(recorded);
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getRawMomentum()).isCloseTo(Reference.decayed(10, 10), within(EXACT));
    }
  }

  @Test
  void aChainOfCorrectionsLeavesOnlyTheLast() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(mayor("a", daysBefore(at, 10), DelegationLevel.DEPARTMENT, null));
      streams.send(mayor("c", daysBefore(at, 10), DelegationLevel.SENIOR_OFFICIAL, "b"));
      streams.send(mayor("b", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, "a"));
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getTopContributors()).extracting(c -> c.getEventId()).containsExactly("c");
      assertThat(v.getRawMomentum()).isCloseTo(Reference.decayed(6, 10), within(EXACT));
    }
  }

  @Test
  void retractingACorrectionRestoresTheEventItCorrected() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(mayor("visit", daysBefore(at, 10), DelegationLevel.DEPARTMENT, null));
      streams.send(mayor("visit-fixed", daysBefore(at, 10), DelegationLevel.HEAD_OF_GOVERNMENT, "visit"));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(Reference.decayed(10, 10), within(EXACT));

      streams.send(retraction("withdraw-fix", "visit-fixed", streams.now(), ROTTERDAM));
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getTopContributors()).extracting(c -> c.getEventId()).containsExactly("visit");
      assertThat(v.getRawMomentum()).isCloseTo(Reference.decayed(4, 10 + 1 / 86_400d), within(EXACT));
    }
  }

  @Test
  void aRetractionOrCorrectionOfAnotherOfficesEventLeavesThatEventCounted() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).add(relationship(SACRAMENTO, LONG_AGO));
      Instant at = nextScore(streams);
      SpecificRecord jinans = exhibition(envelope("jinan-exhibition", daysBefore(at, 4), SACRAMENTO, Domain.CULTURE));
      streams.send(jinans);
      streams.publish();

      streams.send(retraction("shanghai-withdraws", "jinan-exhibition", streams.now(), ROTTERDAM));
      streams.send(mayor("shanghai-corrects", daysBefore(at, 2), DelegationLevel.DEPARTMENT, "jinan-exhibition"));
      nextScore(streams);
      streams.publish();

      assertThat(streams.vitality(SACRAMENTO).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(SACRAMENTO).getTopContributors()).extracting(c -> c.getEventId())
          .containsExactly("jinan-exhibition");
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
    }
  }

  private static DelegationVisited mayor(String eventId, Instant at, DelegationLevel level, String corrects) {
    return delegation(envelope(eventId, at, List.of(ROTTERDAM), Domain.GOVERNANCE).setCorrects(corrects).build(),
        Direction.INBOUND, level);
  }
}
