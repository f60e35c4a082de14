package org.amity.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest value per key of a compacted topic, kept in memory: read to the end at start, then followed
 * by a background thread so that writes by other processes show up too. Reads only committed records.
 */
public final class CompactedTopicView<V> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CompactedTopicView.class);

  private final String topic;
  private final KafkaConsumer<String, V> consumer;
  private final Map<String, V> values = new ConcurrentHashMap<>();
  private final Thread follower;
  private final boolean tombstonesDelete;
  private volatile boolean running = true;

  /** A view in which a tombstone (a null value) deletes its key. */
  public CompactedTopicView(String topic, Map<String, Object> clientConfig, Deserializer<V> valueDeserializer) {
    this(topic, clientConfig, valueDeserializer, true);
  }

  private CompactedTopicView(String topic, Map<String, Object> clientConfig, Deserializer<V> valueDeserializer,
      boolean tombstonesDelete) {
    this.topic = topic;
    this.tombstonesDelete = tombstonesDelete;
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer);
    this.follower = new Thread(this::follow, "view-" + topic);
    this.follower.setDaemon(true);
  }

  /**
   * A started view of a topic of master data read into the generated class (an office, a relationship). Master data
   * is never deleted (a relationship is ended, not removed), so a tombstone some client wrote is logged and passed
   * over, as the streams application does: the last value stands for every role.
   */
  public static <V> CompactedTopicView<V> ofRecords(String topic, Map<String, Object> clientConfig, Duration timeout)
      throws TimeoutException {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(config, false);
    return new CompactedTopicView<>(topic, config, values, false).start(timeout);
  }

  /** Reads the topic to its current end, then keeps following it in the background. */
  public CompactedTopicView<V> start(Duration timeout) throws TimeoutException {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!caughtUp(end)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Reading " + topic + " to its end took longer than " + timeout);
      }
      pollOnce();
    }
    follower.start();
    return this;
  }

  public Optional<V> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public Map<String, V> all() {
    return Map.copyOf(values);
  }

  /** Records a value written by this process, so that it is visible before the follower reads it back. */
  public void remember(String key, V value) {
    values.put(key, value);
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void follow() {
    try {
      while (running) {
        pollOnce();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("Stopped following {}: {}", topic, e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** One poll; a record that cannot be read is logged with its place and skipped, and the view goes on. */
  private void pollOnce() {
    ConsumerRecords<String, V> records;
    try {
      records = consumer.poll(Duration.ofMillis(200));
    } catch (RecordDeserializationException e) {
      log.warn("Skipping an unreadable record on {} at offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
      return;
    }
    for (ConsumerRecord<String, V> record : records) {
      if (record.value() == null && tombstonesDelete) {
        values.remove(record.key());
      } else if (record.value() == null) {
        log.warn("Passing over a tombstone for {} on {}-{} at offset {}: master data is never deleted",
            record.key(), record.topic(), record.partition(), record.offset());
      } else {
        values.put(record.key(), record.value());
      }
    }
  }


  @Override
  public void close() {
    running = false;
    if (follower.isAlive()) {
      consumer.wakeup();
      try {
        follower.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      consumer.close(Duration.ofSeconds(2));
    }
  }
}
