package org.amity.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which registry subject a record's schema belongs to, as Confluent names it. Configured with
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy}, by Confluent's class name or ours.
 */
public enum SubjectNameStrategy {
  /** "{topic}-key" / "{topic}-value": one schema lineage per topic (Confluent's default). */
  TOPIC_NAME,
  /** The record's full name: one lineage per type, across topics. */
  RECORD_NAME,
  /** "{topic}-{record full name}": several types on one topic. */
  TOPIC_RECORD_NAME;

  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schema.getFullName();
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
    };
  }

  /** Parses "TopicNameStrategy", Confluent's fully qualified class name, or this enum's name. */
  public static SubjectNameStrategy parse(String property, Object value) {
    if (value == null) {
      return TOPIC_NAME;
    }
    String name = value instanceof Class<?> c ? c.getSimpleName() : value.toString().trim();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    switch (simple.toUpperCase(Locale.ROOT)) {
      case "TOPICNAMESTRATEGY", "TOPIC_NAME": return TOPIC_NAME;
      case "RECORDNAMESTRATEGY", "RECORD_NAME": return RECORD_NAME;
      case "TOPICRECORDNAMESTRATEGY", "TOPIC_RECORD_NAME": return TOPIC_RECORD_NAME;
      default:
        throw new ConfigException(property, value,
            "unknown subject name strategy; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    }
  }
}
