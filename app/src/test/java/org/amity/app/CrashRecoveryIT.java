package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amity.aggregates.Alert;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.partners.Relationship;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.synthetic.KafkaEventSink;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.amity.serde.AvroDeserializer;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.ReferenceComparison;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams application, as its own process, killed with SIGKILL at random moments while it works through a
 * synthetic backfill, and started again each time. At the end every relationship's vitality and activity (read
 * committed) equal the reference implementation's, and the alerts topic holds no transition twice. The size is set
 * by {@code amity.crash.events-per-year} (per relationship; 9 years of {@code amity.crash.relationships}), the kills
 * by {@code amity.crash.kills}; the {@code reliability} profile runs it over a million events.
 */
class CrashRecoveryIT {
  private static final String APPLICATION = "amity-streams";
  private static final Duration LIMIT = Duration.ofMinutes(20);
  private static final int RELATIONSHIPS = Integer.getInteger("amity.crash.relationships", 200);
  private static final double EVENTS_PER_YEAR =
      Double.parseDouble(System.getProperty("amity.crash.events-per-year", "50"));
  private static final int KILLS = Integer.getInteger("amity.crash.kills", 3);
  /** Within the ledger's retention (10 years), which the reference implementation does not model. */
  private static final int YEARS = 9;
  private static final long SEED = Long.getLong("amity.crash.seed", System.nanoTime());

  @Test
  void killedThreeTimesTheApplicationEndsWithTheReferenceFiguresAndNoAlertTwice(@TempDir Path dir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(4);
    try (Platform platform = Platform.start(new PlatformSettings(dir.resolve("platform"), "127.0.0.1", ports[0],
        ports[1], ports[2]))) {
      Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
          AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      SyntheticGenerator generator = new SyntheticGenerator(new SyntheticSpec(RELATIONSHIPS / 50, 50, YEARS, today,
          20_261_121L, SyntheticSpec.DEFAULT_QUIET_SHARE, today.minusYears(1), EVENTS_PER_YEAR));
      Map<String, List<SpecificRecord>> sent = backfill(generator, config);
      Map<String, String> env = Map.of("AMITY_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
          "AMITY_SCHEMA_REGISTRY_URL", platform.registryUrl(), "AMITY_STATE_DIR", dir.resolve("streams").toString(),
          "AMITY_QUERY_PORT", Integer.toString(ports[3]));

      Random random = new Random(SEED);
      System.out.printf("crash test: seed %d, %d relationships, %d events, %d kills%n", SEED, sent.size(),
          sent.values().stream().flatMap(List::stream).distinct().count(), KILLS);
      for (int kill = 1; kill <= KILLS; kill++) {
        AmityProcess streams = AmityProcess.start(dir.resolve("streams-" + kill + ".log"), env, "streams");
        streams.awaitOutput("Streams application", LIMIT);
        awaitProgress(config, lag(config));
        Thread.sleep(random.nextInt(4_000));
        streams.kill();
        System.out.printf("crash test: SIGKILL %d with %d records still to process%n", kill, lag(config));
      }
      try (AmityProcess streams = AmityProcess.start(dir.resolve("streams-last.log"), env, "streams")) {
        streams.awaitOutput("Streams application", LIMIT);
        awaitNoLag(config);
        Thread.sleep(3_000);
      }
      List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(config);
      deadLetters.stream().limit(5).forEach(letter -> System.out.println("crash test: dead letter " + new String(
          letter.headers().lastHeader("__streams.errors.message").value(), java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(deadLetters).as("dead letters").isEmpty();
      assertFiguresEqualTheReference(generator, sent, config);
      assertNoTransitionAnnouncedTwice(config);
    }
  }

  /** Writes the synthetic history; answers the events that name each relationship. */
  private static Map<String, List<SpecificRecord>> backfill(SyntheticGenerator generator, Map<String, Object> config) {
    KafkaEventSink.createTopics(config, 3, (short) 1);
    Map<String, List<SpecificRecord>> sent = new HashMap<>();
    try (KafkaEventSink sink = new KafkaEventSink(config)) {
      sink.write(generator, event -> EventTypes.envelopeOf(event).getRelationshipIds()
          .forEach(id -> sent.computeIfAbsent(id, key -> new ArrayList<>()).add(event)));
    }
    return sent;
  }

  private static void assertFiguresEqualTheReference(SyntheticGenerator generator,
      Map<String, List<SpecificRecord>> sent, Map<String, Object> config) {
    Map<String, RelationshipVitality> vitality = latest(config, Topics.VITALITY.name());
    Map<String, RelationshipActivity> activity = latest(config, Topics.ACTIVITY.name());
    Map<String, Relationship> relationships = generator.relationships()
        .collect(Collectors.toMap(Relationship::getRelationshipId, Function.identity()));
    List<String> differences = new ArrayList<>();
    for (Relationship relationship : relationships.values()) {
      String id = relationship.getRelationshipId();
      differences.addAll(ReferenceComparison.differences(id, vitality.get(id), activity.get(id),
          sent.getOrDefault(id, List.of()), relationship.getEstablishedOn(), StreamsSettings.defaults().model()));
    }
    System.out.printf("crash test: %d relationships compared with the reference, %d differences%n",
        relationships.size(), differences.size());
    assertThat(differences).as("topology against reference after the crashes").isEmpty();
  }

  /**
   * No relationship has the same change announced twice: a crash between raising an alert and committing the band
   * it announces would show as a repeat.
   */
  private static void assertNoTransitionAnnouncedTwice(Map<String, Object> config) {
    List<Alert> alerts = all(config, Topics.ALERTS.name());
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (Alert alert : alerts) {
      String transition = String.join("|", alert.getRelationshipId(), alert.getKind().name(),
          String.valueOf(alert.getFromBand()), String.valueOf(alert.getBand()), String.valueOf(alert.getAnniversaryOn()),
          String.valueOf(alert.getAgreementEventId()));
      if (!seen.add(transition)) {
        repeated.add(transition);
      }
    }
    System.out.printf("crash test: %d alerts, %d repeated%n", alerts.size(), repeated.size());
    assertThat(alerts).as("alerts raised during the backfill").isNotEmpty();
    assertThat(repeated).as("transitions announced twice").isEmpty();
  }

  private static <T> Map<String, T> latest(Map<String, Object> config, String topic) {
    Map<String, T> latest = new HashMap<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = committedReader(config)) {
      readAll(consumer, topic).forEach(record -> {
        @SuppressWarnings("unchecked")
        T value = (T) record.value();
        latest.put(record.key(), value);
      });
    }
    return latest;
  }

  private static <T> List<T> all(Map<String, Object> config, String topic) {
    try (KafkaConsumer<String, SpecificRecord> consumer = committedReader(config)) {
      @SuppressWarnings("unchecked")
      List<T> values = readAll(consumer, topic).stream().map(record -> (T) record.value()).toList();
      return values;
    }
  }

  private static KafkaConsumer<String, SpecificRecord> committedReader(Map<String, Object> config) {
    Map<String, Object> consumerConfig = new HashMap<>(config);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    AvroDeserializer<SpecificRecord> values = new AvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL),
        AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values);
  }

  private static List<ConsumerRecord<String, SpecificRecord>> readAll(KafkaConsumer<String, SpecificRecord> consumer,
      String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  /** Records the application has yet to process: on the topics it reads, its own repartition topics included. */
  private static long lag(Map<String, Object> config) throws Exception {
    try (Admin admin = Admin.create(config)) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION)
          .partitionsToOffsetAndMetadata().get();
      Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
      for (String topic : admin.listTopics().names().get()) {
        if (Topics.EVENTS.stream().anyMatch(t -> t.name().equals(topic)) || topic.startsWith(APPLICATION + "-")
            && topic.endsWith("-repartition")) {
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
              .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      long lag = 0;
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata done = committed.get(partition);
        lag += Math.max(0, ends.get(partition).offset() - (done == null ? 0 : done.offset()));
      }
      return lag;
    }
  }

  /** Waits until the application has committed some progress since {@code lag} was measured. */
  private static void awaitProgress(Map<String, Object> config, long lag) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (lag(config) >= lag && lag > 0) {
      assertThat(System.nanoTime()).as("progress within %s", LIMIT).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> deadLetters(Map<String, Object> config) {
    Map<String, Object> consumerConfig = new HashMap<>(config);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      String topic = Topics.DEAD_LETTER.name();
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
      }
      return letters;
    }
  }

  /** Waits until the application has processed everything (transaction markers count as one record each). */
  private static void awaitNoLag(Map<String, Object> config) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    long lag = lag(config);
    int quiet = 0;
    while (quiet < 3) {
      assertThat(System.nanoTime()).as("processed within %s; %d records still to go", LIMIT, lag).isLessThan(deadline);
      Thread.sleep(1_000);
      long now = lag(config);
      quiet = now == lag && now <= partitionsRead(config) ? quiet + 1 : 0;
      lag = now;
    }
  }

  private static long partitionsRead(Map<String, Object> config) throws Exception {
    try (Admin admin = Admin.create(config)) {
      return admin.listConsumerGroupOffsets(APPLICATION).partitionsToOffsetAndMetadata().get().size();
    }
  }
}
