package org.amity.streams.vitality;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How long the last review (the wall-clock re-scoring of the relationships that time may have changed) took in one
 * task, how many relationships it re-scored, how many it looked at and how many are due within the next hour: Kafka
 * metrics of group {@value #GROUP}, tagged with the task.
 */
final class ReviewPassMetrics {
  static final String GROUP = "amity-review";
  static final String SECONDS = "review-pass-seconds";
  static final String RELATIONSHIPS = "review-pass-relationships";
  static final String CHECKED = "review-pass-checked";
  static final String DUE_NEXT_HOUR = "review-due-next-hour";

  private final StreamsMetrics metrics;
  private final Sensor seconds;
  private final Sensor relationships;
  private final Sensor checked;
  private final Sensor dueNextHour;

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
    this.dueNextHour = metrics.addSensor(GROUP + "-" + DUE_NEXT_HOUR + "-" + taskId, Sensor.RecordingLevel.INFO);
    dueNextHour.add(new MetricName(DUE_NEXT_HOUR, GROUP,
        "Relationships due to be re-scored within the hour after the last review", tags), new Value());
  }

  void record(ReviewSchedule.Pass pass) {
    seconds.record(pass.seconds());
    relationships.record(pass.reviewed());
    checked.record(pass.relationships());
    dueNextHour.record(pass.dueWithinAnHour());
  }

  void close() {
    metrics.removeSensor(seconds);
    metrics.removeSensor(relationships);
    metrics.removeSensor(checked);
    metrics.removeSensor(dueNextHour);
  }
}
