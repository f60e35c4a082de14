package org.amity.streams.query;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.ref.Reference;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Amity's streams series over these Kafka metrics, as the instance's /metrics shows them (without its tags). */
public final class MetricsText {
  private MetricsText() {}

  public static String of(Map<MetricName, ? extends Metric> metrics) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StreamsMetrics binder = new StreamsMetrics(() -> metrics);
    binder.bindTo(registry);
    String text = registry.scrape();
    Reference.reachabilityFence(binder);
    return text;
  }
}
