package org.amity.streams.vitality;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How long the last review (the wall-clock re-scoring of every relationship) took in one task, and how many
 * relationships it re-scored: Kafka metrics of group {@value #GROUP}, tagged with the task.
 */
final class ReviewPassMetrics {
  static final String GROUP = "amity-review";
  static final String SECONDS = "review-pass-seconds";
  static final String RELATIONSHIPS = "review-pass-relationships";

  private final StreamsMetrics metrics;
  private final Sensor seconds;
  private final Sensor relationships;

  ReviewPassMetrics(StreamsMetrics metrics, String taskId) {
    this.metrics = metrics;
    Map<String, String> tags = Map.of("task-id", taskId);
    this.seconds = metrics.addSensor(GROUP + "-" + SECONDS + "-" + taskId, Sensor.RecordingLevel.INFO);
    seconds.add(new MetricName(SECONDS, GROUP, "Time spent in the last review pass (in its slices), in seconds", tags),
        new Value());
    this.relationships = metrics.addSensor(GROUP + "-" + RELATIONSHIPS + "-" + taskId, Sensor.RecordingLevel.INFO);
    relationships.add(new MetricName(RELATIONSHIPS, GROUP, "Relationships re-scored in the last review pass", tags),
        new Value());
  }

  void record(double passSeconds, int reviewed) {
    seconds.record(passSeconds);
    relationships.record(reviewed);
  }

  void close() {
    metrics.removeSensor(seconds);
    metrics.removeSensor(relationships);
  }
}
