package org.amity.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.amity.aggregates.Band;
import org.amity.streams.app.TopologyFixture;
import org.amity.streams.settings.StreamsSettings;
import org.junit.jupiter.api.Test;

class StreamsMetricsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  /** Young relationships without exchanges: NEW until the start of the day a year after they were established. */
  private static final LocalDate ESTABLISHED = LocalDate.of(2025, 3, 2);
  private static final Instant COMING_OF_AGE = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void eachReviewPassIsMeasuredWithTheRelationshipsItReScoredAndThoseItLookedAt() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      for (int i = 0; i < 5; i++) {
        streams.add(TopologyFixture.relationship("shanghai/partner-" + i, ESTABLISHED));
      }
      String before = MetricsText.of(streams.driver().metrics());
      assertThat(gauge(before, "amity_streams_review_pass_relationships")).isZero();

      streams.advance(TopologyFixture.REVIEW);
      String quiet = MetricsText.of(streams.driver().metrics());
      assertThat(gauge(quiet, "amity_streams_review_pass_checked")).isEqualTo(5);
      assertThat(gauge(quiet, "amity_streams_review_pass_relationships")).as("nothing can have changed yet").isZero();
      assertThat(gauge(quiet, "amity_streams_review_due_next_hour")).isZero();
      streams.advance(Duration.between(streams.now(), COMING_OF_AGE).minus(TopologyFixture.REVIEW));
      assertThat(gauge(MetricsText.of(streams.driver().metrics()),
          "amity_streams_review_due_next_hour")).as("all come of age within the hour").isEqualTo(5);

      streams.advance(Duration.between(streams.now(), COMING_OF_AGE));
      String due = MetricsText.of(streams.driver().metrics());
      assertThat(gauge(due, "amity_streams_review_pass_relationships")).isEqualTo(5);
      assertThat(gauge(due, "amity_streams_review_pass_seconds")).isPositive().isLessThan(60);
      assertThat(streams.vitality("shanghai/partner-0").getBand()).isEqualTo(Band.DORMANT);
    }
  }

  @Test
  void relationshipsWithEntriesNotYetPublishedAreCountedUntilPublished() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      streams.add(TopologyFixture.relationship("shanghai/partner-0", ESTABLISHED));
      streams.add(TopologyFixture.relationship("shanghai/partner-1", ESTABLISHED));
      assertThat(gauge(MetricsText.of(streams.driver().metrics()), "amity_streams_pending_relationships"))
          .isEqualTo(2);

      streams.publish();

      assertThat(gauge(MetricsText.of(streams.driver().metrics()), "amity_streams_pending_relationships")).isZero();
      assertThat(streams.vitality("shanghai/partner-1")).isNotNull();
    }
  }

  @Test
  void everyAlertWrittenToTheAlertTopicIsCounted() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      assertThat(alertsRaised(streams)).isZero();
      // its 45th anniversary comes within ninety days
      streams.add(TopologyFixture.relationship("shanghai/nl-rotterdam", LocalDate.of(1981, 7, 15)));
      streams.publish();
      streams.advanceDays(60);

      int raised = streams.alerts().size();
      assertThat(raised).isPositive();
      assertThat(alertsRaised(streams)).isEqualTo(raised);
    }
  }

  @Test
  void aReviewPassTooLongForOnePunctuationGoesOnInTheNextOnesAndCountsEveryRelationshipOnce() {
    int relationships = 2000;
    StreamsSettings settings = StreamsSettings.defaults()
        .withIntervals(TopologyFixture.EMIT, TopologyFixture.REVIEW)
        .withPunctuationBudget(Duration.ofMillis(5));
    try (TopologyFixture streams = new TopologyFixture(NOW, settings)) {
      for (int i = 0; i < relationships; i++) {
        streams.add(TopologyFixture.relationship("shanghai/partner-" + i, ESTABLISHED));
      }
      while (IntStream.range(0, relationships).anyMatch(i -> streams.vitality("shanghai/partner-" + i) == null)) {
        streams.advance(TopologyFixture.EMIT);
      }
      streams.advance(Duration.between(streams.now(), COMING_OF_AGE).minusSeconds(1));
      assertThat(reviewed(streams)).isZero();
      streams.advance(Duration.ofSeconds(1));
      int punctuations = 1;
      while (reviewed(streams) == 0 && punctuations < 1000) {
        streams.advance(TopologyFixture.EMIT);
        punctuations++;
      }
      System.out.printf("a review pass over %,d relationships took %d punctuations%n", relationships, punctuations);
      assertThat(punctuations).isGreaterThan(1);
      assertThat(reviewed(streams)).isEqualTo(relationships);
      assertThat(streams.vitality("shanghai/partner-" + (relationships - 1)).getBand()).isEqualTo(Band.DORMANT);
    }
  }

  private static double reviewed(TopologyFixture streams) {
    return gauge(MetricsText.of(streams.driver().metrics()), "amity_streams_review_pass_relationships");
  }

  private static double alertsRaised(TopologyFixture streams) {
    String text = MetricsText.of(streams.driver().metrics());
    assertThat(text).contains("# TYPE amity_streams_alerts_raised_total counter");
    Matcher value = Pattern.compile("(?m)^amity_streams_alerts_raised_total (\\S+)$").matcher(text);
    assertThat(value.find()).isTrue();
    return Double.parseDouble(value.group(1));
  }

  private static double gauge(String text, String name) {
    assertThat(text).contains("# TYPE " + name + " gauge");
    Matcher value = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
    assertThat(value.find()).as(name + " in\n" + text).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
