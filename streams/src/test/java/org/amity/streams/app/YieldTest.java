package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.project;
import static org.amity.streams.model.TestEvents.retraction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.ForumHeld;
import org.amity.events.Milestone;
import org.amity.events.Money;
import org.amity.events.ProjectMilestone;
import org.junit.jupiter.api.Test;

/** What a relationship's exchanges yield, year by year, as the topology publishes it on amity.yields. */
class YieldTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static final String CORK = "shanghai/ie-cork";

  @Test
  void valuesByCurrencyAndPeopleByTypeAddUpPerYearWithTheEventsBehindThem() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LocalDate.of(1979, 5, 29)));
      streams.send(visit("visit-2024", "2024-07-10T09:00:00Z", 12))
          .send(visit("visit-2025", "2025-03-02T09:00:00Z", 8))
          .send(visit("visit-2025-no-headcount", "2025-05-02T09:00:00Z", null))
          .send(agreement("port-memorandum", "2025-04-01T09:00:00Z", new Money(150_000_000L, "EUR")))
          .send(agreement("city-memorandum", "2025-06-01T09:00:00Z", new Money(200_000_000L, "CNY")))
          .publish();

      List<YearYield> years = latest(streams, ROTTERDAM).getYears();
      assertThat(years).extracting(YearYield::getYear).containsExactly(2024, 2025);
      assertThat(years.get(0).getPeople()).isEqualTo(Map.of("DelegationVisited", 12L));
      assertThat(years.get(0).getMoney()).isEmpty();
      assertThat(years.get(1).getPeople()).isEqualTo(Map.of("DelegationVisited", 8L));
      assertThat(years.get(1).getMoney()).isEqualTo(Map.of("EUR", 150_000_000L, "CNY", 200_000_000L));
      assertThat(years.get(1).getEvents()).extracting(YieldEvent::getEventId)
          .containsExactly("visit-2025", "port-memorandum", "city-memorandum");
    }
  }

  @Test
  void aProjectsValueCountsOnceInTheYearFirstStatedAtTheLatestValue() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LocalDate.of(1979, 5, 29)));
      streams.send(milestone("corridor-launched", "2024-03-01T09:00:00Z", Milestone.LAUNCHED, 5_000_000_000L))
          .send(milestone("corridor-phase", "2025-03-01T09:00:00Z", Milestone.PHASE_COMPLETED, null))
          .send(milestone("corridor-completed", "2025-11-01T09:00:00Z", Milestone.COMPLETED, 6_000_000_000L))
          .publish();

      List<YearYield> years = latest(streams, ROTTERDAM).getYears();
      assertThat(years).singleElement().satisfies(year -> {
        assertThat(year.getYear()).isEqualTo(2024);
        assertThat(year.getMoney()).isEqualTo(Map.of("USD", 6_000_000_000L));
        assertThat(year.getEvents()).extracting(YieldEvent::getEventId).containsExactly("corridor-launched");
      });
    }
  }

  @Test
  void aRetractedEventYieldsNothingAndAMultilateralOneCountsForEachRelationshipItNames() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LocalDate.of(1979, 5, 29))).add(relationship(CORK, LocalDate.of(2005, 3, 1)));
      ForumHeld forum = forum(envelope("forum-2025", Instant.parse("2025-12-01T09:00:00Z"), List.of(ROTTERDAM, CORK),
          Domain.CULTURE).build());
      forum.setParticipants(500);
      streams.send(forum).send(visit("mistaken-visit", "2025-10-01T09:00:00Z", 30)).publish();
      assertThat(latest(streams, ROTTERDAM).getYears().get(0).getPeople())
          .isEqualTo(Map.of("ForumHeld", 500L, "DelegationVisited", 30L));

      streams.send(retraction("retract-visit", "mistaken-visit", NOW.minusSeconds(60), ROTTERDAM)).publish();

      assertThat(latest(streams, ROTTERDAM).getYears().get(0).getPeople()).isEqualTo(Map.of("ForumHeld", 500L));
      assertThat(latest(streams, CORK).getYears().get(0).getPeople()).isEqualTo(Map.of("ForumHeld", 500L));
    }
  }

  @Test
  void aYieldIsPublishedWhenItChangesAndNotForARelationshipWithoutFigures() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(relationship(ROTTERDAM, LocalDate.of(1979, 5, 29))).add(relationship(CORK, LocalDate.of(2005, 3, 1)));
      streams.send(visit("visit-2025", "2025-03-02T09:00:00Z", 8)).publish();
      streams.send(delegation(envelope("cork-visit", Instant.parse("2025-03-02T09:00:00Z"), CORK, Domain.CULTURE),
          Direction.INBOUND, DelegationLevel.DEPARTMENT)).publish();
      streams.advanceDays(3);

      assertThat(streams.yieldLog(ROTTERDAM)).hasSize(1);
      assertThat(streams.yieldLog(CORK)).isEmpty();
    }
  }

  private static RelationshipYield latest(TopologyFixture streams, String relationshipId) {
    List<RelationshipYield> log = streams.yieldLog(relationshipId);
    assertThat(log).isNotEmpty();
    return log.get(log.size() - 1);
  }

  private static DelegationVisited visit(String id, String at, Integer headcount) {
    DelegationVisited visit = delegation(envelope(id, Instant.parse(at), ROTTERDAM, Domain.GOVERNANCE),
        Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL);
    visit.setHeadcount(headcount);
    return visit;
  }

  private static org.amity.events.AgreementSigned agreement(String id, String at, Money value) {
    org.amity.events.AgreementSigned signed = org.amity.streams.model.TestEvents.agreement(
        envelope(id, Instant.parse(at), ROTTERDAM, Domain.PORTS_AND_LOGISTICS), AgreementKind.MEMORANDUM);
    signed.setValue(value);
    return signed;
  }

  private static ProjectMilestone milestone(String id, String at, Milestone milestone, Long amountMinor) {
    ProjectMilestone reached = project(envelope(id, Instant.parse(at), ROTTERDAM, Domain.ENVIRONMENT), milestone);
    reached.setValue(amountMinor == null ? null : new Money(amountMinor, "USD"));
    return reached;
  }
}
