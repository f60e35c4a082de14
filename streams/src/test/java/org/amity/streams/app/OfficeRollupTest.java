package org.amity.streams.app;

import static org.amity.streams.app.Reference.tally;
import static org.amity.streams.app.TopologyFixture.office;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.forum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.streams.ledger.OfficeBoard;
import org.amity.streams.offices.OfficeBoardProcessor;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Office rollups: an office's own figures, a district's added to its city's, the rank by activity among the offices
 * with the same parent. Two cities (Shanghai, Jinan) and two Shanghai districts (Changning, Pudong).
 */
class OfficeRollupTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final String OSAKA = "shanghai/jp-osaka";
  static final String DUNEDIN = "shanghai/nz-dunedin";
  static final String SACRAMENTO = "jinan/us-sacramento";
  static final String HIRAKATA = "shanghai-changning/jp-hirakata";
  static final String LYON = "shanghai-pudong/fr-lyon";
  static final LocalDate TODAY = LocalDate.ofInstant(START, ZoneOffset.UTC);

  // the scores of the events below, from the formula by hand
  static final int ROTTERDAM_SCORE = Reference.score(10, 1, 1, 0, 0);
  static final int SACRAMENTO_SCORE = Reference.score(15, 2, 1, 0, 0);
  static final int HIRAKATA_SCORE = Reference.score(4, 1, 0, 0, 0);
  static final int LYON_SCORE = Reference.score(9, 2, 1, 0, 0);

  /** Offices, relationships and their events; every event happens at the moment of the first score. */
  private static TopologyFixture offices() {
    TopologyFixture streams = new TopologyFixture(START);
    streams.add(office("shanghai", null)).add(office("jinan", null))
        .add(office("shanghai-changning", "shanghai")).add(office("shanghai-pudong", "shanghai"));
    streams.add(relationship(ROTTERDAM, LONG_AGO)).add(relationship(OSAKA, LONG_AGO))
        .add(relationship(DUNEDIN, TODAY.minusDays(100))).add(relationship(SACRAMENTO, LONG_AGO))
        .add(relationship(HIRAKATA, LONG_AGO)).add(relationship(LYON, LONG_AGO));
    Instant at = nextScore(streams);
    streams.send(visit("mayor-rotterdam", ROTTERDAM, at, DelegationLevel.HEAD_OF_GOVERNMENT));
    streams.send(visit("mayor-sacramento", SACRAMENTO, at, DelegationLevel.HEAD_OF_GOVERNMENT));
    streams.send(exhibition(envelope("exhibition-sacramento", at, SACRAMENTO, Domain.CULTURE)));
    streams.send(forum(envelope("forum-hirakata", at, HIRAKATA, Domain.CULTURE)));
    streams.send(visit("department-lyon", LYON, at, DelegationLevel.DEPARTMENT));
    streams.send(exhibition(envelope("exhibition-lyon", at, LYON, Domain.CULTURE)));
    // one emit interval scores the relationships, the next publishes the board
    streams.publish().publish();
    return streams;
  }

  @Test
  void anOfficeRollupCountsItsOwnRelationshipsByBandWithTheirScoresAndActivity() {
    try (TopologyFixture streams = offices()) {
      OfficeRollup shanghai = streams.rollups().get("shanghai");

      assertThat(ROTTERDAM_SCORE).isEqualTo(31);
      assertThat(shanghai.getNameEn()).isEqualTo("shanghai office");
      assertThat(shanghai.getParentOfficeId()).isNull();
      // Rotterdam ACTIVE (a mayoral visit), Osaka DORMANT (nothing since 1979), Dunedin NEW (100 days old)
      OfficeFigures expected = new OfficeFigures(3, 0, 1, 0, 1, 1, (long) ROTTERDAM_SCORE, tally(1, 10),
          tally(1, 10), tally(1, 10), 0, 0);
      assertThat(shanghai.getOwn()).isEqualTo(expected);
    }
  }

  @Test
  void theBoardKeepsARecordPerOfficeSoThatAChangeRewritesOnlyItsOffice() {
    try (TopologyFixture streams = offices()) {
      KeyValueStore<String, OfficeBoard> board = streams.driver().getKeyValueStore(OfficeBoardProcessor.BOARD_STORE);
      Map<String, OfficeBoard> records = new HashMap<>();
      try (KeyValueIterator<String, OfficeBoard> all = board.all()) {
        all.forEachRemaining(kv -> records.put(kv.key, kv.value));
      }

      assertThat(records).containsOnlyKeys("shanghai", "jinan", "shanghai-changning", "shanghai-pudong");
      records.forEach((officeId, record) -> assertThat(record.getFigures()).containsOnlyKeys(officeId));
      assertThat(records.get("jinan").getFigures().get("jinan"))
          .isEqualTo(streams.rollups().get("jinan").getOwn());
    }
  }

  @Test
  void aCityRollupAddsItsDistrictsFiguresToItsOwn() {
    try (TopologyFixture streams = offices()) {
      Map<String, OfficeRollup> rollups = streams.rollups();

      OfficeFigures changning = new OfficeFigures(1, 0, 0, 1, 0, 0, (long) HIRAKATA_SCORE, tally(1, 4), tally(1, 4),
          tally(1, 4), 0, 0);
      OfficeFigures pudong = new OfficeFigures(1, 0, 1, 0, 0, 0, (long) LYON_SCORE, tally(2, 9), tally(2, 9),
          tally(2, 9), 0, 0);
      assertThat(rollups.get("shanghai-changning").getOwn()).isEqualTo(changning);
      assertThat(rollups.get("shanghai-changning").getWithDistricts()).isEqualTo(changning);
      assertThat(rollups.get("shanghai-changning").getParentOfficeId()).isEqualTo("shanghai");
      assertThat(rollups.get("shanghai-pudong").getOwn()).isEqualTo(pudong);
      // Shanghai's own three relationships with Changning's and Pudong's
      assertThat(rollups.get("shanghai").getWithDistricts()).isEqualTo(new OfficeFigures(5, 0, 2, 1, 1, 1,
          (long) ROTTERDAM_SCORE + HIRAKATA_SCORE + LYON_SCORE, tally(4, 23), tally(4, 23), tally(4, 23), 0, 0));
      // Jinan has no districts
      assertThat(rollups.get("jinan").getWithDistricts()).isEqualTo(rollups.get("jinan").getOwn());
      assertThat(rollups.get("jinan").getOwn().getScoreSum()).isEqualTo(SACRAMENTO_SCORE);
    }
  }

  @Test
  void officesAreRankedByActivityAmongThoseWithTheSameParent() {
    try (TopologyFixture streams = offices()) {
      Map<String, OfficeRollup> rollups = streams.rollups();

      // cities: Jinan 15 points in the last 365 days, Shanghai 10 (its districts not counted)
      assertThat(rollups.get("jinan").getRankByActivity()).isEqualTo(1);
      assertThat(rollups.get("shanghai").getRankByActivity()).isEqualTo(2);
      assertThat(rollups.get("shanghai").getPeers()).isEqualTo(2);
      // Shanghai's districts: Pudong 9 points, Changning 4
      assertThat(rollups.get("shanghai-pudong").getRankByActivity()).isEqualTo(1);
      assertThat(rollups.get("shanghai-changning").getRankByActivity()).isEqualTo(2);
      assertThat(rollups.get("shanghai-changning").getPeers()).isEqualTo(2);
    }
  }

  @Test
  void aNewExchangeInADistrictReachesItsCityRollupAndCanChangeTheRanking() {
    try (TopologyFixture streams = offices()) {
      Instant at = nextScore(streams);
      streams.send(visit("mayor-hirakata", HIRAKATA, at, DelegationLevel.HEAD_OF_GOVERNMENT));
      streams.publish().publish();

      Map<String, OfficeRollup> rollups = streams.rollups();
      assertThat(rollups.get("shanghai-changning").getOwn().getLast30Days()).isEqualTo(tally(2, 14));
      assertThat(rollups.get("shanghai").getWithDistricts().getLast30Days()).isEqualTo(tally(5, 33));
      assertThat(rollups.get("shanghai").getOwn().getLast30Days()).isEqualTo(tally(1, 10));
      assertThat(rollups.get("shanghai-changning").getRankByActivity()).isEqualTo(1);
      assertThat(rollups.get("shanghai-pudong").getRankByActivity()).isEqualTo(2);
    }
  }

  @Test
  void peersAreRankedByActivityPerRelationshipNotByTheirSize() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(office("qingdao", null)).add(office("yantai", null));
      streams.add(relationship("qingdao/fr-brest", LONG_AGO)).add(relationship("qingdao/kr-daegu", LONG_AGO))
          .add(relationship("qingdao/jp-shimonoseki", LONG_AGO)).add(relationship("yantai/fi-kotka", LONG_AGO));
      Instant at = nextScore(streams);
      // Qingdao: 12 points over 3 partners; Yantai: 6 points with its one partner
      streams.send(visit("brest", "qingdao/fr-brest", at, DelegationLevel.DEPARTMENT));
      streams.send(visit("daegu", "qingdao/kr-daegu", at, DelegationLevel.DEPARTMENT));
      streams.send(visit("shimonoseki", "qingdao/jp-shimonoseki", at, DelegationLevel.DEPARTMENT));
      streams.send(visit("kotka", "yantai/fi-kotka", at, DelegationLevel.SENIOR_OFFICIAL));
      streams.publish().publish();

      Map<String, OfficeRollup> rollups = streams.rollups();
      assertThat(rollups.get("qingdao").getOwn().getLast365Days().getPoints()).isEqualTo(12);
      assertThat(rollups.get("yantai").getRankByActivity()).isEqualTo(1);
      assertThat(rollups.get("qingdao").getRankByActivity()).isEqualTo(2);
    }
  }

  private static org.amity.events.DelegationVisited visit(String eventId, String relationshipId, Instant at,
      DelegationLevel level) {
    return delegation(envelope(eventId, at, relationshipId, Domain.GOVERNANCE), Direction.INBOUND, level);
  }
}
