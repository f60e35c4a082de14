package org.amity.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.streams.app.TopologyFixture;
import org.junit.jupiter.api.Test;

class StreamsMetricsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  @Test
  void theLastReviewPassIsMeasuredWithTheRelationshipsItReScored() {
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      for (int i = 0; i < 5; i++) {
        streams.add(TopologyFixture.relationship("shanghai/partner-" + i, LocalDate.of(2001, 1, 1)));
      }
      String before = StreamsMetrics.prometheus(streams.driver().metrics(), "RUNNING");
      assertThat(gauge(before, "amity_streams_review_pass_relationships")).isZero();

      streams.advance(TopologyFixture.REVIEW);

      String after = StreamsMetrics.prometheus(streams.driver().metrics(), "RUNNING");
      assertThat(gauge(after, "amity_streams_review_pass_relationships")).isEqualTo(5);
      assertThat(gauge(after, "amity_streams_review_pass_seconds")).isPositive().isLessThan(60);
    }
  }

  @Test
  void aReviewPassTooLongForOnePunctuationGoesOnInTheNextOnesAndCountsEveryRelationshipOnce() {
    int relationships = 4000;
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      for (int i = 0; i < relationships; i++) {
        streams.add(TopologyFixture.relationship("shanghai/partner-" + i, LocalDate.of(2001, 1, 1)));
      }
      streams.advance(TopologyFixture.REVIEW);
      int punctuations = 1;
      while (reviewed(streams) == 0 && punctuations < 1000) {
        streams.advance(TopologyFixture.EMIT);
        punctuations++;
      }
      System.out.printf("a review pass over %,d relationships took %d punctuations%n", relationships, punctuations);
      assertThat(reviewed(streams)).isEqualTo(relationships);
      assertThat(streams.vitality("shanghai/partner-" + (relationships - 1))).isNotNull();
    }
  }

  private static double reviewed(TopologyFixture streams) {
    return gauge(StreamsMetrics.prometheus(streams.driver().metrics(), "RUNNING"), "amity_streams_review_pass_relationships");
  }

  private static double gauge(String text, String name) {
    assertThat(text).contains("# TYPE " + name + " gauge");
    Matcher value = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
    assertThat(value.find()).as(name + " in\n" + text).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
