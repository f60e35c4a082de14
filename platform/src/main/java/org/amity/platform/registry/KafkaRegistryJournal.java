package org.amity.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.amity.registry.RegistryEntry;
import org.amity.registry.RegistryException;
import org.amity.registry.RegistryJournal;
import org.amity.topics.TopicCreator;
import org.amity.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a registry's schemas in a compacted Kafka topic, as Confluent keeps {@code _schemas}, with
 * Confluent's JSON keys and values: a restart replays the topic and gets every id back.
 */
public final class KafkaRegistryJournal implements RegistryJournal, AutoCloseable {
  public static final String DEFAULT_TOPIC = "_schemas";
  private static final Logger log = LoggerFactory.getLogger(KafkaRegistryJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final Map<String, Object> clientConfig;
  private final KafkaProducer<String, String> producer;
  private KafkaClientMetrics producerMetrics;

  public KafkaRegistryJournal(String topic, Map<String, Object> clientConfig) {
    this.topic = topic;
    this.clientConfig = Map.copyOf(clientConfig);
    Properties props = new Properties();
    props.putAll(clientConfig);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** The journal's topic: compacted, one partition so that the entries keep their order. */
  public static TopicSpec topicSpec(String topic) {
    return new TopicSpec(topic, "Confluent schema-registry key (JSON)", "Confluent schema-registry value (JSON)",
        TopicSpec.Cleanup.COMPACT, TopicSpec.FOREVER, false, "the schema registry's schemas and settings");
  }

  /** Creates the topic if needed and applies every entry in it to the registry, oldest first. */
  public void replayInto(LocalSchemaRegistry registry, short replicationFactor) {
    try (Admin admin = Admin.create(clientConfig)) {
      new TopicCreator(admin, 1, replicationFactor).ensure(List.of(topicSpec(topic)));
    }
    Properties props = new Properties();
    props.putAll(clientConfig);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          replay(record, registry);
        }
      }
    }
  }

  /** Applies one entry; a record another client wrote that is no entry is logged with its place and passed over. */
  private static void replay(ConsumerRecord<String, String> record, LocalSchemaRegistry registry) {
    try {
      RegistryEntry entry = record.key() == null || record.value() == null ? null : entryOf(record.key(), record.value());
      if (entry != null) {
        registry.apply(entry);
      }
    } catch (RuntimeException e) {
      log.warn("Passing over an unreadable record on {}-{} at offset {}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  @Override
  public void write(RegistryEntry entry) {
    try {
      producer.send(new ProducerRecord<>(topic, keyOf(entry), valueOf(entry)))
          .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw storeError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw storeError(e);
    }
  }

  private RegistryException storeError(Exception e) {
    return new RegistryException(500, RegistryException.STORE_ERROR,
        "Cannot write to the schema store topic '" + topic + "': " + e, e);
  }

  static String keyOf(RegistryEntry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof RegistryEntry.SchemaVersion v) {
      key.put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version()).put("magic", 1);
    } else if (entry instanceof RegistryEntry.Config c) {
      key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
    }
    return key.toString();
  }

  static String valueOf(RegistryEntry entry) {
    ObjectNode value = JSON.createObjectNode();
    if (entry instanceof RegistryEntry.SchemaVersion v) {
      value.put("subject", v.subject()).put("version", v.version()).put("id", v.id())
          .put("schema", v.schema()).put("deleted", false);
    } else if (entry instanceof RegistryEntry.Config c) {
      value.put("compatibilityLevel", c.level().name());
    }
    return value.toString();
  }

  /** The entry a record holds, or null for the kinds this registry does not keep (Confluent's NOOP, MODE...). */
  static RegistryEntry entryOf(String key, String value) {
    try {
      JsonNode k = JSON.readTree(key);
      JsonNode v = JSON.readTree(value);
      String keytype = k.path("keytype").asText();
      if (!"SCHEMA".equals(keytype) && !"CONFIG".equals(keytype)) {
        return null;
      }
      if ("CONFIG".equals(keytype)) {
        String subject = k.path("subject").isNull() || k.path("subject").isMissingNode() ? null : k.path("subject").asText();
        return new RegistryEntry.Config(subject, CompatibilityLevel.parse(v.path("compatibilityLevel").asText()));
      }
      return new RegistryEntry.SchemaVersion(v.path("subject").asText(), v.path("version").asInt(),
          v.path("id").asInt(), v.path("schema").asText());
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable record in the schema store topic: key " + key, e);
    }
  }

  /** Shows the journal's producer's Kafka client metrics in this registry. */
  public synchronized void bindTo(MeterRegistry registry) {
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
  }

  @Override
  public synchronized void close() {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
