package org.amity.streams.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.amity.access.OfficeTokens;
import org.amity.contract.Topics;
import org.amity.ops.KafkaCheck;
import org.amity.ops.Telemetry;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.ledger.Placement;
import org.amity.streams.query.QueryApi;
import org.amity.streams.query.StreamsMetrics;
import org.amity.streams.settings.StreamsSettings;
import org.amity.topics.TopicCreator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the streams application: the topology on Kafka Streams, and the interactive-query HTTP
 * server. Several instances with the same application id share the work; each answers for all.
 */
public final class AmityStreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AmityStreamsApp.class);
  /** Describing topics just created: attempts, 200 ms apart. */
  private static final int DESCRIBE_ATTEMPTS = 50;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final QueryApi queries;
  private final Telemetry telemetry;
  private final KafkaStreamsMetrics kafkaMetrics;
  /** Held here: Micrometer holds the sources of function counters weakly. */
  private final StreamsMetrics amityMetrics;

  private AmityStreamsApp(KafkaStreams streams, QueryApi queries, Telemetry telemetry, KafkaStreamsMetrics kafkaMetrics,
      StreamsMetrics amityMetrics) {
    this.streams = streams;
    this.queries = queries;
    this.telemetry = telemetry;
    this.kafkaMetrics = kafkaMetrics;
    this.amityMetrics = amityMetrics;
  }

  /**
   * Where the instance keeps its state and answers queries.
   *
   * @param advertisedHost the host other instances reach this one's query port at
   * @param bindHost the address the query server listens on
   * @param queryPort the query server's port
   * @param stateDir where RocksDB keeps the state stores
   * @param topicPartitions partitions of the relationship-keyed topics it creates when they are missing
   * @param replicationFactor replication factor of the topics it creates
   * @param queryTokens the offices' API tokens the query API accepts (every instance the same)
   */
  public record Options(String advertisedHost, String bindHost, int queryPort, Path stateDir, int topicPartitions,
      short replicationFactor, OfficeTokens queryTokens) {

    /** Options of an instance whose query API serves no data, only its health and metrics. */
    public Options(String advertisedHost, String bindHost, int queryPort, Path stateDir, int topicPartitions,
        short replicationFactor) {
      this(advertisedHost, bindHost, queryPort, stateDir, topicPartitions, replicationFactor, OfficeTokens.NONE);
    }
  }

  /**
   * Creates missing topics, starts Kafka Streams and the query server.
   *
   * @param clientConfig Kafka and serde properties: at least bootstrap.servers and schema.registry.url; any Kafka
   *     Streams property overrides Amity's defaults
   */
  public static AmityStreamsApp start(StreamsSettings settings, Map<String, Object> clientConfig, Options options) {
    formatNumbersAsKafkaStreamsDoes();
    Placement placement = new Placement(ensureTopics(clientConfig, options));
    HostInfo self = new HostInfo(options.advertisedHost(), options.queryPort());
    Properties properties = StreamsProperties.of(settings, clientConfig);
    properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    properties.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toString());
    KafkaStreams streams = new KafkaStreams(AmityTopology.build(settings, serdeConfig(clientConfig), placement),
        properties);
    Telemetry telemetry = Telemetry.of("streams");
    KafkaStreamsMetrics kafkaMetrics = new KafkaStreamsMetrics(streams);
    kafkaMetrics.bindTo(telemetry.registry());
    StreamsMetrics amityMetrics = new StreamsMetrics(streams::metrics);
    amityMetrics.bindTo(telemetry.registry());
    Gauge.builder("amity.streams.running", streams, s -> s.state().isRunningOrRebalancing() ? 1 : 0)
        .description("1 when this instance is running or rebalancing, else 0").register(telemetry.registry());
    QueryApi queries = new QueryApi(streams, settings, self, options.queryTokens(), telemetry).start(options.bindHost());
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
          .REPLACE_THREAD;
    });
    streams.start();
    LOG.info("streams application {} started; queries on http://{}:{}", settings.applicationId(), self.host(),
        queries.port());
    return new AmityStreamsApp(streams, queries, telemetry, kafkaMetrics, amityMetrics);
  }

  public KafkaStreams streams() {
    return streams;
  }

  public int queryPort() {
    return queries.port();
  }

  /** Waits until the application runs (or rebalances), or throws after {@code timeout}. */
  public AmityStreamsApp awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || streams.state().hasCompletedShutdown()) {
        throw new IllegalStateException("streams application is " + streams.state() + " after " + timeout);
      }
      Thread.sleep(50);
    }
    return this;
  }

  /**
   * Stops, leaving the group at once so that the other instances take over without waiting for a timeout. Kafka Streams
   * gets {@link #CLOSE_TIMEOUT}, so that the process stops within the 10 s a stop may take; a close cut short loses
   * nothing under exactly-once (its transaction is aborted and redone).
   */
  @Override
  public void close() {
    queries.close();
    streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    kafkaMetrics.close();
    telemetry.close();
  }

  /**
   * Kafka Streams formats a message with {@code String.format} for every empty input partition of a task on every
   * record it processes, whatever the log level ({@code PartitionGroup.readyToProcess}, 4.4); under any formatting
   * locale but en_US each of them builds a {@code DecimalFormatSymbols} anew, 7% of the stream thread in a replay.
   * Amity's own texts name their locale where it matters.
   */
  private static void formatNumbersAsKafkaStreamsDoes() {
    Locale.setDefault(Locale.Category.FORMAT, Locale.US);
  }

  private static Map<String, Object> serdeConfig(Map<String, Object> clientConfig) {
    Map<String, Object> serde = new HashMap<>(clientConfig);
    serde.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081");
    return serde;
  }

  /** Creates the missing topics; returns the partitions of those keyed by relationship. */
  private static int ensureTopics(Map<String, Object> clientConfig, Options options) {
    try (Admin client = Admin.create(KafkaCheck.adminConfig(clientConfig))) {
      new TopicCreator(client, options.topicPartitions(), options.replicationFactor()).ensure(Topics.ALL);
      return requireSamePartitions(client);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The ledger reads the event topics and the master data side by side (see {@link AmityTopology}). */
  private static int requireSamePartitions(Admin client) {
    List<String> names = new ArrayList<>(List.of(Topics.RELATIONSHIPS.name(), Topics.FOLLOW_UP_STEPS.name()));
    Topics.EVENTS.forEach(topic -> names.add(topic.name()));
    Map<String, Integer> partitions = new TreeMap<>();
    for (int attempt = 1; partitions.isEmpty(); attempt++) {
      try {
        client.describeTopics(names).allTopicNames().get()
            .forEach((name, description) -> partitions.put(name, description.partitions().size()));
      } catch (ExecutionException e) {
        // topics just created may not be known to every broker yet
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == DESCRIBE_ATTEMPTS) {
          throw new IllegalStateException("Cannot describe Amity's topics: " + e.getCause().getMessage(), e.getCause());
        }
        sleep(Duration.ofMillis(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (new HashSet<>(partitions.values()).size() > 1) {
      throw new IllegalStateException("The event topics, " + Topics.RELATIONSHIPS.name() + " and "
          + Topics.FOLLOW_UP_STEPS.name() + " must have the same number of partitions, as events and follow-up steps"
          + " are read beside their relationship's master data;"
          + " partitions per topic: " + partitions);
    }
    return partitions.values().iterator().next();
  }
}
