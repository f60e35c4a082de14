package org.amity.consumers.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifier's delivery log is read by every notifier at its start: garbage another client put there is passed over. */
@ExtendWith(EmbeddedPlatformExtension.class)
class DeliveryLogTest {
  @Test
  void anUnreadableEntryIsPassedOverAndTheEntriesAroundItAreRead() throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", EmbeddedPlatformExtension.platform().bootstrapServers());
    String alertId = "shanghai/nl-rotterdam|WENT_DORMANT|" + System.nanoTime();
    String topic = Topics.NOTIFIER_DELIVERIES.name();
    try (DeliveryLog writer = new DeliveryLog(config, topic)) {
      writer.write(DeliveryLog.Entry.of(alertId, "before@example.org", DeliveryLog.Status.DELIVERED, Instant.now(), 1,
          null, null));
      try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(config, new StringSerializer(),
          new ByteArraySerializer())) {
        raw.send(new ProducerRecord<>(topic, alertId + "|garbage", "not json {".getBytes(StandardCharsets.UTF_8))).get();
        raw.send(new ProducerRecord<>(topic, alertId + "|binary", new byte[] {(byte) 0xC0, 0, (byte) 0xFF})).get();
      }
      writer.write(DeliveryLog.Entry.of(alertId, "after@example.org", DeliveryLog.Status.FAILED, Instant.now(), 3,
          "mailbox full", null));
    }
    try (DeliveryLog reader = new DeliveryLog(config, topic)) {
      reader.catchUp();
      assertThat(reader.get(alertId, "before@example.org").status()).isEqualTo(DeliveryLog.Status.DELIVERED);
      assertThat(reader.get(alertId, "after@example.org").status()).isEqualTo(DeliveryLog.Status.FAILED);
      assertThat(reader.get(alertId, "garbage")).isNull();
    }
  }
}
