package org.amity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void putsRowsInSectionOrderWithRatiosAndTargets() {
    Report report = new Report("quick");
    report.add(List.of(Row.under("latency p99: POST to score", 1500, "ms", 1000)));
    report.add(List.of(Row.baseline("replay: plain consumer", 300_000, "events/s"),
        Row.against("replay: streams app", 3_000, "events/s", "plain consumer", 300_000, 0.5)));

    String markdown = report.markdown();

    assertThat(markdown.lines().filter(line -> line.startsWith("| ")).toList()).containsExactly(
        "| measurement | figure | unit | against | ratio | target | met |",
        "| --- | ---: | --- | --- | ---: | --- | --- |",
        "| replay: plain consumer | 300,000 | events/s | (baseline) | 1.00 | - | - |",
        "| replay: streams app | 3,000 | events/s | plain consumer 300,000 events/s | 0.010 | ratio >= 0.50 | no |",
        "| latency p99: POST to score | 1,500 | ms | target 1,000 ms | 1.50 | < 1,000 ms | no |");
    assertThat(report.text()).startsWith("Amity benchmarks, ").contains("cores", "scale: quick");
  }
}
