package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

/**
 * Silence alone changes the band: no input event, only the wall clock moving (a day at a time, so the hourly review
 * runs every day), and one alert per transition however often the review runs.
 */
class DormancyTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";

  @Test
  void silenceAloneTurnsActiveToCoolingToDormantWithOneAlertPerTransitionThenANewEventRevivesIt() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant first = nextScore(streams);
      Instant visit = first.minus(Duration.ofHours(1));
      streams.send(mayor("mayor", visit));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);

      streams.advanceDays(400);

      // the day (after the first score) each band begins, from the hand-written formula and docs/design.md's bands
      int coolingDay = firstDay(first, visit, Band.COOLING);
      int dormantDay = firstDay(first, visit, Band.DORMANT);
      assertThat(coolingDay).isBetween(60, 100);
      assertThat(dormantDay).isEqualTo(365);
      assertThat(streams.alerts()).extracting(Alert::getKind, Alert::getFromBand, Alert::getBand, Alert::getRaisedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AlertKind.COOLING, Band.ACTIVE, Band.COOLING,
                  first.plus(Duration.ofDays(coolingDay))),
              org.assertj.core.groups.Tuple.tuple(AlertKind.WENT_DORMANT, Band.COOLING, Band.DORMANT,
                  first.plus(Duration.ofDays(dormantDay))));
      // the review re-published it at each of its many steps down (score, trend), yet alerted only twice
      List<RelationshipVitality> log = streams.vitalityLog(ROTTERDAM);
      assertThat(log).hasSizeGreaterThan(30);
      assertThat(bandsInTurn(log)).containsExactly(Band.ACTIVE, Band.COOLING, Band.DORMANT);

      streams.send(mayor("mayor-again", streams.now()));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.ACTIVE);
      assertThat(streams.alerts()).hasSize(3);
      assertThat(streams.alerts().get(2)).satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.REVIVED);
        assertThat(alert.getFromBand()).isEqualTo(Band.DORMANT);
        assertThat(alert.getBand()).isEqualTo(Band.ACTIVE);
      });
    }
  }

  @Test
  void theForecastNamesTheDayTheSilenceTurnsItDormant() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant visit = nextScore(streams).minus(Duration.ofHours(1));
      streams.send(mayor("mayor", visit));
      streams.publish();
      LocalDate forecast = streams.vitality(ROTTERDAM).getForecastDormantOn();
      // 365 days after the visit, the day ends dormant
      assertThat(forecast).isEqualTo(LocalDate.ofInstant(visit.plus(Duration.ofDays(365)), ZoneOffset.UTC));

      streams.advanceDays(370);

      Alert dormant = streams.alerts().stream().filter(a -> a.getKind() == AlertKind.WENT_DORMANT).findFirst()
          .orElseThrow();
      assertThat(LocalDate.ofInstant(dormant.getRaisedAt(), ZoneOffset.UTC)).isEqualTo(forecast);
      assertThat(streams.vitality(ROTTERDAM).getForecastDormantOn()).isNull();
    }
  }

  @Test
  void aWeakRelationshipGoesDormantByItsScoreLongBeforeAYearOfSilence() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant first = nextScore(streams);
      // a business delegation touching no field: 3 points, V = 10 today
      streams.send(delegation(envelope("business", first, ROTTERDAM), Direction.INBOUND, DelegationLevel.BUSINESS));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getBand()).isEqualTo(Band.COOLING);

      streams.advanceDays(60);

      // V < 9.5 once 3 · 2^(−d/180) < 15 · −ln(1 − 9.5/55): after 13.7 days, so on the 14th
      int expectedDay = 14;
      assertThat(Reference.score(Reference.decayed(3, expectedDay - 1), 0, 1, 0, 0)).isEqualTo(10);
      assertThat(Reference.score(Reference.decayed(3, expectedDay), 0, 1, 0, 0)).isEqualTo(9);
      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.WENT_DORMANT);
        assertThat(alert.getFromBand()).isEqualTo(Band.COOLING);
        assertThat(alert.getRaisedAt()).isEqualTo(first.plus(Duration.ofDays(expectedDay)));
        assertThat(alert.getDaysSinceLastExchange()).isEqualTo(expectedDay);
        assertThat(alert.getScore()).isEqualTo(9);
      });
    }
  }

  /**
   * The first whole day after {@code first} on which the review finds {@code band}, for one mayoral visit (10 points,
   * inbound, one domain) at {@code visit}: docs/design.md's formula and bands, written out here.
   */
  private static int firstDay(Instant first, Instant visit, Band band) {
    for (int day = 0; day < 1000; day++) {
      Instant at = first.plus(Duration.ofDays(day));
      double ageDays = Duration.between(visit, at).toMillis() / 86_400_000d;
      int quietDays = (int) Math.floor(ageDays);
      int score = Reference.score(Reference.decayed(10, ageDays), ageDays < 365 ? 1 : 0, 1, 0, 0);
      Band now = quietDays >= 365 || score < 10 ? Band.DORMANT
          : quietDays >= 180 || score < 25 ? Band.COOLING
          : score >= 60 ? Band.THRIVING : Band.ACTIVE;
      if (now == band) {
        return day;
      }
    }
    throw new AssertionError("never " + band);
  }

  private static List<Band> bandsInTurn(List<RelationshipVitality> log) {
    List<Band> bands = new ArrayList<>();
    for (RelationshipVitality v : log) {
      if (bands.isEmpty() || bands.get(bands.size() - 1) != v.getBand()) {
        bands.add(v.getBand());
      }
    }
    return bands;
  }

  private static org.amity.events.DelegationVisited mayor(String eventId, Instant at) {
    return delegation(envelope(eventId, at, ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.HEAD_OF_GOVERNMENT);
  }
}
