package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.office;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.retraction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.OfficeYield;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.ForumHeld;
import org.amity.events.Money;
import org.amity.streams.ledger.OfficeYieldBoard;
import org.amity.streams.offices.OfficeYieldBoardProcessor;
import org.amity.streams.model.TestEvents;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** What an office's partnerships yield per year, own and with the offices under it, on amity.office-yields. */
class OfficeYieldTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final String ROTTERDAM = "shanghai/nl-rotterdam";
  private static final String CORK = "shanghai/ie-cork";
  private static final String OSAKA = "changning/jp-osaka";

  @Test
  void aMultilateralEventCountsOnceForItsOfficeAndADistrictAddsToItsCity() {
    try (TopologyFixture streams = offices()) {
      streams.send(forum2025("forum-2025", 500, ROTTERDAM, CORK))
          .send(visit("rotterdam-visit", "2025-03-02T09:00:00Z", ROTTERDAM, 12))
          .send(visit("osaka-visit", "2025-04-02T09:00:00Z", OSAKA, 7))
          .send(agreement("osaka-memorandum", "2025-05-02T09:00:00Z", OSAKA, new Money(300_000_000L, "JPY")))
          .send(visit("cork-visit-2024", "2024-09-02T09:00:00Z", CORK, 4))
          .publish().publish();

      OfficeYield shanghai2025 = streams.officeYields().get("shanghai/2025");
      assertThat(shanghai2025.getOwn().getPeople()).isEqualTo(Map.of("ForumHeld", 500L, "DelegationVisited", 12L));
      assertThat(shanghai2025.getOwn().getEvents()).isEqualTo(Map.of("ForumHeld", 1, "DelegationVisited", 1));
      assertThat(shanghai2025.getOwn().getMoney()).isEmpty();
      assertThat(shanghai2025.getWithDistricts().getPeople())
          .isEqualTo(Map.of("ForumHeld", 500L, "DelegationVisited", 19L));
      assertThat(shanghai2025.getWithDistricts().getMoney()).isEqualTo(Map.of("JPY", 300_000_000L));
      assertThat(shanghai2025.getWithDistricts().getEvents())
          .isEqualTo(Map.of("ForumHeld", 1, "DelegationVisited", 2, "AgreementSigned", 1));
      assertThat(shanghai2025.getNameEn()).isEqualTo("shanghai office");

      OfficeYield changning2025 = streams.officeYields().get("changning/2025");
      assertThat(changning2025.getOwn()).isEqualTo(changning2025.getWithDistricts());
      assertThat(changning2025.getOwn().getPeople()).isEqualTo(Map.of("DelegationVisited", 7L));
      assertThat(streams.officeYields().get("shanghai/2024").getOwn().getPeople())
          .isEqualTo(Map.of("DelegationVisited", 4L));
      assertThat(streams.officeYields()).doesNotContainKey("changning/2024");
    }
  }

  @Test
  void aRetractionTakesItsFiguresAwayAndAnEmptyYearIsRemoved() {
    try (TopologyFixture streams = offices()) {
      streams.send(visit("osaka-visit", "2025-04-02T09:00:00Z", OSAKA, 7))
          .send(visit("cork-visit", "2025-04-03T09:00:00Z", CORK, 3))
          .publish().publish();
      assertThat(streams.officeYields().get("shanghai/2025").getWithDistricts().getPeople())
          .isEqualTo(Map.of("DelegationVisited", 10L));

      streams.send(retraction("retract-osaka", "osaka-visit", NOW.minusSeconds(60), OSAKA)).publish().publish();

      assertThat(streams.officeYields()).doesNotContainKey("changning/2025");
      assertThat(streams.officeYields().get("shanghai/2025").getWithDistricts().getPeople())
          .isEqualTo(Map.of("DelegationVisited", 3L));
    }
  }

  @Test
  void aYearIsPublishedAgainOnlyWhenItChanges() {
    try (TopologyFixture streams = offices()) {
      streams.send(visit("cork-visit", "2025-04-03T09:00:00Z", CORK, 3)).publish().publish();
      OfficeYield first = streams.officeYields().get("shanghai/2025");

      streams.send(visit("rotterdam-visit-no-headcount", "2025-05-03T09:00:00Z", ROTTERDAM, null)).advanceDays(2);

      assertThat(streams.officeYields().get("shanghai/2025")).isSameAs(first);
    }
  }

  @Test
  void theBoardKeepsARecordPerOfficeWithItsOwnYieldAndItsYearsPublished() {
    try (TopologyFixture streams = offices()) {
      streams.send(visit("osaka-visit", "2025-04-02T09:00:00Z", OSAKA, 7))
          .send(visit("cork-visit-2024", "2024-09-02T09:00:00Z", CORK, 4))
          .publish().publish();
      KeyValueStore<String, OfficeYieldBoard> board =
          streams.driver().getKeyValueStore(OfficeYieldBoardProcessor.BOARD_STORE);

      assertThat(board.get(OfficeYieldBoardProcessor.BOARD_KEY)).isNull();
      assertThat(board.get("changning").getOwn()).containsOnlyKeys("changning");
      assertThat(board.get("changning").getPublished()).containsOnlyKeys("changning/2025");
      assertThat(board.get("shanghai").getOwn()).containsOnlyKeys("shanghai");
      // Shanghai's 2025 is its district's
      assertThat(board.get("shanghai").getPublished()).containsOnlyKeys("shanghai/2024", "shanghai/2025");
    }
  }

  /** Relationships and offices; the ledger publishes yields on one emit interval, the office board on the next. */
  private static TopologyFixture offices() {
    TopologyFixture streams = new TopologyFixture(NOW);
    streams.add(office("shanghai", null)).add(office("changning", "shanghai"))
        .add(relationship(ROTTERDAM, LocalDate.of(1979, 5, 29))).add(relationship(CORK, LocalDate.of(2005, 3, 1)))
        .add(relationship(OSAKA, LocalDate.of(1990, 3, 1)));
    return streams;
  }

  private static ForumHeld forum2025(String id, int participants, String... relationshipIds) {
    ForumHeld forum = forum(envelope(id, Instant.parse("2025-12-01T09:00:00Z"), List.of(relationshipIds),
        Domain.CULTURE).build());
    forum.setParticipants(participants);
    return forum;
  }

  private static DelegationVisited visit(String id, String at, String relationshipId, Integer headcount) {
    DelegationVisited visit = delegation(envelope(id, Instant.parse(at), relationshipId, Domain.GOVERNANCE),
        Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL);
    visit.setHeadcount(headcount);
    return visit;
  }

  private static AgreementSigned agreement(String id, String at, String relationshipId, Money value) {
    AgreementSigned signed = TestEvents.agreement(envelope(id, Instant.parse(at), relationshipId, Domain.ECONOMY_AND_TRADE),
        AgreementKind.MEMORANDUM);
    signed.setValue(value);
    return signed;
  }
}
