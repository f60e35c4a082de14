package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

/**
 * A change of band is announced when it is news to the office: time passing, or a recent exchange. Recording old
 * exchanges, or the history of a relationship Amity did not know any exchange of, corrects the band silently.
 */
class NewsAlertsTest {
  static final Instant NOW = VitalityRulesTest.START;
  static final String ROTTERDAM = "shanghai/nl-rotterdam";

  static DelegationVisited mayor(String id, Instant when) {
    return delegation(envelope(id, when, ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.HEAD_OF_GOVERNMENT);
  }

  @Test
  void importingTheHistoryOfARelationshipWithoutKnownExchangesRaisesNoAlert() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.DORMANT);

      streams.send(mayor("old", daysBefore(NOW, 2000))).send(mayor("recent", daysBefore(NOW, 3))).publish();

      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);
      assertThat(streams.alerts()).isEmpty();
    }
  }

  @Test
  void aLateRecordOfAnOldExchangeCorrectsTheBandSilently() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).send(mayor("visit", daysBefore(NOW, 200))).publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.COOLING);

      streams.send(mayor("recorded-late", daysBefore(NOW, 60))).publish();

      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);
      assertThat(streams.alerts()).isEmpty();
    }
  }

  @Test
  void aRecentExchangeThatRevivesARelationshipIsAnnounced() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).send(mayor("visit", daysBefore(NOW, 200))).publish();

      streams.send(mayor("last-week", daysBefore(NOW, 7))).publish();

      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.REVIVED);
        assertThat(alert.getFromBand()).isEqualTo(Band.COOLING);
        assertThat(alert.getBand()).isEqualTo(Band.ACTIVE);
      });
    }
  }

  @Test
  void silenceIsAnnouncedEvenWhenTheLastExchangeWasRecordedLate() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      for (int visit = 0; visit < 4; visit++) {
        streams.send(mayor("visit-" + visit, daysBefore(NOW, 170 + visit)));
      }
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);

      streams.advanceDays(11);

      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.COOLING);
        assertThat(alert.getFromBand()).isEqualTo(Band.ACTIVE);
      });
    }
  }
}
