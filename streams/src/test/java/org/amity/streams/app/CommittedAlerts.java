package org.amity.streams.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.Alert;
import org.amity.contract.Topics;
import org.amity.serde.SpecificAvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The alerts on amity.alerts, committed ones only, read from the beginning to the end as it stands. */
public final class CommittedAlerts {
  private CommittedAlerts() {}

  /** Every committed alert about the office's relationships, in the order of each partition. */
  public static List<Alert> of(String office, Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SpecificAvroSerde<Alert> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        serde.deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (record.key().startsWith(office + "/")) {
            alerts.add(record.value());
          }
        });
      }
    }
    return alerts;
  }
}
