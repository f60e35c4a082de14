package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.header;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.EXACT;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.streams.ledger.InvalidEventException;
import org.amity.streams.query.MetricsText;
import org.amity.streams.settings.StreamsSettings;
import org.amity.streams.vitality.UnknownRelationshipException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * What cannot be scored goes to amity.dead-letter through Kafka's own exception handlers, with headers naming where
 * it came from and why, and processing goes on.
 */
class DeadLetterTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";
  static final String NOWHERE = "shanghai/xx-nowhere";
  static final String SACRAMENTO = "jinan/us-sacramento";
  static final String VISITS = EventTypes.DELEGATION_VISITED.topic().name();

  /**
   * For records that cannot be read: the driver drops what a deserialization handler sends under exactly-once (it
   * clears the mock producer's uncommitted sends before the commit), so these run at least once.
   */
  static TopologyFixture atLeastOnce() {
    return new TopologyFixture(START,
        StreamsSettings.defaults().withIntervals(TopologyFixture.EMIT, TopologyFixture.REVIEW),
        Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
  }

  @Test
  void anUnreadableOfficeIsSkippedAndTheOfficesAroundItStillCount() {
    try (TopologyFixture streams = atLeastOnce()) {
      streams.add(TopologyFixture.office("shanghai", null));
      streams.sendBytes(Topics.OFFICES.name(), "jinan", new byte[] {0, 0, 0, 0x7f, 0x05, 1});
      streams.add(TopologyFixture.office("shanghai-changning", "shanghai"));
      streams.add(relationship(ROTTERDAM, LONG_AGO)).add(relationship("shanghai-changning/jp-hirakata", LONG_AGO));
      streams.send(mayor("mayor", ROTTERDAM, nextScore(streams)));
      streams.publish().publish();

      assertThat(streams.rollups().get("shanghai").getWithDistricts().getRelationships()).isEqualTo(2);
      assertThat(streams.rollups().get("shanghai-changning").getParentOfficeId()).isEqualTo("shanghai");
    }
  }

  @Test
  void anEventForAnUnknownRelationshipGoesToTheDeadLettersSayingWhichAndWhereFrom() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      streams.send(mayor("ghost", NOWHERE, nextScore(streams)));
      streams.publish();
      assertThat(streams.deadLetters()).as("waiting for master data that may be on its way").isEmpty();
      streams.waitForMasterDataInVain();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(NOWHERE);
        Headers headers = letter.headers();
        assertThat(header(headers, "__streams.errors.exception"))
            .isEqualTo(UnknownRelationshipException.class.getName());
        assertThat(header(headers, "__streams.errors.message"))
            .contains("unknown relationship '" + NOWHERE + "'", "ghost", VISITS + "-0@0");
        assertThat(header(headers, "__streams.errors.topic")).isNotBlank();
        assertThat(header(headers, "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(headers, "__streams.errors.offset")).matches("\\d+");
      });
      assertThat(streams.vitality(NOWHERE)).isNull();
    }
  }

  @Test
  void anEventThatOvertakesItsRelationshipsMasterDataWaitsForItAndCounts() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      Instant at = nextScore(streams).plus(TopologyFixture.EMIT);
      streams.send(mayor("early", NOWHERE, at));
      streams.publish();
      streams.add(relationship(NOWHERE, LONG_AGO));
      streams.publish();

      assertThat(streams.vitality(NOWHERE).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(NOWHERE).getRawMomentum()).isCloseTo(10, within(EXACT));
      streams.waitForMasterDataInVain();
      assertThat(streams.deadLetters()).isEmpty();
    }
  }

  @Test
  void anEventOfOneOfficeNamingAnothersRelationshipGoesToTheDeadLettersAndCountsForNeither() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO)).add(relationship(SACRAMENTO, LONG_AGO));
      DelegationVisited intruder = mayor("intruder", SACRAMENTO, nextScore(streams));
      intruder.getEnvelope().setOffice("shanghai");
      streams.send(intruder);
      streams.send(mayor("mayor", ROTTERDAM, streams.now().plus(TopologyFixture.EMIT)));
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message"))
              .contains("intruder", SACRAMENTO + " is not a relationship of office shanghai"));
      assertThat(streams.vitality(SACRAMENTO).getExchanges()).isZero();
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
    }
  }

  @Test
  void anEventNamingNoRelationshipGoesToTheDeadLetters() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      DelegationVisited nobody = mayor("nobody", ROTTERDAM, nextScore(streams));
      nobody.getEnvelope().setRelationshipIds(List.of());
      streams.sendTo(VISITS, ROTTERDAM, nobody);
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message"))
              .contains("nobody", "relationshipIds: 至少要列出一个关系 / must name at least one relationship"));
    }
  }

  @Test
  void aRecordOfAnotherTypeOnAnEventTopicGoesToTheDeadLettersNamingTypeAndTopic() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.sendTo(VISITS, ROTTERDAM, relationship(ROTTERDAM, LONG_AGO));
      streams.publish();

      assertThat(streams.deadLetters()).extracting(letter -> header(letter.headers(), "__streams.errors.message"))
          .containsExactly("not an event of this topic (read at " + VISITS + "-0@0): org.amity.partners.Relationship"
              + " does not belong on " + VISITS);
    }
  }

  @Test
  void aTombstoneOnAnEventTopicGoesToTheDeadLetters() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.sendTo(VISITS, ROTTERDAM, null);
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message"))
              .contains("a tombstone on an event topic", "key " + ROTTERDAM, "EventRetracted"));
    }
  }

  @Test
  void masterDataKeyedByAnotherIdGoesToTheDeadLettersAndMakesNoRelationship() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.sendTo(Topics.RELATIONSHIPS.name(), "shanghai/zz-mismatch", relationship(ROTTERDAM, LONG_AGO));
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message")).contains(
              "relationship " + ROTTERDAM + " is keyed 'shanghai/zz-mismatch'", "keyed by the relationship id"));
      assertThat(streams.vitality("shanghai/zz-mismatch")).isNull();
      assertThat(streams.vitality(ROTTERDAM)).isNull();
    }
  }

  @Test
  void aRelationshipTombstoneGoesToTheDeadLettersAndTheRelationshipIsStillScored() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      streams.sendTo(Topics.RELATIONSHIPS.name(), ROTTERDAM, null);
      streams.send(mayor("mayor", ROTTERDAM, nextScore(streams)));
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message")).contains(
              "a tombstone for relationship " + ROTTERDAM, "never deleted", "status ENDED"));
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
    }
  }

  @Test
  void processingGoesOnAfterAnEventForAnUnknownRelationship() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(mayor("ghost", NOWHERE, at));
      streams.send(mayor("mayor", ROTTERDAM, at));
      streams.publish();

      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(10, within(EXACT));
      streams.waitForMasterDataInVain();
      assertThat(streams.deadLetters()).hasSize(1);
    }
  }

  @Test
  void aMultilateralEventNamingAnUnknownRelationshipStillCreditsTheKnownOnes() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      streams.send(forum(envelope("forum", nextScore(streams), List.of(ROTTERDAM, NOWHERE), Domain.CULTURE).build()));
      streams.waitForMasterDataInVain();

      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(streams.deadLetters()).singleElement().satisfies(letter ->
          assertThat(header(letter.headers(), "__streams.errors.message")).contains(NOWHERE, "forum"));
    }
  }

  @Test
  void unreadableBytesGoToTheDeadLettersAsTheyCameWithTopicPartitionOffsetAndReason() {
    try (TopologyFixture streams = atLeastOnce()) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      streams.send(mayor("mayor", ROTTERDAM, nextScore(streams)));
      byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
      streams.sendBytes(VISITS, ROTTERDAM, garbage);
      streams.publish();

      TestRecord<byte[], byte[]> letter = streams.deadLetters().get(0);
      assertThat(streams.deadLetters()).hasSize(1);
      assertThat(letter.value()).isEqualTo(garbage);
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(ROTTERDAM);
      assertThat(header(letter.headers(), "__streams.errors.topic")).isEqualTo(VISITS);
      assertThat(header(letter.headers(), "__streams.errors.partition")).isEqualTo("0");
      assertThat(header(letter.headers(), "__streams.errors.offset")).isEqualTo("1");
      assertThat(header(letter.headers(), "__streams.errors.exception"))
          .isEqualTo(SerializationException.class.getName());
      assertThat(header(letter.headers(), "__streams.errors.message")).contains("magic byte", VISITS);
    }
  }

  @Test
  void aRecordWithAnUnknownSchemaIdGoesToTheDeadLettersWithTopicPartitionOffsetAndReason() {
    try (TopologyFixture streams = atLeastOnce()) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      byte[] unknownSchema = {0, 0, 0, 0x7f, 0x05, 2, 4, 6};
      streams.sendBytes(VISITS, ROTTERDAM, unknownSchema);
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.value()).isEqualTo(unknownSchema);
        assertThat(header(letter.headers(), "__streams.errors.topic")).isEqualTo(VISITS);
        assertThat(header(letter.headers(), "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(letter.headers(), "__streams.errors.offset")).isEqualTo("0");
        assertThat(header(letter.headers(), "__streams.errors.exception"))
            .isEqualTo(SerializationException.class.getName());
        assertThat(header(letter.headers(), "__streams.errors.message"))
            .contains("Unknown schema id " + 0x7f05);
      });
    }
  }

  @Test
  void processingGoesOnAfterAnUnreadableRecord() {
    try (TopologyFixture streams = atLeastOnce()) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.sendBytes(VISITS, ROTTERDAM, new byte[] {1, 2, 3});
      streams.sendBytes(Topics.RELATIONSHIPS.name(), "shanghai/xx-broken", new byte[] {0, 0, 0, 0x7f, 0x05, 1});
      streams.send(mayor("mayor", ROTTERDAM, at));
      streams.publish();

      assertThat(streams.deadLetters()).extracting(letter -> header(letter.headers(), "__streams.errors.topic"))
          .containsExactlyInAnyOrder(VISITS, Topics.RELATIONSHIPS.name());
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(10, within(EXACT));
    }
  }

  @Test
  void anEventWithANegativeHeadcountGoesToTheDeadLettersNamingTheFieldTopicPartitionAndOffset() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      DelegationVisited negative = mayor("minus-three", ROTTERDAM, at);
      negative.setHeadcount(-3);
      streams.send(negative);
      streams.send(mayor("mayor", ROTTERDAM, at));
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(header(letter.headers(), "__streams.errors.topic")).isEqualTo(VISITS);
        assertThat(header(letter.headers(), "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(letter.headers(), "__streams.errors.offset")).isEqualTo("0");
        assertThat(header(letter.headers(), "__streams.errors.exception")).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(letter.headers(), "__streams.errors.message"))
            .contains("minus-three", "headcount: 至少为 1，而不是 -3 / must be at least 1, not -3");
      });
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(MetricsText.of(streams.driver().metrics()))
          .contains("amity_streams_dead_lettered_records_total 1.0\n");
    }
  }

  @Test
  void anEventDatedInTheYear3000GoesToTheDeadLettersAndTheRelationshipIsScoredWithoutIt() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      streams.send(mayor("mayor", ROTTERDAM, at));
      streams.send(mayor("far-future", ROTTERDAM, Instant.parse("3000-01-01T10:00:00Z")));
      streams.publish();

      assertThat(streams.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(header(letter.headers(), "__streams.errors.offset")).isEqualTo("1");
        assertThat(header(letter.headers(), "__streams.errors.message"))
            .contains("far-future", "occurredAt", "3000-01-01T10:00:00Z");
      });
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).isEqualTo(1);
      assertThat(streams.vitality(ROTTERDAM).getRawMomentum()).isCloseTo(10, within(EXACT));
    }
  }

  private static DelegationVisited mayor(String eventId, String relationshipId, Instant at) {
    return delegation(envelope(eventId, at, relationshipId, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.HEAD_OF_GOVERNMENT);
  }
}
