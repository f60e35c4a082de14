package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.EXACT;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.programme;
import static org.amity.streams.model.TestEvents.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.streams.model.RelationshipFigures;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Late, out-of-order and duplicated events give the figures of the history as it should have been. */
class EventOrderTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";

  @Test
  void aLateEventIsScoredAsIfItHadArrivedInTime() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      DelegationVisited mayor = delegation(envelope("mayor", daysBefore(nextScore(streams), 3), ROTTERDAM,
          Domain.GOVERNANCE), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT);
      streams.send(mayor);
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getSubstance()).isZero();

      streams.advance(Duration.ofDays(2));
      // signed 200 days ago, reported only now
      Instant at = nextScore(streams);
      SpecificRecord late = agreement(envelope("memo", daysBefore(at, 200), List.of(ROTTERDAM),
          Domain.PORTS_AND_LOGISTICS).setRecordedAt(streams.now()).build(), AgreementKind.MEMORANDUM);
      streams.send(late);
      streams.publish();

      RelationshipFigures expected = Reference.figures(ROTTERDAM, LONG_AGO, at, List.of(mayor, late));
      Reference.assertSameVitality(streams.vitality(ROTTERDAM), expected.vitality());
      Reference.assertSameActivity(streams.activity(ROTTERDAM), expected.activity());
      assertThat(streams.vitality(ROTTERDAM).getSubstance()).isCloseTo(0.5, within(EXACT));
      assertThat(streams.vitality(ROTTERDAM).getDaysSinceLastSubstantive()).isEqualTo(200);
    }
  }

  @Test
  void eventsArrivingInAnyOrderGiveTheFiguresOfTheChronologicalHistory() {
    Instant at = START.plus(TopologyFixture.EMIT);
    List<SpecificRecord> history = new ArrayList<>(List.of(
        agreement(envelope("memo", daysBefore(at, 500), ROTTERDAM, Domain.PORTS_AND_LOGISTICS),
            AgreementKind.MEMORANDUM),
        delegation(envelope("port", daysBefore(at, 300), ROTTERDAM, Domain.PORTS_AND_LOGISTICS), Direction.OUTBOUND,
            DelegationLevel.SENIOR_OFFICIAL),
        exhibition(envelope("exhibition", daysBefore(at, 120), ROTTERDAM, Domain.CULTURE)),
        programme(envelope("students", daysBefore(at, 80), ROTTERDAM, Domain.EDUCATION_AND_YOUTH), Direction.INBOUND),
        delegation(envelope("mayor", daysBefore(at, 20), ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
            DelegationLevel.HEAD_OF_GOVERNMENT),
        video(envelope("call", daysBefore(at, 1), ROTTERDAM, Domain.GOVERNANCE))));
    List<SpecificRecord> shuffled = new ArrayList<>(history);
    Collections.reverse(shuffled);
    Collections.swap(shuffled, 1, 4);

    RelationshipVitality inOrder = scored(history);
    RelationshipVitality outOfOrder = scored(shuffled);

    assertThat(outOfOrder).isEqualTo(inOrder);
    Reference.assertSameVitality(outOfOrder, Reference.figures(ROTTERDAM, LONG_AGO, at, history).vitality());
  }

  @Test
  void anEventSentSeveralTimesCountsOnce() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      DelegationVisited mayor = delegation(envelope("mayor", at, ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
          DelegationLevel.HEAD_OF_GOVERNMENT);
      streams.send(mayor).send(mayor).send(mayor);
      streams.publish();
      streams.send(mayor);
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getExchanges()).isEqualTo(1);
      assertThat(v.getRawMomentum()).isCloseTo(10, within(EXACT));
      assertThat(streams.activity(ROTTERDAM).getWindows().get(0).getTotal()).isEqualTo(Reference.tally(1, 10));
      Reference.assertSameVitality(v, Reference.figures(ROTTERDAM, LONG_AGO, at, List.of(mayor)).vitality());
    }
  }

  @Test
  void ofTwoDifferentEventsWithOneIdTheFirstRecordedCountsWhicheverArrivesFirst() {
    Instant at = START.plus(TopologyFixture.EMIT);
    Instant visited = daysBefore(at, 5);
    SpecificRecord recordedFirst = delegation(envelope("visit", visited, List.of(ROTTERDAM), Domain.GOVERNANCE)
        .setRecordedAt(daysBefore(at, 4)).build(), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT);
    SpecificRecord recordedLater = delegation(envelope("visit", visited, List.of(ROTTERDAM), Domain.GOVERNANCE)
        .setRecordedAt(daysBefore(at, 2)).build(), Direction.INBOUND, DelegationLevel.DEPARTMENT);

    RelationshipVitality firstArrivesFirst = scored(List.of(recordedFirst, recordedLater));
    RelationshipVitality laterArrivesFirst = scored(List.of(recordedLater, recordedFirst));

    assertThat(firstArrivesFirst.getRawMomentum()).isCloseTo(Reference.decayed(10, 5), within(EXACT));
    assertThat(laterArrivesFirst).isEqualTo(firstArrivesFirst);
    assertThat(laterArrivesFirst.getExchanges()).isEqualTo(1);
  }

  /** The vitality of {@link #ROTTERDAM} after its events arrive in this order, scored one emit interval later. */
  private static RelationshipVitality scored(List<SpecificRecord> events) {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      events.forEach(streams::send);
      streams.publish();
      return streams.vitality(ROTTERDAM);
    }
  }
}
