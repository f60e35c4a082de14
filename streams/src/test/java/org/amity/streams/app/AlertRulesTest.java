package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

/** Anniversary, agreement-expiry and band-change alerts: each raised once, when due. */
class AlertRulesTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final LocalDate TODAY = LocalDate.ofInstant(START, ZoneOffset.UTC);

  @Test
  void aRoundAnniversaryWithinNinetyDaysIsAnnouncedOnceHoweverOftenTheReviewRuns() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      // the 45th anniversary is 44 days away
      streams.add(relationship(ROTTERDAM, LocalDate.of(1981, 7, 15)));
      streams.publish();
      streams.advanceDays(60);

      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.ANNIVERSARY);
        assertThat(alert.getAnniversaryYears()).isEqualTo(45);
        assertThat(alert.getAnniversaryOn()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(alert.getRaisedAt()).isEqualTo(START.plus(TopologyFixture.EMIT));
        assertThat(alert.getAlertId()).isEqualTo(ROTTERDAM + "|ANNIVERSARY|year-45");
      });
    }
  }

  @Test
  void aRoundAnniversaryIsAnnouncedNinetyDaysAheadAndNotBefore() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      // the 30th anniversary is 106 days away
      streams.add(relationship(ROTTERDAM, LocalDate.of(1996, 9, 15)));
      streams.publish();
      assertThat(streams.alerts()).isEmpty();

      streams.advanceDays(30);

      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.ANNIVERSARY);
        assertThat(alert.getAnniversaryYears()).isEqualTo(30);
        assertThat(LocalDate.ofInstant(alert.getRaisedAt(), ZoneOffset.UTC))
            .isEqualTo(LocalDate.of(2026, 9, 15).minusDays(90));
      });
    }
  }

  @Test
  void anAnniversaryThatIsNotAMultipleOfFiveYearsIsNotAnnounced() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      // the 43rd anniversary is 30 days away, the 44th more than a year
      streams.add(relationship(ROTTERDAM, TODAY.plusDays(30).minusYears(43)));
      streams.publish();
      streams.advanceDays(40);

      assertThat(streams.alerts()).isEmpty();
    }
  }

  @Test
  void anExpiringAgreementIsAnnouncedOnceNinetyDaysBeforeItsLastDay() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      LocalDate validUntil = TODAY.plusDays(100);
      streams.send(agreement("agreement", daysBefore(START, 4 * 365), validUntil));
      streams.publish();
      assertThat(expiryAlerts(streams)).isEmpty();

      streams.advanceDays(60);

      assertThat(expiryAlerts(streams)).singleElement().satisfies(alert -> {
        assertThat(alert.getAgreementEventId()).isEqualTo("agreement");
        assertThat(alert.getAgreementValidUntil()).isEqualTo(validUntil);
        assertThat(LocalDate.ofInstant(alert.getRaisedAt(), ZoneOffset.UTC)).isEqualTo(validUntil.minusDays(90));
        assertThat(alert.getAlertId()).isEqualTo(ROTTERDAM + "|AGREEMENT_EXPIRING|agreement");
      });
    }
  }

  @Test
  void anAgreementRenewedByALaterOneThatRunsLongerRaisesNoExpiryAlert() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(agreement("agreement", daysBefore(at, 4 * 365), TODAY.plusDays(60)));
      streams.send(agreement("renewal", daysBefore(at, 10), TODAY.plusYears(5)));
      streams.publish();
      streams.advanceDays(70);

      assertThat(expiryAlerts(streams)).isEmpty();
    }
  }

  @Test
  void aLaterAgreementThatEndsSoonerDoesNotSilenceTheExpiryOfTheEarlierOne() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(agreement("agreement", daysBefore(at, 4 * 365), TODAY.plusDays(60)));
      streams.send(agreement("short-memo", daysBefore(at, 10), TODAY.plusDays(30)));
      streams.publish();
      streams.advanceDays(5);

      assertThat(expiryAlerts(streams)).extracting(Alert::getAgreementEventId)
          .containsExactlyInAnyOrder("agreement", "short-memo");
    }
  }

  @Test
  void reachingSixtyRaisesThrivingAndFallingBackRaisesSlowedOnceEach() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(mayor("a", at, Direction.INBOUND, Domain.CULTURE));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);

      // two more mayoral visits: 2 in, 1 out over 2 domains, V = 60
      streams.send(mayor("b", at, Direction.INBOUND, Domain.HEALTH));
      streams.send(mayor("c", at, Direction.OUTBOUND, Domain.HEALTH));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getScore()).isEqualTo(60);
      // momentum decays below V = 59.5 after 180 · log2(30 / 28.92) = 9.5 days
      streams.advanceDays(15);

      assertThat(streams.alerts()).extracting(Alert::getKind, Alert::getFromBand, Alert::getBand).containsExactly(
          org.assertj.core.groups.Tuple.tuple(AlertKind.THRIVING, Band.ACTIVE, Band.THRIVING),
          org.assertj.core.groups.Tuple.tuple(AlertKind.SLOWED, Band.THRIVING, Band.ACTIVE));
      Alert slowed = streams.alerts().get(1);
      assertThat(slowed.getScore()).isEqualTo(59);
      assertThat(LocalDate.ofInstant(slowed.getRaisedAt(), ZoneOffset.UTC)).isEqualTo(TODAY.plusDays(10));
    }
  }

  private static List<Alert> expiryAlerts(TopologyFixture streams) {
    return streams.alerts().stream().filter(alert -> alert.getKind() == AlertKind.AGREEMENT_EXPIRING).toList();
  }

  private static AgreementSigned agreement(String eventId, Instant signed, LocalDate validUntil) {
    AgreementSigned agreement = org.amity.streams.model.TestEvents.agreement(
        envelope(eventId, signed, ROTTERDAM, Domain.GOVERNANCE), AgreementKind.COOPERATION_AGREEMENT);
    return AgreementSigned.newBuilder(agreement).setValidUntil(validUntil).build();
  }

  private static org.amity.events.DelegationVisited mayor(String eventId, Instant at, Direction direction,
      Domain domain) {
    return delegation(envelope(eventId, at, ROTTERDAM, domain), direction, DelegationLevel.HEAD_OF_GOVERNMENT);
  }
}
