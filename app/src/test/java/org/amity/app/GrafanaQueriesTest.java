package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrafanaQueriesTest {
  @Test
  void theMetricNamesOfAnExpressionLeaveOutFunctionsLabelsRangesAndGroupings() {
    assertThat(GrafanaQueries.metricNames(
        "sum by (role, status) (rate(http_server_requests_seconds_count{uri!=\"/metrics\"}[5m])) "
            + "/ on (role) group_left sum(jvm_memory_used_bytes{area=\"heap\"})"))
        .containsExactly("http_server_requests_seconds_count", "jvm_memory_used_bytes");
  }

  @Test
  void theExposedNamesAreTheSampleNamesOfTheText() {
    assertThat(GrafanaQueries.exposed("""
        # HELP amity_ingest_events_accepted_total Events written
        # TYPE amity_ingest_events_accepted_total counter
        amity_ingest_events_accepted_total{role="ingest"} 3.0
        process_uptime_seconds 12.5
        """)).containsExactly("amity_ingest_events_accepted_total", "process_uptime_seconds");
  }
}
