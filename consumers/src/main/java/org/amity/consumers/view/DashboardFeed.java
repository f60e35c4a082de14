package org.amity.consumers.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.serde.SpecificAvroSerde;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread that reads the aggregate topics (vitality, activity, office rollups, alerts), the master
 * data (relationships, offices) and the event topics (for the partners' timelines of exchanges) from the beginning,
 * committed records only, into a {@link DashboardView}. It keeps no offsets: every start reads everything again
 * (the compacted topics hold one record per key; the view keeps the newest exchanges per relationship). It also reads
 * the notifier's delivery log (JSON), to show the notifications that could not be delivered.
 */
public final class DashboardFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
  static final Set<String> EVENT_TOPICS = Set.copyOf(Topics.EVENTS.stream().map(TopicSpec::name).toList());
  static final List<String> TOPICS = Stream.concat(Stream.of(Topics.OFFICES.name(),
      Topics.RELATIONSHIPS.name(), Topics.VITALITY.name(), Topics.ACTIVITY.name(), Topics.OFFICE_ROLLUPS.name(),
      Topics.ALERTS.name(), Topics.FOLLOW_UPS.name(), Topics.YIELDS.name(), Topics.OFFICE_YIELDS.name(),
      Topics.NOTIFIER_DELIVERIES.name(), Topics.DEAD_LETTER.name()),
      Topics.EVENTS.stream().map(TopicSpec::name)).toList();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DashboardView view;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<SpecificRecord> avro;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running = true;
  private KafkaClientMetrics metrics;

  private DashboardFeed(DashboardView view, Map<String, Object> clientConfig) {
    this.view = view;
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "amity-dashboard");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    this.avro = serde.deserializer();
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "amity-dashboard-feed");
    this.thread.setDaemon(true);
  }

  /** Starts reading into the view. */
  public static DashboardFeed start(DashboardView view, Map<String, Object> clientConfig) {
    DashboardFeed feed = new DashboardFeed(view, clientConfig);
    feed.thread.start();
    return feed;
  }

  /** Shows the feed's Kafka consumer metrics (its lag among them) in this registry. */
  public synchronized DashboardFeed bindTo(MeterRegistry registry) {
    metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(registry);
    return this;
  }

  /** Waits until what was on the topics at start has been read. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer.partitionsFor(topic, Duration.ofSeconds(60))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        try {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            apply(record);
          }
        } catch (RecordDeserializationException e) {
          log.warn("Skipping a record with an unreadable key on {} at offset {}: {}", e.topicPartition(), e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (caughtUp.getCount() > 0
            && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          log.info("Dashboard caught up with {} partitions", partitions.size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        log.error("Dashboard feed woken unexpectedly", e);
      }
    } catch (RuntimeException | Error e) {
      log.error("Dashboard feed stopped", e);
      view.feedStopped(e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    String topic = record.topic();
    if (topic.equals(Topics.NOTIFIER_DELIVERIES.name())) {
      applyDelivery(record);
      return;
    }
    if (topic.equals(Topics.DEAD_LETTER.name())) {
      view.countDeadLetter(sourceTopic(record.headers()));
      return;
    }
    SpecificRecord value;
    try {
      value = avro.deserialize(topic, record.value());
    } catch (SerializationException e) {
      log.warn("Skipping an unreadable record on {} at offset {}: {}", topic, record.offset(), e.getMessage());
      return;
    }
    try {
      if (topic.equals(Topics.VITALITY.name())) {
        view.putVitality(key, (RelationshipVitality) value);
      } else if (topic.equals(Topics.ACTIVITY.name())) {
        view.putActivity(key, (RelationshipActivity) value);
      } else if (topic.equals(Topics.OFFICE_ROLLUPS.name())) {
        view.putRollup(key, (OfficeRollup) value);
      } else if (topic.equals(Topics.ALERTS.name())) {
        view.addAlert((Alert) value);
      } else if (topic.equals(Topics.YIELDS.name())) {
        view.putYield(key, (RelationshipYield) value);
      } else if (topic.equals(Topics.OFFICE_YIELDS.name())) {
        view.putOfficeYield(key, (OfficeYield) value);
      } else if (topic.equals(Topics.FOLLOW_UPS.name())) {
        view.putFollowUp(key, (FollowUp) value);
      } else if (topic.equals(Topics.RELATIONSHIPS.name())) {
        view.putRelationship(key, (Relationship) value);
      } else if (topic.equals(Topics.OFFICES.name())) {
        view.putOffice(key, (Office) value);
      } else if (EVENT_TOPICS.contains(topic) && value != null) {
        view.addEvent(value);
      }
    } catch (ClassCastException e) {
      log.warn("Skipping a record of unexpected type on {} at offset {}: {}", topic, record.offset(), e.getMessage());
    }
  }

  /** An entry of the notifier's delivery log: {@code {"alertId", "recipient", "status", "at", "attempts", "reason"}}. */
  private void applyDelivery(ConsumerRecord<String, byte[]> record) {
    try {
      JsonNode entry = record.value() == null ? null : JSON.readTree(record.value());
      boolean failed = entry != null && "FAILED".equals(entry.path("status").asText());
      view.putDelivery(record.key(), failed ? new DashboardView.NotificationFailure(entry.path("alertId").asText(),
          entry.path("recipient").asText(), entry.path("at").asText(), entry.path("attempts").asInt(),
          entry.path("reason").asText()) : null);
    } catch (java.io.IOException e) {
      log.warn("Skipping an unreadable delivery log entry at offset {}: {}", record.offset(), e.getMessage());
    }
  }

  /** The topic a dead letter was read from, as the streams application's or the notifier's headers name it. */
  private static String sourceTopic(Headers headers) {
    for (Header header : headers) {
      if (header.key().endsWith(".errors.topic") && header.value() != null) {
        return new String(header.value(), StandardCharsets.UTF_8);
      }
    }
    return "(unknown)";
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
    synchronized (this) {
      if (metrics != null) {
        metrics.close();
      }
    }
  }
}
