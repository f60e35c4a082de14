package org.amity.producers.synthetic;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPlatformExtension.class)
class KafkaEventSinkTest {
  private static final LocalDate END = LocalDate.of(2025, 1, 1);
  private static final List<TopicSpec> TOPICS = new ArrayList<>(Topics.EVENTS);

  static {
    TOPICS.add(Topics.OFFICES);
    TOPICS.add(Topics.RELATIONSHIPS);
  }

  @Test
  void everyRecordLandsOnItsTopicAndTheCountsAreWhatTheSinkReported() {
    long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    SyntheticGenerator generator = new SyntheticGenerator(SyntheticSpec.of(2, 5, 2, END, seed));
    Map<TopicPartition, Long> before = endOffsets();
    List<SpecificRecord> sent = new ArrayList<>();
    GenerationReport report;
    try (KafkaEventSink sink = new KafkaEventSink(clientConfig())) {
      report = sink.write(generator, sent::add);
    }

    Map<String, List<ConsumerRecord<String, Object>>> read = readFrom(before);
    Set<String> relationshipIds = SyntheticGeneratorTest.relationshipIds(generator.spec());
    assertThat(read.get(Topics.OFFICES.name()).stream().filter(r -> r.key().matches("office-00[12]"))).hasSize(2);
    assertThat(read.get(Topics.RELATIONSHIPS.name()).stream().filter(r -> relationshipIds.contains(r.key())))
        .extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(generator.relationships().toList());
    assertThat(report.offices()).isEqualTo(2);
    assertThat(report.relationships()).isEqualTo(10);
    assertThat(report.events()).isEqualTo(sent.size()).isGreaterThan(20);

    Map<String, SpecificRecord> sentById = sent.stream()
        .collect(Collectors.toMap(e -> EventTypes.envelopeOf(e).getEventId(), Function.identity()));
    long readEvents = 0;
    for (TopicSpec topic : Topics.EVENTS) {
      List<ConsumerRecord<String, Object>> ours = read.get(topic.name()).stream()
          .filter(r -> EventTypes.envelopeOf((SpecificRecord) r.value()).getEventId().startsWith("syn-" + seed + "-"))
          .toList();
      String type = topic.value().substring(topic.value().lastIndexOf('.') + 1);
      assertThat((long) ours.size()).as(topic.name()).isEqualTo(report.eventsByType().get(type));
      assertThat(ours).allSatisfy(record -> {
        SpecificRecord event = (SpecificRecord) record.value();
        assertThat(event).isEqualTo(sentById.get(EventTypes.envelopeOf(event).getEventId()));
        assertThat(record.key()).isEqualTo(EventTypes.envelopeOf(event).getRelationshipIds().get(0));
      });
      readEvents += ours.size();
    }
    assertThat(readEvents).isEqualTo(report.events());
    assertThat(report.eventsByType().get("DelegationVisited")).isPositive();
  }

  @Test
  void aSendThatFailsFailsTheRun() {
    Map<String, Object> config = clientConfig();
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "100");
    SyntheticGenerator generator = new SyntheticGenerator(SyntheticSpec.of(1, 3, 1, END, 1));

    try (KafkaEventSink sink = new KafkaEventSink(config)) {
      assertThatThrownBy(() -> sink.write(generator, event -> { }))
          .isInstanceOf(KafkaException.class)
          .hasMessageContaining("records were not written to Kafka")
          .hasCauseInstanceOf(RecordTooLargeException.class);
    }
  }

  private static Map<TopicPartition, Long> endOffsets() {
    try (KafkaConsumer<String, Object> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer));
    }
  }

  /** Every record written to the topics since the offsets given, by topic. */
  private static Map<String, List<ConsumerRecord<String, Object>>> readFrom(Map<TopicPartition, Long> from) {
    Map<String, List<ConsumerRecord<String, Object>>> byTopic = new HashMap<>();
    TOPICS.forEach(topic -> byTopic.put(topic.name(), new ArrayList<>()));
    try (KafkaConsumer<String, Object> consumer = consumer()) {
      consumer.assign(from.keySet());
      from.forEach(consumer::seek);
      Map<TopicPartition, Long> until = consumer.endOffsets(from.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (until.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
        assertThat(System.nanoTime()).as("reading back in time").isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(record -> byTopic.get(record.topic()).add(record));
      }
    }
    return byTopic;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, Object> consumer) {
    return TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private static KafkaConsumer<String, Object> consumer() {
    Map<String, Object> config = clientConfig();
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    AvroDeserializer<Object> values = new AvroDeserializer<>();
    values.configure(config, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }
}
