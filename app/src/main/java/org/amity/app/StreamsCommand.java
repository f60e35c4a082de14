package org.amity.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.amity.access.OfficeTokens;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity streams}: the streams application and its query API, until Ctrl-C. */
@Command(
    name = "streams",
    header = "运行流处理应用：活力分、分档与提醒 / Runs the streams application: scores, bands and alerts",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the streams application: reads the event topics and the master data, publishes each",
        "relationship's vitality and activity, office rollups and alerts, and re-scores every relationship",
        "as time passes. Serves interactive queries on --query-port: /api/v1/vitality[/{office}/{partner}[/history]],",
        "to a caller with an office's API token (the same as for amity ingest), for that office and those under it.",
        "Start several with the same --application-id (and their own --query-port and --state-dir) to share",
        "the work; each answers for all. Model constants: -X amity.model.NAME=VALUE or the same keys in the",
        "configuration file (see docs/operations.md)."})
final class StreamsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--application-id", defaultValue = "amity-streams",
      description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(names = "--query-port", defaultValue = "8090", description = "Port of the query API (default: ${DEFAULT-VALUE}).")
  int queryPort;

  @Option(names = "--query-host", defaultValue = "127.0.0.1",
      description = "Address the query API listens on (default: ${DEFAULT-VALUE}).")
  String queryHost;

  @Option(names = "--advertised-host",
      description = "Host name the other instances reach this one's query API at (default: the --query-host).")
  String advertisedHost;

  @Option(names = "--state-dir", defaultValue = "data/streams",
      description = "Where the state stores live; one per instance (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--standby-replicas", defaultValue = "0",
      description = "Warm copies of each state store on other instances, for a fast takeover (default: ${DEFAULT-VALUE}).")
  int standbyReplicas;

  @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--review-interval", defaultValue = "PT1H",
      description = "How often the relationships that time may have changed are re-scored, ISO-8601 "
          + "(default: ${DEFAULT-VALUE}).")
  Duration reviewInterval;

  @Option(names = "--topic-partitions", defaultValue = "3",
      description = "Partitions of the relationship-keyed topics, when this command creates them (default: ${DEFAULT-VALUE}).")
  int topicPartitions;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replication factor of the topics this command creates (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(names = "--token-hash", paramLabel = "OFFICE=SHA256HEX",
      description = "An office's query token hash ('amity token OFFICE' makes one). Repeatable. Also read from env "
          + "AMITY_STREAMS_TOKENS (OFFICE=HASH,...). Without any, the query API serves no data.")
  Map<String, String> tokenHashes = new HashMap<>();

  @Option(names = "--tokens-file", paramLabel = "FILE", description = "A properties file of OFFICE=SHA256HEX lines.")
  Path tokensFile;

  @Override
  public Integer call() throws Exception {
    OptionChecks.requireAtLeast(spec, "--threads", threads, 1);
    OptionChecks.requireAtLeast(spec, "--standby-replicas", standbyReplicas, 0);
    OptionChecks.requireAtLeast(spec, "--topic-partitions", topicPartitions, 1);
    OptionChecks.requireAtLeast(spec, "--replication-factor", replicationFactor, 1);
    OfficeTokens tokens = tokens();
    Map<String, Object> config = connection.clientConfig();
    StreamsSettings settings = settings(connection.amityProperties());
    config.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    config.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    AmityStreamsApp app = AmityStreamsApp.start(settings, config, new AmityStreamsApp.Options(
        advertisedHost == null ? queryHost : advertisedHost, queryHost, queryPort, stateDir.toAbsolutePath(),
        topicPartitions, replicationFactor, tokens));
    String queries = "http://" + queryHost + ":" + app.queryPort() + "/api/v1/vitality";
    System.out.println("流处理应用 " + settings.applicationId() + "，查询 API " + queries + " / Streams application "
        + settings.applicationId() + ": queries on " + queries);
    if (tokens.isEmpty()) {
      System.out.println("未配置外办令牌，查询 API 不提供任何数据；请用 --token-hash OFFICE=HASH / "
          + "No office tokens: the query API serves no data; give --token-hash OFFICE=HASH");
    }
    UntilStopped.run(app);
    return 0;
  }

  private OfficeTokens tokens() {
    try {
      return new OfficeTokens(NamedHashes.collect(spec.commandLine(), "AMITY_STREAMS_TOKENS", "--tokens-file",
          tokensFile, tokenHashes));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private StreamsSettings settings(Properties amity) {
    refuseSettingsOfOptions(amity);
    try {
      StreamsSettings settings = StreamsSettings.from(amity).withApplicationId(applicationId);
      return settings.withIntervals(settings.emitInterval(), reviewInterval);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Two names for one setting would leave one silently ignored: these are options of this command. */
  private void refuseSettingsOfOptions(Properties amity) {
    Map<String, String> options = Map.of(
        StreamsSettings.PREFIX + "application-id", "--application-id (streams.application-id in the file)",
        StreamsSettings.PREFIX + "review-interval-ms", "--review-interval (streams.review-interval in the file)");
    options.forEach((key, option) -> {
      if (amity.containsKey(key)) {
        throw new ParameterException(spec.commandLine(), key + " is set by the option " + option + " of amity streams");
      }
    });
  }
}
