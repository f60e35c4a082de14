package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.amity.events.Domain;
import org.amity.streams.settings.StreamsSettings;
import org.junit.jupiter.api.Test;

/**
 * While a backlog is read (entries written well before they are read), publishing is paced; a relationship that gets
 * an entry as it is written is published at the next emit interval all the same: an office waits to see it.
 */
class LivePublishingTest {
  private static final int BACKLOG_RELATIONSHIPS = 400;
  /** Publishing the backlog takes a millisecond or more, so the pace holds the next pass back for 30 intervals. */
  private static final Duration EMIT = Duration.ofMillis(1);

  @Test
  void aLiveEventIsPublishedAtTheNextEmitIntervalWhileABacklogIsPaced() {
    try (TopologyFixture streams = pacedFixture()) {
      List<String> ids = pacedBacklog(streams);
      Instant dayAgo = streams.now().minus(Duration.ofDays(1));
      ids.forEach(id -> streams.send(exhibition(envelope("second-" + id, dayAgo, id, Domain.CULTURE)), dayAgo));
      String live = ids.get(0);
      streams.send(exhibition(envelope("live", streams.now(), live, Domain.CULTURE)), streams.now());

      streams.advance(EMIT);

      assertThat(streams.vitality(live).getExchanges()).isEqualTo(3);
      // the backlog's relationships wait for the pace
      assertThat(streams.vitality(ids.get(1)).getExchanges()).isEqualTo(1);
    }
  }

  @Test
  void manyLiveRelationshipsWhileABacklogIsPacedArePublishedAFewAtEachEmitIntervalUntilAllAre() {
    try (TopologyFixture streams = pacedFixture()) {
      List<String> imported = pacedBacklog(streams).subList(0, 50);
      imported.forEach(id -> streams.send(exhibition(envelope("live-" + id, streams.now(), id, Domain.CULTURE)),
          streams.now()));

      streams.advance(EMIT);
      long published = imported.stream().filter(id -> streams.vitality(id).getExchanges() == 2).count();
      // a thirtieth of a 1 ms interval is less than one relationship's scoring: one at a time
      assertThat(published).isBetween(1L, 49L);

      IntStream.range(0, imported.size()).forEach(i -> streams.advance(EMIT));
      assertThat(imported).allSatisfy(id -> assertThat(streams.vitality(id).getExchanges()).isEqualTo(2));
    }
  }

  private static TopologyFixture pacedFixture() {
    return new TopologyFixture(START, StreamsSettings.defaults().withIntervals(EMIT, TopologyFixture.REVIEW));
  }

  /** Relationships with an entry of a day ago each, published in one pass: the pace now holds the next one back. */
  private static List<String> pacedBacklog(TopologyFixture streams) {
    List<String> ids = IntStream.range(0, BACKLOG_RELATIONSHIPS).mapToObj(i -> "shanghai/nl-city-" + i).toList();
    ids.forEach(id -> streams.add(relationship(id, LONG_AGO)));
    Instant dayAgo = streams.now().minus(Duration.ofDays(1));
    ids.forEach(id -> streams.send(exhibition(envelope("first-" + id, dayAgo, id, Domain.CULTURE)), dayAgo));
    streams.advance(EMIT);
    return ids;
  }
}
