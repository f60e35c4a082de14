package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.EXACT;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.Domain;
import org.amity.events.EventRetracted;
import org.amity.events.ForumHeld;
import org.junit.jupiter.api.Test;

/** A multilateral event counts, whole, for every relationship it names. */
class FanOutTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final String HIRAKATA = "shanghai/jp-hirakata";
  static final String DUNEDIN = "shanghai/nz-dunedin";
  static final List<String> ALL_THREE = List.of(ROTTERDAM, HIRAKATA, DUNEDIN);

  @Test
  void aForumNamingThreeRelationshipsCreditsEachOfThemWithItsFullPoints() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      ALL_THREE.forEach(id -> streams.add(relationship(id, LONG_AGO)));
      Instant at = nextScore(streams);
      streams.send(forum(envelope("forum", at, ALL_THREE, Domain.CULTURE).build()));
      streams.publish();

      for (String id : ALL_THREE) {
        RelationshipVitality v = streams.vitality(id);
        assertThat(v).as(id).isNotNull();
        assertThat(v.getExchanges()).as(id).isEqualTo(1);
        assertThat(v.getRawMomentum()).as(id).isCloseTo(4, within(EXACT));
        assertThat(v.getTopContributors()).as(id).extracting(c -> c.getEventId()).containsExactly("forum");
        assertThat(streams.activity(id).getWindows().get(0).getByDomain()).as(id)
            .containsEntry("CULTURE", Reference.tally(1, 4));
      }
    }
  }

  @Test
  void aRelationshipNamedTwiceByOneEventIsCreditedOnce() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).add(relationship(HIRAKATA, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(forum(envelope("forum", at, List.of(ROTTERDAM, HIRAKATA, ROTTERDAM), Domain.CULTURE).build()));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(4, within(EXACT));
      assertThat(streams.activity(ROTTERDAM).getWindows().get(0).getTotal()).isEqualTo(Reference.tally(1, 4));
      assertThat(streams.vitality(HIRAKATA).getRawMomentum()).isCloseTo(4, within(EXACT));
    }
  }

  @Test
  void retractingAMultilateralEventWithdrawsItFromEveryRelationshipItNamed() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      ALL_THREE.forEach(id -> streams.add(relationship(id, LONG_AGO)));
      ForumHeld forum = forum(envelope("forum", nextScore(streams), ALL_THREE, Domain.CULTURE).build());
      streams.send(forum);
      streams.publish();
      ALL_THREE.forEach(id -> assertThat(streams.vitality(id).getExchanges()).isEqualTo(1));

      streams.send(EventRetracted.newBuilder()
          .setEnvelope(envelope("withdraw-forum", streams.now(), ALL_THREE).setRecordedAt(streams.now()).build())
          .setRetractedEventId("forum").setReason("cancelled").build());
      streams.publish();

      for (String id : ALL_THREE) {
        assertThat(streams.vitality(id).getExchanges()).as(id).isZero();
        assertThat(streams.vitality(id).getRawMomentum()).as(id).isZero();
      }
    }
  }
}
