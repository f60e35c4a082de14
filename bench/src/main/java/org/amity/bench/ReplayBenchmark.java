package org.amity.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amity.contract.Topics;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.synthetic.GenerationReport;
import org.amity.producers.synthetic.KafkaEventSink;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.amity.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Replay throughput and how it scales: synthetic history written to the event topics of an embedded broker, read to
 * the end by a plain consumer (the limit) and by a Kafka Streams topology that only counts (what Kafka Streams itself
 * costs), then processed to the end from a clean state by the streams application, run as its own process
 * ({@code amity streams}) with 1 thread, 2 threads, as 2 instances, and at-least-once. "Processed to the end":
 * the application's committed offsets on the event topics and its repartition topics reach their end offsets and no
 * relationship is pending publication ({@code amity_streams_pending_relationships} on its /metrics is 0).
 * After the 1-thread replay the same application, restarted on its state, reports how long its reviews take (the
 * "silence" rows).
 */
final class ReplayBenchmark {
  static final Duration REVIEW_INTERVAL = Duration.ofMinutes(3);
  static final double REPLAY_MEMORY_TARGET_MIB = 1024;
  static final String REVIEW_SECONDS = "amity_streams_review_pass_seconds";
  static final String REVIEW_RELATIONSHIPS = "amity_streams_review_pass_relationships";
  static final String REVIEW_DUE_NEXT_HOUR = "amity_streams_review_due_next_hour";
  static final String PENDING = "amity_streams_pending_relationships";
  /** Lag and pending publications must stay 0 this long: a last publication may still be on its way to a repartition topic. */
  private static final Duration LAG_ZERO_CONFIRMATION = Duration.ofMillis(500);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final Admin admin;
  private final Path workDir;
  private final long events;
  private final HttpClient http = HttpClient.newHttpClient();

  private ReplayBenchmark(Map<String, Object> clientConfig, Admin admin, Path workDir, long events) {
    this.clientConfig = clientConfig;
    this.admin = admin;
    this.workDir = workDir;
    this.events = events;
  }

  /**
   * {@code replay [RELATIONSHIPS [YEARS]] [--one-thread-only]}: this benchmark alone (default 10,000 relationships,
   * 10 years); with {@code --one-thread-only} just the baselines and the exactly-once 1-thread replay.
   */
  static void main(String[] args) throws Exception {
    List<String> numbers = Stream.of(args).filter(arg -> !arg.startsWith("--")).toList();
    int relationships = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 10_000;
    int years = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 10;
    SyntheticSpec spec = Scale.spec(relationships, years);
    Report report = new Report(relationships + " relationships x " + years + " years");
    report.add(run(spec, report, List.of(args).contains("--one-thread-only")));
    report.write("bench-replay");
  }

  static List<Row> run(SyntheticSpec spec, Report report) throws Exception {
    return run(spec, report, false);
  }

  private static List<Row> run(SyntheticSpec spec, Report report, boolean oneThreadOnly) throws Exception {
    AmityProcess.jar();
    Path workDir = Cleanup.tempDirectory("amity-bench-replay");
    int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
    try (Platform platform = Platform.start(new PlatformSettings(workDir.resolve("platform"), "127.0.0.1", ports[0],
        ports[1], 0));
         Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
      Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(),
          "schema.registry.url", platform.registryUrl());
      System.out.println("replay: writing " + Scale.describe(spec));
      GenerationReport written;
      try (KafkaEventSink sink = new KafkaEventSink(sinkConfig(config))) {
        written = sink.write(new SyntheticGenerator(spec), event -> { });
      }
      report.note(String.format("replay: %s; %,d events for %,d relationships written in %.0f s%s",
          Scale.describe(spec), written.events(), written.relationships(), written.elapsed().toMillis() / 1000.0,
          byCrc32() ? ", placed by CRC32 as librdkafka's clients place keys" : ""));
      ReplayBenchmark bench = new ReplayBenchmark(config, admin, workDir, written.events());
      return oneThreadOnly ? bench.measureOneThread() : bench.measure(written.relationships());
    } finally {
      Cleanup.delete(workDir);
    }
  }

  /** {@code -Damity.bench.partitioner=crc32}: everything is written as a librdkafka client would place it. */
  private static boolean byCrc32() {
    return "crc32".equals(System.getProperty("amity.bench.partitioner"));
  }

  private static Map<String, Object> sinkConfig(Map<String, Object> config) {
    Map<String, Object> sink = new HashMap<>(config);
    if (byCrc32()) {
      sink.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class.getName());
    }
    return sink;
  }

  private List<Row> measureOneThread() throws Exception {
    double plain = rate(plainRead());
    double passThrough = rate(PassThroughReplay.run(clientConfig, workDir.resolve("pass-through-eos"), events,
        StreamsConfig.EXACTLY_ONCE_V2));
    double keepingEach = keepingEachRate();
    Replay oneThread = replay("1-thread", 1, 1);
    printRecordsWritten();
    return List.of(
        Row.baseline("replay: plain consumer reads the event topics to the end", plain, "events/s"),
        Row.against("replay: Kafka Streams alone, a topology that only counts (exactly-once, 1 thread)", passThrough,
            "events/s", "plain consumer", plain),
        keepingEachRow(keepingEach, passThrough),
        Row.against("replay: streams app (exactly-once, 1 thread) from a clean state to lag 0", rate(oneThread.elapsed()),
            "events/s", "topology that only counts (exactly-once)", passThrough, 0.2),
        footprint(oneThread));
  }

  /** Kafka Streams keeping each event in a logged store, exactly-once: events/s. */
  private double keepingEachRate() throws InterruptedException {
    return rate(PassThroughReplay.runKeepingEach(clientConfig, workDir.resolve("keeping-each-eos"), events,
        StreamsConfig.EXACTLY_ONCE_V2));
  }

  private static Row keepingEachRow(double keepingEach, double passThrough) {
    return Row.against("replay: Kafka Streams keeping each event in a logged store (exactly-once, 1 thread)",
        keepingEach, "events/s", "topology that only counts (exactly-once)", passThrough);
  }

  /** What the replays wrote, topic by topic (the event topics aside): where the work beside reading goes. */
  private void printRecordsWritten() throws Exception {
    Set<String> written = admin.listTopics().names().get();
    Topics.EVENTS.forEach(topic -> written.remove(topic.name()));
    Map<String, Long> records = new TreeMap<>();
    endOffsets(written).forEach((partition, end) -> records.merge(partition.topic(), end, Long::sum));
    records.forEach((topic, count) -> System.out.printf("replay: %,12d offsets (%.3f per event) %s%n", count,
        count / (double) events, topic));
  }

  private List<Row> measure(long relationships) throws Exception {
    double plain = rate(plainRead());
    System.out.printf("replay: plain consumer %,.0f events/s%n", plain);
    double passThrough = rate(PassThroughReplay.run(clientConfig, workDir.resolve("pass-through-eos"), events,
        StreamsConfig.EXACTLY_ONCE_V2));
    double passThroughAtLeastOnce = rate(PassThroughReplay.run(clientConfig, workDir.resolve("pass-through-alo"),
        events, StreamsConfig.AT_LEAST_ONCE));
    double keepingEach = keepingEachRate();
    System.out.printf("replay: Kafka Streams alone %,.0f events/s (exactly-once), %,.0f (at-least-once), %,.0f keeping"
        + " each event%n", passThrough, passThroughAtLeastOnce, keepingEach);
    Replay oneThread = replay("1-thread", 1, 1);
    List<Row> silence = silenceOrFailure("bench-1-thread", workDir.resolve("1-thread-1"), relationships);
    Replay twoThreads = replay("2-threads", 1, 2);
    Replay twoInstances = replay("2-instances", 2, 1);
    Replay atLeastOnce = replay("1-thread-at-least-once", 1, 1, "-X", "processing.guarantee=at_least_once");
    double one = rate(oneThread.elapsed());
    List<Row> rows = new ArrayList<>(List.of(
        Row.baseline("replay: plain consumer reads the event topics to the end", plain, "events/s"),
        Row.against("replay: Kafka Streams alone, a topology that only counts (at-least-once, 1 thread)",
            passThroughAtLeastOnce, "events/s", "plain consumer", plain),
        Row.against("replay: Kafka Streams alone, a topology that only counts (exactly-once, 1 thread)", passThrough,
            "events/s", "plain consumer", plain),
        keepingEachRow(keepingEach, passThrough),
        Row.against("replay: streams app (exactly-once, 1 thread) from a clean state to lag 0", one, "events/s",
            "plain consumer", plain),
        Row.against("replay: the same, against Kafka Streams alone", one, "events/s",
            "topology that only counts (exactly-once)", passThrough, 0.2),
        Row.against("replay: streams app at-least-once (what exactly-once costs; Amity runs exactly-once)",
            rate(atLeastOnce.elapsed()), "events/s", "exactly-once", one),
        Row.against("scaling: streams app, 2 threads in 1 process", rate(twoThreads.elapsed()), "events/s",
            "1 thread", one),
        Row.against("scaling: streams app, 2 instances of 1 thread", rate(twoInstances.elapsed()), "events/s",
            "1 thread", one, 1.6)));
    rows.addAll(silence);
    rows.add(footprint(oneThread));
    return rows;
  }

  private static Row footprint(Replay oneThread) {
    return Row.under("footprint: streams app peak RSS (VmHWM) during the 1-thread replay", oneThread.peakMiB(), "MiB",
        REPLAY_MEMORY_TARGET_MIB);
  }

  private double rate(Duration elapsed) {
    return events / (elapsed.toNanos() / 1e9);
  }

  /** How long a plain consumer takes to read every event topic to its end. */
  private Duration plainRead() {
    Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
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

  private record Replay(Duration elapsed, double peakMiB) {}

  /**
   * Runs {@code instances} streams processes of {@code threads} threads each, with a new application id and state,
   * from the start of the first until the application has processed everything.
   */
  private Replay replay(String name, int instances, int threads, String... options) throws Exception {
    String applicationId = "bench-" + name;
    List<AmityProcess> processes = new ArrayList<>();
    int[] queryPorts = EmbeddedKafka.freeLoopbackPorts(instances);
    long start = System.nanoTime();
    try {
      for (int i = 1; i <= instances; i++) {
        processes.add(startStreams(applicationId, workDir.resolve(name + "-" + i), "streams.log", threads,
            Duration.ofHours(1), queryPorts[i - 1], options));
      }
      Duration elapsed = awaitProcessed(name, applicationId, processes, queryPorts, start);
      System.out.printf("replay %s: %,.0f events/s%n", name, rate(elapsed));
      return new Replay(elapsed, processes.get(0).peakResidentMiB());
    } finally {
      processes.forEach(AmityProcess::close);
    }
  }

  private AmityProcess startStreams(String applicationId, Path dir, String log, int threads, Duration reviewInterval,
                                    int queryPort, String... options) throws IOException {
    Files.createDirectories(dir);
    Path config = dir.resolve("streams.properties");
    Files.write(config, List.of(
        "bootstrap-servers=" + clientConfig.get("bootstrap.servers"),
        "schema-registry-url=" + clientConfig.get("schema.registry.url"),
        "kafka.num.stream.threads=" + threads));
    List<String> command = new ArrayList<>(List.of("streams", "--config", config.toString(),
        "--application-id", applicationId, "--query-host", "127.0.0.1", "--query-port", Integer.toString(queryPort),
        "--state-dir", dir.resolve("state").toString(), "--review-interval", reviewInterval.toString()));
    command.addAll(List.of(options));
    return AmityProcess.start(dir.resolve(log), command);
  }

  /**
   * Waits until the lag is 0 and no relationship is pending publication in any instance (and both stay so briefly);
   * answers the time from {@code start} to the first such moment.
   */
  private Duration awaitProcessed(String name, String applicationId, List<AmityProcess> processes, int[] queryPorts,
      long start) throws Exception {
    long zeroSince = 0;
    long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (true) {
      for (AmityProcess process : processes) {
        process.requireAlive();
      }
      long lag = lag(applicationId);
      if (lag == 0) {
        lag = pending(queryPorts);
      }
      long now = System.nanoTime();
      if (lag > 0) {
        zeroSince = 0;
      } else if (zeroSince == 0) {
        zeroSince = now;
      } else if (now - zeroSince >= LAG_ZERO_CONFIRMATION.toNanos()) {
        return Duration.ofNanos(zeroSince - start);
      }
      if (now > nextProgress) {
        System.out.printf("replay %s: %s records (or relationships to publish) to go after %d s%n", name,
            lag == Long.MAX_VALUE ? "all" : String.format("%,d", lag), Duration.ofNanos(now - start).toSeconds());
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
      Thread.sleep(100);
    }
  }

  /**
   * Relationships pending publication, summed over the instances; MAX_VALUE while one does not answer. A build
   * without the gauge (measured with {@code -Damity.jar}) counts as none pending.
   */
  private long pending(int[] queryPorts) throws InterruptedException {
    long pending = 0;
    for (int port : queryPorts) {
      Map<String, Double> samples = metrics(port);
      if (samples.isEmpty()) {
        return Long.MAX_VALUE;
      }
      pending += samples.getOrDefault(PENDING, 0.0).longValue();
    }
    return pending;
  }

  /**
   * Records on the event topics and the application's repartition topics not yet processed (committed) by it;
   * MAX_VALUE until its repartition topics exist and it has committed on each partition that holds records.
   */
  private long lag(String applicationId) throws Exception {
    Set<String> topics = admin.listTopics().names().get().stream()
        .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
        .collect(Collectors.toSet());
    if (topics.isEmpty()) {
      return Long.MAX_VALUE;
    }
    Topics.EVENTS.forEach(topic -> topics.add(topic.name()));
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
        .partitionsToOffsetAndMetadata().get();
    long lag = 0;
    for (var end : endOffsets(topics).entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      if (end.getValue() > 0 && done == null) {
        return Long.MAX_VALUE;
      }
      lag += done == null ? 0 : Math.max(0, end.getValue() - done.offset());
    }
    return lag;
  }

  /** The end offset of every partition of the topics. */
  private Map<TopicPartition, Long> endOffsets(Set<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
        .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
    return ends;
  }

  /**
   * Restarts the 1-thread application on its state with a review every {@link #REVIEW_INTERVAL} and reports from the
   * gauges on its /metrics (summed over its tasks) how long its first review, at once, takes: it re-scores the
   * relationships due since the replay. Then restarts it under another model version: the review moments kept in its
   * state no longer hold, and its first review re-scores every relationship on a cold JVM (the worst case, after a
   * change of settings). Its second review re-scores only the relationships due by then, on a warm JVM; from it, an
   * hourly review is projected: the relationships due within the hour after the first review, at the second review's
   * time per relationship (waiting an hour for one would make the benchmark an hour longer).
   */
  private static final int SILENCE_TARGET_RELATIONSHIPS = 100_000;
  private static final Duration REVIEW_PASS_LIMIT = Duration.ofMinutes(5);
  private static final String REVIEW_CHECKED = "amity_streams_review_pass_checked";
  private static final String TARGET = "< 2.00 s";

  private List<Row> silenceOrFailure(String applicationId, Path dir, long relationships) {
    try {
      List<Row> rows = new ArrayList<>();
      rows.add(afterRestart(applicationId, dir, relationships));
      rows.addAll(underAnotherModel(applicationId, dir, relationships));
      return rows;
    } catch (Exception e) {
      e.printStackTrace();
      return List.of(Row.notMeasured("silence: reviews after a start (1 thread)", "failed: " + Bench.firstLine(e), "s",
          TARGET));
    }
  }

  private Row afterRestart(String applicationId, Path dir, long relationships) throws Exception {
    int queryPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityProcess streams = startStreams(applicationId, dir, "streams-silence.log", 1, REVIEW_INTERVAL,
        queryPort)) {
      Map<String, Double> first = awaitFirstReviews(streams, queryPort, relationships);
      System.out.printf("silence: first review after a start %.2f s re-scoring %,.0f of %,d%n",
          first.get(REVIEW_SECONDS), first.get(REVIEW_RELATIONSHIPS), relationships);
      return Row.plain(String.format("silence: first review after a start re-scores the %,.0f of %,d due since the "
          + "replay (cold JVM)", first.get(REVIEW_RELATIONSHIPS), relationships), first.get(REVIEW_SECONDS), "s");
    }
  }

  private List<Row> underAnotherModel(String applicationId, Path dir, long relationships) throws Exception {
    int queryPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityProcess streams = startStreams(applicationId, dir, "streams-new-model.log", 1, REVIEW_INTERVAL,
        queryPort, "-X", "amity.model.version=bench-other-model")) {
      Map<String, Double> first = awaitFirstReviews(streams, queryPort, relationships);
      double firstSeconds = first.get(REVIEW_SECONDS);
      double dueNextHour = first.getOrDefault(REVIEW_DUE_NEXT_HOUR, 0.0);
      // every task's second review is over by then; each takes well under a minute
      Thread.sleep(REVIEW_INTERVAL.plusSeconds(60).toMillis());
      streams.requireAlive();
      Map<String, Double> second = metrics(queryPort);
      double secondSeconds = second.getOrDefault(REVIEW_SECONDS, 0.0);
      double secondRescored = second.getOrDefault(REVIEW_RELATIONSHIPS, 0.0);
      System.out.printf("silence: under another model version the first review took %.2f s re-scoring %,.0f, "
          + "%,.0f due within the hour; the second %.3f s re-scoring %,.0f%n", firstSeconds,
          first.get(REVIEW_RELATIONSHIPS), dueNextHour, secondSeconds, secondRescored);
      double scale = SILENCE_TARGET_RELATIONSHIPS / (double) relationships;
      String projected = scale == 1 ? "" : String.format(", projected to %,d", SILENCE_TARGET_RELATIONSHIPS);
      List<Row> rows = new ArrayList<>();
      rows.add(Row.plain(String.format("silence: first review under another model version re-scores all %,.0f of "
          + "%,d (cold JVM): %.2f s%s", first.get(REVIEW_RELATIONSHIPS), relationships, firstSeconds, projected),
          firstSeconds * scale, "s"));
      rows.add(Row.plain(String.format("silence: its second review, %s later, re-scores the %,.0f due by then",
          REVIEW_INTERVAL.toString().substring(2).toLowerCase(), secondRescored), secondSeconds, "s"));
      String hourly = String.format("silence: an hourly review of %,d relationships: the %,.0f due within the hour, "
          + "at the second review's time per relationship", relationships, dueNextHour);
      if (secondRescored > 0) {
        double hourlySeconds = secondSeconds / secondRescored * dueNextHour;
        rows.add(Row.under(String.format("%s: %.2f s%s", hourly, hourlySeconds, projected), hourlySeconds * scale, "s",
            2.0));
      } else {
        rows.add(Row.notMeasured(hourly, "the second review re-scored none", "s", TARGET));
      }
      return rows;
    }
  }

  /** The gauges once every task has ended its first review (passes over 100,000 may take minutes). */
  private Map<String, Double> awaitFirstReviews(AmityProcess streams, int queryPort, long relationships)
      throws Exception {
    long deadline = System.nanoTime() + REVIEW_PASS_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      streams.requireAlive();
      Map<String, Double> gauges = metrics(queryPort);
      if (gauges.getOrDefault(REVIEW_CHECKED, 0.0) >= relationships) {
        return gauges;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the first reviews did not end within " + REVIEW_PASS_LIMIT);
  }

  /** The samples on the instance's /metrics; empty while it does not answer. */
  private Map<String, Double> metrics(int queryPort) throws InterruptedException {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + queryPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      return samples(answer.body());
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Prometheus text's samples summed by name, labels dropped (a gauge per task adds up to the instance's). */
  static Map<String, Double> samples(String prometheusText) {
    Map<String, Double> samples = new HashMap<>();
    prometheusText.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
      String[] nameAndValue = line.replaceFirst("\\{.*}", "").trim().split("\\s+");
      samples.merge(nameAndValue[0], Double.parseDouble(nameAndValue[1]), Double::sum);
    });
    return samples;
  }

  private static List<TopicPartition> eventPartitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicSpec topic : Topics.EVENTS) {
      consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    return partitions;
  }
}
