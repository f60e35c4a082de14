package org.amity.streams.query;

import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A few of Kafka Streams' own metrics, summed over this instance's threads and tasks, in Prometheus' text format:
 * what an operator watches (records processed, records dead-lettered, the instance's state).
 */
public final class StreamsMetrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** The task id Kafka Streams gives the global thread, which reads amity.offices. */
  private static final String GLOBAL_TASK = "-1_-1";

  private StreamsMetrics() {}

  public static String prometheus(Map<MetricName, ? extends Metric> metrics, String state) {
    StringBuilder text = new StringBuilder();
    counter(text, "amity_streams_dead_lettered_records_total",
        "Records this instance sent to amity.dead-letter since it started (unreadable, invalid or unknown relationship).",
        sum(metrics, "stream-task-metrics", "dropped-records-total", task -> !task.equals(GLOBAL_TASK)));
    counter(text, "amity_streams_unreadable_offices_skipped_total",
        "Unreadable records on amity.offices this instance logged and skipped (the global table has no dead letters).",
        sum(metrics, "stream-task-metrics", "dropped-records-total", GLOBAL_TASK::equals));
    counter(text, "amity_streams_processed_records_total", "Records this instance processed since it started.",
        sum(metrics, "stream-thread-metrics", "process-total"));
    gauge(text, "amity_streams_review_pass_seconds",
        "Seconds the last review (re-scoring relationships as time passes) took, summed over this instance's tasks.",
        sum(metrics, "amity-review", "review-pass-seconds"));
    gauge(text, "amity_streams_review_pass_relationships",
        "Relationships re-scored in the last review (those time may have changed), summed over this instance's tasks.",
        sum(metrics, "amity-review", "review-pass-relationships"));
    gauge(text, "amity_streams_review_pass_checked",
        "Relationships the last review looked at (all of them), summed over this instance's tasks.",
        sum(metrics, "amity-review", "review-pass-checked"));
    gauge(text, "amity_streams_review_due_next_hour",
        "Relationships due to be re-scored within the hour after the last review, summed over this instance's tasks.",
        sum(metrics, "amity-review", "review-due-next-hour"));
    text.append("# HELP amity_streams_running 1 when this instance is running or rebalancing, else 0.\n")
        .append("# TYPE amity_streams_running gauge\n")
        .append("amity_streams_running{state=\"").append(state).append("\"} ")
        .append(state.equals("RUNNING") || state.equals("REBALANCING") ? 1 : 0).append('\n');
    return text.toString();
  }

  private static void counter(StringBuilder text, String name, String help, double value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append((long) value).append('\n');
  }

  private static void gauge(StringBuilder text, String name, String help, double value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(value).append('\n');
  }

  private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
    return sum(metrics, group, name, task -> true);
  }

  private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name,
      Predicate<String> task) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().group().equals(group) && e.getKey().name().equals(name))
        .filter(e -> task.test(e.getKey().tags().getOrDefault("task-id", "")))
        .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0)
        .sum();
  }
}
