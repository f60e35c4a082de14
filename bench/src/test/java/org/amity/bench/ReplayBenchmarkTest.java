package org.amity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayBenchmarkTest {

  @Test
  void readsTheReviewGaugesSummedOverTasks() {
    String text = """
        # HELP amity_streams_review_pass_seconds Duration of the last review pass.
        # TYPE amity_streams_review_pass_seconds gauge
        amity_streams_review_pass_seconds{task="0_0"} 0.25
        amity_streams_review_pass_seconds{task="0_1"} 0.5
        amity_streams_review_pass_relationships 2000
        amity_streams_running{state="RUNNING"} 1
        """;

    assertThat(ReplayBenchmark.samples(text))
        .containsEntry(ReplayBenchmark.REVIEW_SECONDS, 0.75)
        .containsEntry(ReplayBenchmark.REVIEW_RELATIONSHIPS, 2000.0)
        .containsEntry("amity_streams_running", 1.0);
  }
}
