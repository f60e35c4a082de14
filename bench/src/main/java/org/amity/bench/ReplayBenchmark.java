package org.amity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.synthetic.GenerationReport;
import org.amity.producers.synthetic.KafkaEventSink;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.app.StreamsSettings;
import org.amity.topics.TopicSpec;
import org.amity.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Replay throughput: synthetic history written to the event topics of an embedded broker, then, in the same run,
 * read to the end by a plain consumer (the limit) and processed to the end by the streams application from a clean
 * state. Reports events/s of both and their ratio.
 */
final class ReplayBenchmark {
  private ReplayBenchmark() {}

  static void main(String[] args) throws Exception {
    int relationships = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int years = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int offices = Math.max(1, relationships / 1000);
    SyntheticSpec spec = SyntheticSpec.of(offices, relationships / offices, years, LocalDate.now(ZoneOffset.UTC), 42);
    Path dataDir = Files.createTempDirectory("amity-bench-replay");
    int[] ports = EmbeddedKafka.freeLoopbackPorts(3);
    try (Platform platform = Platform.start(new PlatformSettings(dataDir, "127.0.0.1", ports[0], ports[1], 0))) {
      Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", platform.bootstrapServers(),
          "schema.registry.url", platform.registryUrl()));
      GenerationReport written;
      try (KafkaEventSink sink = new KafkaEventSink(config)) {
        written = sink.write(new SyntheticGenerator(spec), event -> { });
      }
      long events = written.events();
      double plain = rate(events, plainRead(config));
      Duration replay = streamsReplay(config, ports[2], dataDir.resolve("streams"));
      double topology = rate(events, replay);
      List<String> lines = new ArrayList<>();
      lines.add(String.format("Replay benchmark, %s, %d cores: %,d events, %,d relationships, %d years",
          LocalDate.now(), Runtime.getRuntime().availableProcessors(), events, written.relationships(), years));
      lines.add(String.format("%-44s %12s %10s", "path", "events/s", "vs plain"));
      lines.add(String.format("%-44s %12.0f %10s", "plain consumer, raw bytes", plain, "1.00"));
      lines.add(String.format("%-44s %12.0f %10.2f", "streams application, exactly-once, 1 thread", topology,
          topology / plain));
      lines.forEach(System.out::println);
      Path out = Path.of("target", "bench-replay.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, lines);
      System.out.println("written to " + out.toAbsolutePath());
    }
  }

  private static double rate(long events, Duration elapsed) {
    return events / (elapsed.toNanos() / 1e9);
  }

  /** How long a plain consumer takes to read every event topic to its end. */
  private static Duration plainRead(Map<String, Object> config) {
    Map<String, Object> consumerConfig = new HashMap<>(config);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = eventPartitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long start = System.nanoTime();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(100));
      }
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** How long the streams application takes, from start, until it has processed every event and entry. */
  private static Duration streamsReplay(Map<String, Object> config, int queryPort, Path stateDir) throws Exception {
    String applicationId = "amity-bench-replay";
    StreamsSettings settings = StreamsSettings.defaults().withApplicationId(applicationId);
    long start = System.nanoTime();
    try (AmityStreamsApp app = AmityStreamsApp.start(settings, config,
             new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", queryPort, stateDir, 3, (short) 1));
         Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("bootstrap.servers")))) {
      Set<String> inputs = Topics.EVENTS.stream().map(TopicSpec::name).collect(Collectors.toSet());
      inputs.add(applicationId + "-by-relationship-repartition");
      while (lag(admin, applicationId, inputs) > 0) {
        Thread.sleep(200);
      }
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /**
   * Records not yet processed (committed) by the application on the given topics; MAX_VALUE until the topics exist
   * and it has committed on each partition that holds records.
   */
  private static long lag(Admin admin, String group, Set<String> topics) throws Exception {
    if (!admin.listTopics().names().get().containsAll(topics)) {
      return Long.MAX_VALUE;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
        .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    long lag = 0;
    for (var end : admin.listOffsets(latest).all().get().entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      if (end.getValue().offset() > 0 && done == null) {
        return Long.MAX_VALUE;
      }
      lag += done == null ? 0 : Math.max(0, end.getValue().offset() - done.offset());
    }
    return lag;
  }

  private static List<TopicPartition> eventPartitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicSpec topic : Topics.EVENTS) {
      consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    return partitions;
  }
}
