package org.amity.streams.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records on amity.dead-letter of the embedded broker that concern one test's office. Tests share the broker and
 * some write records that break the contract on purpose, so a test looks at its own office's letters only.
 */
public final class DeadLetters {
  private DeadLetters() {}

  /** Each letter whose key names one of the office's relationships: "key: message". */
  public static List<String> of(String office) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers()),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<String> found = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (record.key() != null && record.key().startsWith(office + "/")) {
            Header message = record.headers().lastHeader("__streams.errors.message");
            found.add(record.key() + ": "
                + (message == null ? "" : new String(message.value(), StandardCharsets.UTF_8)));
          }
        });
      }
      return found;
    }
  }

  /** The office's letters once there are some, at most a minute later. */
  public static List<String> awaitSome(String office) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> found = of(office);
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      found = of(office);
    }
    return found;
  }
}
