package org.amity.producers.synthetic;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.serde.AvroSerializer;
import org.amity.topics.TopicCreator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes generated data to Kafka: offices and relationships to their compacted topics, each event to the
 * topic of its type keyed by its first relationship id. One producer, tuned for throughput (acks=all,
 * idempotence, linger 20 ms, 256 KB batches, lz4), sending asynchronously. A failed send is never dropped:
 * the first failure stops the run, and {@link #write} throws once what was in flight has settled.
 */
public final class KafkaEventSink implements AutoCloseable {
  private final KafkaProducer<String, Object> producer;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final AtomicLong failedSends = new AtomicLong();
  private final Map<Class<?>, String> topicByType = new HashMap<>();
  private long sends;

  /** Kafka client and serde properties (bootstrap.servers, schema.registry.url, ...). */
  public KafkaEventSink(Map<String, Object> clientConfig) {
    AvroSerializer<Object> values = new AvroSerializer<>();
    values.configure(clientConfig, false);
    this.producer = new KafkaProducer<>(producerConfig(clientConfig), new StringSerializer(), values);
  }

  /** The client config with the sink's producer settings; linger, batch size and compression may be overridden. */
  static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return config;
  }

  /** Creates the catalog's topics that do not exist yet; answers the names of those it created. */
  public static Set<String> createTopics(Map<String, Object> clientConfig, int relationshipPartitions,
                                         short replicationFactor) {
    try (Admin admin = Admin.create(clientConfig)) {
      return new TopicCreator(admin, relationshipPartitions, replicationFactor).ensure(Topics.ALL);
    }
  }

  /**
   * Writes everything the generator makes and waits until Kafka has acknowledged it. {@code eachEvent} sees
   * every event sent (e.g. the ground truth). Throws a {@link KafkaException} if any record was not written.
   */
  public GenerationReport write(SyntheticGenerator generator, Consumer<? super SpecificRecord> eachEvent) {
    GenerationReport.Counter counter = new GenerationReport.Counter();
    for (Office office : generator.offices()) {
      send(Topics.OFFICES.name(), office.getOfficeId(), office);
      counter.office();
    }
    Iterator<Relationship> relationships = generator.relationships().iterator();
    while (relationships.hasNext() && firstFailure.get() == null) {
      Relationship relationship = relationships.next();
      send(Topics.RELATIONSHIPS.name(), relationship.getRelationshipId(), relationship);
      counter.relationship();
    }
    Iterator<SpecificRecord> events = generator.events().iterator();
    while (events.hasNext() && firstFailure.get() == null) {
      SpecificRecord event = events.next();
      send(topicOf(event), EventTypes.keyOf(event), event);
      eachEvent.accept(event);
      counter.event(event);
    }
    producer.flush();
    throwIfAnySendFailed();
    return counter.report();
  }

  private void send(String topic, String key, Object value) {
    sends++;
    producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
      if (failure != null) {
        failedSends.incrementAndGet();
        firstFailure.compareAndSet(null, failure);
      }
    });
  }

  private String topicOf(SpecificRecord event) {
    return topicByType.computeIfAbsent(event.getClass(), type -> Topics.forEventType(type)
        .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not an event type")).name());
  }

  private void throwIfAnySendFailed() {
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new KafkaException(failedSends.get() + " of " + sends
          + " records were not written to Kafka; the first failure: " + failure, failure);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
