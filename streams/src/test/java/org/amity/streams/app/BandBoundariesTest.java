package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

/**
 * Each band boundary of docs/design.md: NEW, THRIVING from 60, ACTIVE, COOLING below 25 or after 180 quiet days, DORMANT
 * below 10 or after 365 quiet days. Expected scores come from the formula written out by hand ({@link Reference}).
 */
class BandBoundariesTest {
  static final String AT_LIMIT = "shanghai/nl-limit";
  static final String BELOW = "shanghai/nl-below";
  static final LocalDate TODAY = LocalDate.ofInstant(START, ZoneOffset.UTC);

  @Test
  void aYoungRelationshipWithoutExchangeIsNew() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, TODAY.minusDays(100)));
      streams.publish();

      RelationshipVitality v = streams.vitality(AT_LIMIT);
      assertThat(v.getBand()).isEqualTo(Band.NEW);
      assertThat(v.getScore()).isZero();
      assertThat(v.getDaysSinceLastExchange()).isNull();
    }
  }

  @Test
  void aRelationshipWithoutExchangeTurnsDormantOnItsFirstBirthdayByTheWallClockAlone() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, TODAY.minusDays(364)));
      streams.publish();
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.NEW);

      streams.advanceDays(3);

      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.DORMANT);
      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.WENT_DORMANT);
        assertThat(alert.getFromBand()).isEqualTo(Band.NEW);
        assertThat(LocalDate.ofInstant(alert.getRaisedAt(), ZoneOffset.UTC)).isEqualTo(TODAY.plusDays(1));
      });
    }
  }

  @Test
  void theFirstExchangeOfANewRelationshipStartsIt() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, TODAY.minusDays(100)));
      streams.publish();
      streams.send(delegation(envelope("mayor", nextScore(streams), AT_LIMIT, Domain.GOVERNANCE), Direction.INBOUND,
          DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.publish();

      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.ACTIVE);
      assertThat(streams.alerts()).singleElement().satisfies(alert -> {
        assertThat(alert.getKind()).isEqualTo(AlertKind.STARTED);
        assertThat(alert.getFromBand()).isEqualTo(Band.NEW);
        assertThat(alert.getBand()).isEqualTo(Band.ACTIVE);
      });
    }
  }

  @Test
  void sixtyIsThrivingAndFiftyNineIsActive() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, LONG_AGO)).add(relationship(BELOW, LONG_AGO));
      Instant at = nextScore(streams);
      // three mayoral visits today; 2 in and 1 out over 2 domains, or 3 out over 3 domains
      streams.send(mayor(AT_LIMIT, "a", at, Direction.INBOUND, Domain.CULTURE));
      streams.send(mayor(AT_LIMIT, "b", at, Direction.INBOUND, Domain.HEALTH));
      streams.send(mayor(AT_LIMIT, "c", at, Direction.OUTBOUND, Domain.HEALTH));
      streams.send(mayor(BELOW, "d", at, Direction.OUTBOUND, Domain.CULTURE));
      streams.send(mayor(BELOW, "e", at, Direction.OUTBOUND, Domain.HEALTH));
      streams.send(mayor(BELOW, "f", at, Direction.OUTBOUND, Domain.SPORT));
      streams.publish();

      assertThat(streams.vitality(AT_LIMIT).getScore()).isEqualTo(Reference.score(30, 2, 2, 1, 0)).isEqualTo(60);
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.THRIVING);
      assertThat(streams.vitality(BELOW).getScore()).isEqualTo(Reference.score(30, 3, 0, 3, 0)).isEqualTo(59);
      assertThat(streams.vitality(BELOW).getBand()).isEqualTo(Band.ACTIVE);
    }
  }

  @Test
  void twentyFiveIsActiveAndTwentyFourIsCooling() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, LONG_AGO)).add(relationship(BELOW, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(delegation(envelope("business", at, AT_LIMIT, Domain.CULTURE, Domain.HEALTH, Domain.SPORT,
          Domain.TOURISM), Direction.INBOUND, DelegationLevel.BUSINESS));
      streams.send(delegation(envelope("department", at, BELOW, Domain.CULTURE, Domain.HEALTH, Domain.SPORT),
          Direction.INBOUND, DelegationLevel.DEPARTMENT));
      streams.publish();

      assertThat(streams.vitality(AT_LIMIT).getScore()).isEqualTo(Reference.score(3, 4, 1, 0, 0)).isEqualTo(25);
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.ACTIVE);
      assertThat(streams.vitality(BELOW).getScore()).isEqualTo(Reference.score(4, 3, 1, 0, 0)).isEqualTo(24);
      assertThat(streams.vitality(BELOW).getBand()).isEqualTo(Band.COOLING);
      assertThat(streams.vitality(BELOW).getDaysSinceLastExchange()).isZero();
    }
  }

  @Test
  void tenIsCoolingAndNineIsDormantThoughTheLastExchangeIsRecent() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, LONG_AGO)).add(relationship(BELOW, LONG_AGO));
      Instant at = nextScore(streams);
      // the same business delegation, without a domain: today, or 27 days ago
      streams.send(delegation(envelope("today", at, AT_LIMIT), Direction.INBOUND, DelegationLevel.BUSINESS));
      streams.send(delegation(envelope("weeks-ago", daysBefore(at, 27), BELOW), Direction.INBOUND,
          DelegationLevel.BUSINESS));
      streams.publish();

      assertThat(streams.vitality(AT_LIMIT).getScore()).isEqualTo(Reference.score(3, 0, 1, 0, 0)).isEqualTo(10);
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.COOLING);
      assertThat(streams.vitality(BELOW).getScore())
          .isEqualTo(Reference.score(Reference.decayed(3, 27), 0, 1, 0, 0)).isEqualTo(9);
      assertThat(streams.vitality(BELOW).getBand()).isEqualTo(Band.DORMANT);
      assertThat(streams.vitality(BELOW).getDaysSinceLastExchange()).isEqualTo(27);
    }
  }

  @Test
  void oneHundredAndEightyQuietDaysMakeAThrivingScoreCooling() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, LONG_AGO));
      Instant at = nextScore(streams);
      Instant signed = daysBefore(at, 180).plus(Duration.ofHours(1));
      substantialYear(streams, signed);
      streams.publish();
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.THRIVING);
      assertThat(streams.vitality(AT_LIMIT).getDaysSinceLastExchange()).isEqualTo(179);

      streams.advance(Duration.ofHours(1));

      RelationshipVitality v = streams.vitality(AT_LIMIT);
      assertThat(v.getAt()).isEqualTo(signed.plus(Duration.ofDays(180)));
      assertThat(v.getDaysSinceLastExchange()).isEqualTo(180);
      assertThat(v.getScore()).isEqualTo(Reference.score(15, 4, 0, 0, 30)).isGreaterThanOrEqualTo(60);
      assertThat(v.getBand()).isEqualTo(Band.COOLING);
      assertThat(streams.alerts()).extracting(Alert::getKind).containsExactly(AlertKind.COOLING);
    }
  }

  @Test
  void threeHundredAndSixtyFiveQuietDaysMakeAnyScoreDormant() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(AT_LIMIT, LONG_AGO));
      Instant at = nextScore(streams);
      Instant signed = daysBefore(at, 365).plus(Duration.ofHours(1));
      substantialYear(streams, signed);
      streams.publish();
      assertThat(streams.vitality(AT_LIMIT).getBand()).isEqualTo(Band.COOLING);

      streams.advance(Duration.ofHours(1));

      RelationshipVitality v = streams.vitality(AT_LIMIT);
      assertThat(v.getDaysSinceLastExchange()).isEqualTo(365);
      // breadth has left its window; momentum and substance remain
      assertThat(v.getScore()).isEqualTo(Reference.score(Reference.decayed(30, 365), 0, 0, 0, 30))
          .isGreaterThanOrEqualTo(25);
      assertThat(v.getBand()).isEqualTo(Band.DORMANT);
      assertThat(streams.alerts()).extracting(Alert::getKind).containsExactly(AlertKind.WENT_DORMANT);
    }
  }

  /** Three memoranda over four domains: 30 substantive points at once. */
  private static void substantialYear(TopologyFixture streams, Instant signed) {
    streams.send(agreement(envelope("memo-1", signed, AT_LIMIT, Domain.CULTURE, Domain.HEALTH),
        AgreementKind.MEMORANDUM));
    streams.send(agreement(envelope("memo-2", signed, AT_LIMIT, Domain.SPORT), AgreementKind.MEMORANDUM));
    streams.send(agreement(envelope("memo-3", signed, AT_LIMIT, Domain.TOURISM), AgreementKind.MEMORANDUM));
  }

  private static org.amity.events.DelegationVisited mayor(String relationshipId, String eventId, Instant at,
      Direction direction, Domain domain) {
    return delegation(envelope(eventId, at, relationshipId, domain), direction, DelegationLevel.HEAD_OF_GOVERNMENT);
  }
}
