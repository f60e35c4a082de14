package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.programme;
import static org.amity.streams.model.TestEvents.project;
import static org.amity.streams.model.TestEvents.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Milestone;
import org.amity.streams.model.RelationshipFigures;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Points per event and each component of vitality, as published by the topology. */
class VitalityRulesTest {
  static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
  static final LocalDate LONG_AGO = LocalDate.of(1979, 6, 1);
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final double EXACT = 1e-9;

  /** The instant the next {@link TopologyFixture#publish()} scores at. */
  static Instant nextScore(TopologyFixture streams) {
    return streams.now().plus(TopologyFixture.EMIT);
  }

  static Instant daysBefore(Instant at, double days) {
    return at.minus(Duration.ofMillis(Math.round(days * 86_400_000d)));
  }

  @Test
  void eachKindOfEventIsWorthDesignPointsAndOnlyAgreementsProjectsAndProgrammesAreSubstantive() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      Instant at = nextScore(streams);
      // expected points per kind, from docs/design.md ("How vitality is scored"), and whether it is substantive
      record Case(String partner, SpecificRecord event, int points, boolean substantive) {}
      List<Case> cases = new ArrayList<>();
      cases.add(new Case("nl-hog", visit("nl-hog", at, DelegationLevel.HEAD_OF_GOVERNMENT), 10, false));
      cases.add(new Case("nl-senior", visit("nl-senior", at, DelegationLevel.SENIOR_OFFICIAL), 6, false));
      cases.add(new Case("nl-dept", visit("nl-dept", at, DelegationLevel.DEPARTMENT), 4, false));
      cases.add(new Case("nl-business", visit("nl-business", at, DelegationLevel.BUSINESS), 3, false));
      cases.add(new Case("nl-academic", visit("nl-academic", at, DelegationLevel.ACADEMIC), 3, false));
      cases.add(new Case("nl-sister", agreement(envelope("e-sister", at, "shanghai/nl-sister", Domain.GOVERNANCE),
          AgreementKind.SISTER_CITY_ESTABLISHMENT), 15, true));
      cases.add(new Case("nl-memo", agreement(envelope("e-memo", at, "shanghai/nl-memo", Domain.GOVERNANCE),
          AgreementKind.MEMORANDUM), 10, true));
      cases.add(new Case("nl-renewal", agreement(envelope("e-renewal", at, "shanghai/nl-renewal", Domain.GOVERNANCE),
          AgreementKind.RENEWAL), 8, true));
      cases.add(new Case("nl-intent", agreement(envelope("e-intent", at, "shanghai/nl-intent", Domain.GOVERNANCE),
          AgreementKind.LETTER_OF_INTENT), 8, true));
      cases.add(new Case("nl-launch", project(envelope("e-launch", at, "shanghai/nl-launch", Domain.HEALTH),
          Milestone.LAUNCHED), 8, true));
      cases.add(new Case("nl-complete", project(envelope("e-complete", at, "shanghai/nl-complete", Domain.HEALTH),
          Milestone.COMPLETED), 10, true));
      cases.add(new Case("nl-exhibit", exhibition(envelope("e-exhibit", at, "shanghai/nl-exhibit", Domain.CULTURE)),
          5, false));
      cases.add(new Case("nl-students", programme(envelope("e-students", at, "shanghai/nl-students",
          Domain.EDUCATION_AND_YOUTH), Direction.INBOUND), 4, true));
      cases.add(new Case("nl-forum", forum(envelope("e-forum", at, "shanghai/nl-forum", Domain.CULTURE)), 4, false));
      cases.add(new Case("nl-video", video(envelope("e-video", at, "shanghai/nl-video", Domain.CULTURE)), 2, false));
      for (Case c : cases) {
        streams.add(relationship("shanghai/" + c.partner(), LONG_AGO));
        streams.send(c.event());
      }
      streams.publish();

      for (Case c : cases) {
        String id = "shanghai/" + c.partner();
        RelationshipVitality v = streams.vitality(id);
        assertThat(v.getAt()).isEqualTo(at);
        // the exchange happened at the moment scored: M is its points, undecayed
        assertThat(v.getRawMomentum()).as(id + " raw momentum").isCloseTo(c.points(), within(EXACT));
        assertThat(v.getSubstance()).as(id + " substance")
            .isCloseTo(c.substantive() ? c.points() / 20.0 : 0, within(EXACT));
        assertThat(streams.activity(id).getWindows().get(0).getTotal()).as(id + " activity")
            .isEqualTo(Reference.tally(1, c.points()));
      }
    }
  }

  @Test
  void momentumHalvesEvery180Days() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(delegation(envelope("mayor", daysBefore(at, 180), ROTTERDAM, Domain.GOVERNANCE),
          Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.send(delegation(envelope("official", daysBefore(at, 360), ROTTERDAM, Domain.GOVERNANCE),
          Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL));
      streams.publish();

      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getAt()).isEqualTo(at);
      // 10 points one half-life ago, 6 points two half-lives ago: M = 5 + 1.5
      assertThat(v.getRawMomentum()).isCloseTo(6.5, within(EXACT));
      assertThat(v.getMomentum()).isCloseTo(1 - Math.exp(-6.5 / 15), within(EXACT));
      assertThat(v.getTopContributors()).extracting(c -> c.getEventId()).containsExactly("mayor", "official");
      assertThat(v.getTopContributors().get(0).getPointsToday()).isCloseTo(5.0, within(EXACT));
    }
  }

  @Test
  void momentumDecaysWithTheWallClockAloneWithoutNewEvents() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(delegation(envelope("mayor", at, ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
          DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.publish();
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(10, within(EXACT));

      streams.advance(Duration.ofDays(180));

      RelationshipVitality later = streams.vitality(ROTTERDAM);
      assertThat(later.getAt()).isEqualTo(streams.now());
      assertThat(later.getRawMomentum())
          .isCloseTo(Reference.decayed(10, Duration.between(at, streams.now()).toMillis() / 86_400_000d), within(EXACT))
          .isCloseTo(5, within(0.001));
    }
  }

  @Test
  void breadthCountsTheDistinctDomainsOfTheLast365DaysButNotOther() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(exhibition(envelope("two-domains", daysBefore(at, 10), ROTTERDAM, Domain.CULTURE,
          Domain.ECONOMY_AND_TRADE)));
      streams.send(exhibition(envelope("culture-again", daysBefore(at, 20), ROTTERDAM, Domain.CULTURE)));
      streams.send(exhibition(envelope("just-inside", daysBefore(at, 364.9), ROTTERDAM, Domain.HEALTH)));
      streams.send(exhibition(envelope("just-outside", daysBefore(at, 365), ROTTERDAM, Domain.SPORT)));
      streams.send(exhibition(envelope("other", daysBefore(at, 5), ROTTERDAM, Domain.OTHER)));
      streams.publish();

      // CULTURE, ECONOMY_AND_TRADE, HEALTH: 3 of 4
      assertThat(streams.vitality(ROTTERDAM).getBreadth()).isCloseTo(0.75, within(EXACT));
    }
  }

  @Test
  void breadthIsFullAtFourDomains() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(forum(envelope("five-domains", daysBefore(at, 3), ROTTERDAM, Domain.CULTURE, Domain.HEALTH,
          Domain.SPORT, Domain.TOURISM, Domain.ENVIRONMENT)));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getBreadth()).isCloseTo(1.0, within(EXACT));
    }
  }

  @Test
  void reciprocityIsFewerWayOverMoreWayDelegationsOfTheLast730Days() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(visit("in-1", daysBefore(at, 100), Direction.INBOUND));
      streams.send(visit("out-1", daysBefore(at, 10), Direction.OUTBOUND));
      streams.send(visit("out-2", daysBefore(at, 200), Direction.OUTBOUND));
      streams.send(visit("out-3", daysBefore(at, 729.9), Direction.OUTBOUND));
      // outside the window, and not a delegation: neither counts
      streams.send(visit("in-too-old", daysBefore(at, 730), Direction.INBOUND));
      streams.send(programme(envelope("students-in", daysBefore(at, 5), ROTTERDAM, Domain.EDUCATION_AND_YOUTH),
          Direction.INBOUND));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getReciprocity()).isCloseTo(1 / 3.0, within(EXACT));
    }
  }

  @Test
  void reciprocityIsZeroWhenDelegationsGoOnlyOneWay() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(visit("in-1", daysBefore(at, 10), Direction.INBOUND));
      streams.send(visit("in-2", daysBefore(at, 40), Direction.INBOUND));
      streams.send(programme(envelope("students-out", daysBefore(at, 5), ROTTERDAM, Domain.EDUCATION_AND_YOUTH),
          Direction.OUTBOUND));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getReciprocity()).isZero();
    }
  }

  @Test
  void substanceCountsSubstantivePointsOfTheLast730DaysOutOf20() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(agreement(envelope("memo", daysBefore(at, 729.9), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.MEMORANDUM));
      streams.send(project(envelope("launch", daysBefore(at, 100), ROTTERDAM, Domain.HEALTH), Milestone.LAUNCHED));
      // not substantive, worth nothing, or too old: none counts
      streams.send(exhibition(envelope("exhibition", daysBefore(at, 3), ROTTERDAM, Domain.CULTURE)));
      streams.send(project(envelope("cancelled", daysBefore(at, 50), ROTTERDAM, Domain.HEALTH), Milestone.CANCELLED));
      streams.send(agreement(envelope("establishment", daysBefore(at, 730), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.SISTER_CITY_ESTABLISHMENT));
      streams.publish();

      // 10 + 8 of 20
      assertThat(streams.vitality(ROTTERDAM).getSubstance()).isCloseTo(0.9, within(EXACT));
      assertThat(streams.vitality(ROTTERDAM).getDaysSinceLastSubstantive()).isEqualTo(100);
    }
  }

  @Test
  void substanceIsFullAt20Points() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(agreement(envelope("establishment", daysBefore(at, 30), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.SISTER_CITY_ESTABLISHMENT));
      streams.send(agreement(envelope("memo", daysBefore(at, 20), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.MEMORANDUM));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getSubstance()).isCloseTo(1.0, within(EXACT));
    }
  }

  @Test
  void vitalityWeighsTheFourComponentsAsDesignSays() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      // docs/design.md's calibration: a year with a delegation each way, an exhibition and a renewal, three domains
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(delegation(envelope("mayor", daysBefore(at, 30), ROTTERDAM, Domain.GOVERNANCE),
          Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.send(delegation(envelope("trade-mission", daysBefore(at, 120), ROTTERDAM, Domain.ECONOMY_AND_TRADE),
          Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL));
      streams.send(exhibition(envelope("exhibition", daysBefore(at, 200), ROTTERDAM, Domain.CULTURE)));
      streams.send(agreement(envelope("renewal", daysBefore(at, 300), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.RENEWAL));
      streams.publish();

      double rawMomentum = Reference.decayed(10, 30) + Reference.decayed(6, 120) + Reference.decayed(5, 200)
          + Reference.decayed(8, 300);
      int expected = Reference.score(rawMomentum, 3, 1, 1, 8);
      RelationshipVitality v = streams.vitality(ROTTERDAM);
      assertThat(v.getRawMomentum()).isCloseTo(rawMomentum, within(EXACT));
      assertThat(v.getBreadth()).isCloseTo(0.75, within(EXACT));
      assertThat(v.getReciprocity()).isCloseTo(1.0, within(EXACT));
      assertThat(v.getSubstance()).isCloseTo(0.4, within(EXACT));
      assertThat(v.getScore()).isEqualTo(expected).isEqualTo(67);
      assertThat(v.getBand()).isEqualTo(Band.THRIVING);
    }
  }

  @Test
  void aMixedHistoryIsPublishedAsTheReferenceScoresItTrendForecastAndContributorsIncluded() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      List<SpecificRecord> events = List.of(
          delegation(envelope("mayor", daysBefore(at, 12), ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
              DelegationLevel.HEAD_OF_GOVERNMENT),
          delegation(envelope("port", daysBefore(at, 95), ROTTERDAM, Domain.PORTS_AND_LOGISTICS), Direction.OUTBOUND,
              DelegationLevel.DEPARTMENT),
          agreement(envelope("memo", daysBefore(at, 400), ROTTERDAM, Domain.PORTS_AND_LOGISTICS),
              AgreementKind.MEMORANDUM),
          project(envelope("launch", daysBefore(at, 150), ROTTERDAM, Domain.ENVIRONMENT), Milestone.LAUNCHED),
          video(envelope("call", daysBefore(at, 2), ROTTERDAM, Domain.ENVIRONMENT)),
          programme(envelope("students", daysBefore(at, 60), ROTTERDAM, Domain.EDUCATION_AND_YOUTH), null));
      events.forEach(streams::send);
      streams.publish();

      RelationshipFigures expected = Reference.figures(ROTTERDAM, LONG_AGO, at, events);
      Reference.assertSameVitality(streams.vitality(ROTTERDAM), expected.vitality());
      Reference.assertSameActivity(streams.activity(ROTTERDAM), expected.activity());
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(6);
      assertThat(streams.vitality(ROTTERDAM).getLastExchangeAt()).isEqualTo(daysBefore(at, 2));
    }
  }

  private static SpecificRecord visit(String partner, Instant at, DelegationLevel level) {
    return delegation(envelope("e-" + partner, at, "shanghai/" + partner, Domain.GOVERNANCE), Direction.INBOUND,
        level);
  }

  private static SpecificRecord visit(String eventId, Instant at, Direction direction) {
    return delegation(envelope(eventId, at, ROTTERDAM, Domain.GOVERNANCE), direction, DelegationLevel.DEPARTMENT);
  }
}
