package org.amity.producers.partners;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.amity.contract.Topics;
import org.amity.events.SampleEvents;
import org.amity.partners.Relationship;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.serde.SpecificAvroSerde;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unreadable record on amity.relationships (garbage, an unknown schema id) is skipped: the directory still starts,
 * and goes on following the topic (issue 17: it stopped ingest, import and partners from starting). A tombstone is
 * passed over as the streams application passes over it: master data is ended, never deleted.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class RelationshipDirectoryTest {
  @Test
  void anUnreadableRecordIsSkippedAtStartAndWhileFollowing() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> config = clientConfig();
    garbage(config, "garbage-" + run, new byte[] {0, 0, 0, 0x7f, 0x05, 1});
    put(config, relationship("before-" + run));

    try (RelationshipDirectory directory = RelationshipDirectory.start(config, Duration.ofSeconds(30))) {
      assertThat(directory.exists("before-" + run + "/nl-rotterdam")).isTrue();
      garbage(config, "garbage-again-" + run, "not avro at all".getBytes());
      put(config, relationship("after-" + run));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!directory.exists("after-" + run + "/nl-rotterdam") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(directory.exists("after-" + run + "/nl-rotterdam")).as("followed past the unreadable record").isTrue();
    }
  }

  @Test
  void aTombstoneIsPassedOverAtStartAndWhileFollowingSoTheRelationshipStaysAsItWas() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> config = clientConfig();
    String kept = "kept-" + run + "/nl-rotterdam";
    put(config, relationship("kept-" + run));
    garbage(config, kept, null);

    try (RelationshipDirectory directory = RelationshipDirectory.start(config, Duration.ofSeconds(30))) {
      assertThat(directory.exists(kept)).as("after a tombstone read at start").isTrue();
      garbage(config, kept, null);
      put(config, relationship("later-" + run));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!directory.exists("later-" + run + "/nl-rotterdam") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(directory.exists("later-" + run + "/nl-rotterdam")).as("followed past the tombstone").isTrue();
      assertThat(directory.exists(kept)).as("after a tombstone read while following").isTrue();
    }
  }

  private static Relationship relationship(String office) {
    return Relationship.newBuilder(SampleEvents.relationship()).setOfficeId(office)
        .setRelationshipId(office + "/nl-rotterdam").build();
  }

  private static void garbage(Map<String, Object> config, String key, byte[] bytes) throws Exception {
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), key, bytes)).get();
    }
  }

  private static void put(Map<String, Object> config, Relationship relationship) throws Exception {
    try (SpecificAvroSerde<Relationship> serde = new SpecificAvroSerde<>()) {
      serde.configure(config, false);
      try (KafkaProducer<String, Relationship> producer = new KafkaProducer<>(Map.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)),
          new StringSerializer(), serde.serializer())) {
        producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), relationship.getRelationshipId(), relationship)).get();
      }
    }
  }
}
