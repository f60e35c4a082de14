package org.amity.streams.vitality;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How long the last review (the wall-clock re-scoring of the relationships that time may have changed) took in one
 * task, how many relationships it re-scored, how many it looked at and how many the next will re-score: Kafka
 * metrics of group {@value #GROUP}, tagged with the task.
 */
final class ReviewPassMetrics {
  static final String GROUP = "amity-review";
  static final String SECONDS = "review-pass-seconds";
  static final String RELATIONSHIPS = "review-pass-relationships";
  static final String CHECKED = "review-pass-checked";
  static final String DUE_BY_NEXT = "review-due-by-next";

  private final StreamsMetrics metrics;
  private final Sensor seconds;
  private final Sensor relationships;
  private final Sensor checked;
  private final Sensor dueByNext;

  ReviewPassMetrics(StreamsMetrics metrics, String taskId) {
    this.metrics = metrics;
    Map<String, String> tags = Map.of("task-id", taskId);
    this.seconds = metrics.addSensor(GROUP + "-" + SECONDS + "-" + taskId, Sensor.RecordingLevel.INFO);
    seconds.add(new MetricName(SECONDS, GROUP, "Time spent in the last review pass (in its slices), in seconds", tags),
        new Value());
    this.relationships = metrics.addSensor(GROUP + "-" + RELATIONSHIPS + "-" + taskId, Sensor.RecordingLevel.INFO);
    relationships.add(new MetricName(RELATIONSHIPS, GROUP, "Relationships re-scored in the last review pass", tags),
        new Value());
    this.checked = metrics.addSensor(GROUP + "-" + CHECKED + "-" + taskId, Sensor.RecordingLevel.INFO);
    checked.add(new MetricName(CHECKED, GROUP, "Relationships the last review pass looked at: all of the task's", tags),
        new Value());
    this.dueByNext = metrics.addSensor(GROUP + "-" + DUE_BY_NEXT + "-" + taskId, Sensor.RecordingLevel.INFO);
    dueByNext.add(new MetricName(DUE_BY_NEXT, GROUP,
        "Relationships the next review will re-score as things stand at the end of the last", tags), new Value());
  }

  void record(double passSeconds, int reviewed, int looked, int dueByNextReview) {
    seconds.record(passSeconds);
    relationships.record(reviewed);
    checked.record(looked);
    dueByNext.record(dueByNextReview);
  }

  void close() {
    metrics.removeSensor(seconds);
    metrics.removeSensor(relationships);
    metrics.removeSensor(checked);
    metrics.removeSensor(dueByNext);
  }
}
