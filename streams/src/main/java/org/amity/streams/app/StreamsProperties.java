package org.amity.streams.app;

import java.util.Map;
import java.util.Properties;
import org.amity.contract.Topics;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams configuration Amity runs with: exactly-once (v2), RocksDB stores logged to changelog topics,
 * records that cannot be read or processed sent to amity.dead-letter (Kafka's own handlers, which name the topic,
 * partition, offset and the reason in {@code __streams.errors.*} headers) while processing goes on. Any Kafka
 * property given overrides these.
 */
public final class StreamsProperties {
  private StreamsProperties() {}

  /**
   * @param settings for the application id
   * @param overrides Kafka (and serde) properties, e.g. bootstrap.servers, schema.registry.url, num.standby.replicas
   */
  public static Properties of(StreamsSettings settings, Map<String, ?> overrides) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER.name());
    properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecords.class.getName());
    properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    properties.put("processing.exception.handler.global.enabled", true);
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
    // Holds the offices' running sums while a replay passes through, so that the boards get their changes per commit.
    properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    properties.putAll(overrides);
    return properties;
  }
}
