package org.amity.streams.vitality;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How many relationships of one task have entries not yet published: a Kafka metric of group {@value #GROUP}, tagged
 * with the task. With the consumer lag, it says when a backlog is processed through to what the dashboards show.
 */
final class PendingMetric {
  static final String GROUP = "amity-ledger";
  static final String PENDING = "pending-relationships";

  private final StreamsMetrics metrics;
  private final Sensor pending;

  PendingMetric(StreamsMetrics metrics, String taskId) {
    this.metrics = metrics;
    this.pending = metrics.addSensor(GROUP + "-" + PENDING + "-" + taskId, Sensor.RecordingLevel.INFO);
    pending.add(new MetricName(PENDING, GROUP, "Relationships with entries not yet published",
        Map.of("task-id", taskId)), new Value());
  }

  void record(int relationships) {
    pending.record(relationships);
  }

  void close() {
    metrics.removeSensor(pending);
  }
}
