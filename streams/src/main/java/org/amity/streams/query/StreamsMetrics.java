package org.amity.streams.query;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.amity.contract.Topics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Amity's series of the streams application, from Kafka Streams' own metrics summed over this instance's threads and
 * tasks: what an operator watches (records processed, records dead-lettered, alerts raised, the review passes). Kafka Streams'
 * metrics themselves come through Micrometer's KafkaStreamsMetrics.
 */
public final class StreamsMetrics implements MeterBinder {
  /** The task id Kafka Streams gives the global thread, which reads amity.offices. */
  private static final String GLOBAL_TASK = "-1_-1";

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;

  public StreamsMetrics(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "amity.streams.dead.lettered.records",
        "Records this instance sent to amity.dead-letter since it started (unreadable, invalid or unknown relationship)",
        "stream-task-metrics", "dropped-records-total", tags -> !GLOBAL_TASK.equals(tags.get("task-id")));
    counter(registry, "amity.streams.unreadable.offices.skipped",
        "Unreadable records on amity.offices this instance logged and skipped (the global table has no dead letters)",
        "stream-task-metrics", "dropped-records-total", tags -> GLOBAL_TASK.equals(tags.get("task-id")));
    counter(registry, "amity.streams.processed.records", "Records this instance processed since it started",
        "stream-thread-metrics", "process-total", tags -> true);
    counter(registry, "amity.streams.alerts.raised", "Alerts this instance wrote to amity.alerts since it started",
        "stream-topic-metrics", "records-produced-total", tags -> Topics.ALERTS.name().equals(tags.get("topic")));
    gauge(registry, "amity.streams.review.pass.seconds",
        "Seconds the last review (re-scoring relationships as time passes) took, summed over this instance's tasks",
        "amity-review", "review-pass-seconds");
    gauge(registry, "amity.streams.review.pass.relationships",
        "Relationships re-scored in the last review (those time may have changed), summed over this instance's tasks",
        "amity-review", "review-pass-relationships");
    gauge(registry, "amity.streams.review.pass.checked",
        "Relationships the last review looked at (all of them), summed over this instance's tasks", "amity-review",
        "review-pass-checked");
    gauge(registry, "amity.streams.review.due.next.hour",
        "Relationships due to be re-scored within the hour after the last review, summed over this instance's tasks",
        "amity-review", "review-due-next-hour");
    gauge(registry, "amity.streams.pending.relationships",
        "Relationships with entries not yet published (scored and written out), summed over this instance's tasks",
        "amity-ledger", "pending-relationships");
  }

  private void counter(MeterRegistry registry, String name, String help, String group, String metric,
      Predicate<Map<String, String>> tags) {
    FunctionCounter.builder(name, this, self -> self.sum(group, metric, tags)).description(help).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String help, String group, String metric) {
    Gauge.builder(name, this, self -> self.sum(group, metric, tags -> true)).description(help)
        .register(registry);
  }

  private double sum(String group, String name, Predicate<Map<String, String>> tags) {
    return metrics.get().entrySet().stream()
        .filter(e -> e.getKey().group().equals(group) && e.getKey().name().equals(name))
        .filter(e -> tags.test(e.getKey().tags()))
        .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0)
        .sum();
  }
}
