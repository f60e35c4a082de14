package org.amity.consumers.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the notifier did, per alert and recipient, kept on a compacted topic keyed {@code alertId|recipient}: read
 * whole at start and again whenever alert partitions are assigned, consulted before sending, written (and
 * acknowledged by every in-sync replica) after a delivery and before the alert's offset is committed.
 */
public final class DeliveryLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** How far one alert got with one recipient. */
  public enum Status {
    /** Waiting for the recipient's daily digest. */
    QUEUED,
    /** Sent (alone or in a digest). */
    DELIVERED,
    /** Given up: dead-lettered. */
    FAILED
  }

  /** One entry of the log: {@code at} is ISO-8601; {@code line} is the digest line of a QUEUED alert. */
  public record Entry(String alertId, String recipient, Status status, String at, int attempts, String reason,
                      String line) {
    public static Entry of(String alertId, String recipient, Status status, Instant at, int attempts, String reason,
                           String line) {
      return new Entry(alertId, recipient, status, at.toString(), attempts, reason, line);
    }
  }

  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> reader;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public DeliveryLog(Map<String, Object> clientConfig, String topic) {
    this.topic = topic;
    Map<String, Object> producerConfig = new HashMap<>(clientConfig);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "amity-notifier-log-writer-" + System.nanoTime());
    this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    Map<String, Object> readerConfig = new HashMap<>(clientConfig);
    readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "amity-notifier-log-reader-" + System.nanoTime());
    this.reader = new KafkaConsumer<>(readerConfig, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = partitions(topic);
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
  }

  /** The log's partitions; waits for them, since a log read without them would be empty and let repeats through. */
  private List<TopicPartition> partitions(String topic) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<TopicPartition> partitions = reader.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (System.nanoTime() > deadline) {
        throw new KafkaException("The delivery log topic " + topic + " has no partitions (does it exist?)");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted while looking for the delivery log " + topic, e);
      }
    }
  }

  public static String key(String alertId, String recipient) {
    return alertId + "|" + recipient;
  }

  /** Reads what others (or an earlier run) wrote, up to the log's end now. */
  public synchronized void catchUp() {
    Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), TIMEOUT);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey(), TIMEOUT) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new KafkaException("Could not read the delivery log " + topic + " to its end within " + TIMEOUT);
      }
      for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
        Entry entry = record.value() == null ? null : parse(record);
        if (record.value() == null) {
          entries.remove(record.key());
        } else if (entry != null) {
          entries.put(record.key(), entry);
        }
      }
    }
  }

  /** What became of this alert for this recipient, or null when nothing yet. */
  public Entry get(String alertId, String recipient) {
    return entries.get(key(alertId, recipient));
  }

  /** Every entry now in the log (newest per key). */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Writes an entry and waits until Kafka has it. */
  public void write(Entry entry) {
    String key = key(entry.alertId(), entry.recipient());
    try {
      producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(entry))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while writing the delivery log", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("Cannot write the delivery log " + topic + ": " + e.getMessage(), e);
    }
    entries.put(key, entry);
  }

  /** The entry, or null when another client wrote something else there: logged with its place and passed over. */
  private static Entry parse(ConsumerRecord<String, String> record) {
    try {
      return JSON.readValue(record.value(), Entry.class);
    } catch (JsonProcessingException e) {
      log.warn("Passing over an unreadable record on {} partition {} offset {} (key {}): {}", record.topic(),
          record.partition(), record.offset(), record.key(), e.getOriginalMessage());
      return null;
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    reader.close(Duration.ofSeconds(5));
  }
}
