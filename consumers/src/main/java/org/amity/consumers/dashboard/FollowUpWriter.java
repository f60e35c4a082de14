package org.amity.consumers.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amity.contract.Topics;
import org.amity.followups.FollowUpStep;
import org.amity.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes follow-up steps to amity.follow-up-steps, keyed by relationship id, each acknowledged by every in-sync
 * replica before the request that took it is answered.
 */
public final class FollowUpWriter implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 10;
  private final KafkaProducer<String, Object> producer;

  private FollowUpWriter(KafkaProducer<String, Object> producer) {
    this.producer = producer;
  }

  /** @param clientConfig the Kafka and registry settings (bootstrap.servers, schema.registry.url, ...) */
  public static FollowUpWriter start(Map<String, ?> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    AvroSerializer<Object> values = new AvroSerializer<>();
    values.configure(config, false);
    return new FollowUpWriter(new KafkaProducer<>(config, new StringSerializer(), values));
  }

  /** Writes the step and waits until Kafka has it. */
  void write(FollowUpStep step) throws Exception {
    producer.send(new ProducerRecord<>(Topics.FOLLOW_UP_STEPS.name(), step.getRelationshipId(), step))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
  }
}
