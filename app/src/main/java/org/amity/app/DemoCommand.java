package org.amity.app;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.DashboardServer;
import org.amity.consumers.dashboard.DashboardSettings;
import org.amity.consumers.dashboard.DashboardUsers;
import org.amity.consumers.dashboard.FollowUpWriter;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.ops.OpsEndpoints;
import org.amity.partners.Office;
import org.amity.platform.Platform;
import org.amity.producers.demo.DemoData;
import org.amity.producers.demo.DemoLoader;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code amity demo}: the platform, every service and the demo data in one process, until Ctrl-C. */
@Command(
    name = "demo",
    header = "在本机运行全部组件和演示数据 / Runs everything on this machine with the demo data",
    mixinStandardHelpOptions = true,
    description = {
        "Runs everything on this machine: the Kafka broker and schema registry, the streams application, the",
        "ingest API and the dashboard, and loads the demo data (Shanghai, Changning and Jinan with their partners).",
        "Prints the dashboard's address, the demo login and an ingest token per office. Data lives under",
        "--data-dir; a second start keeps the history and adds no event twice. With --simulate it keeps adding",
        "believable exchanges, so the dashboard moves."})
final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  static final String DEMO_USER = "demo";
  static final String DEMO_PASSWORD = "amity-demo";

  @Mixin
  PlatformOptions platformOptions;

  @Mixin
  SimulateOptions simulation;

  @Option(names = "--ingest-port", defaultValue = "8080", description = "Ingest API port (default: ${DEFAULT-VALUE}).")
  int ingestPort;

  @Option(names = "--streams-port", defaultValue = "8090",
      description = "Streams query API port (default: ${DEFAULT-VALUE}).")
  int streamsPort;

  @Option(names = "--dashboard-port", defaultValue = "8070",
      description = "Dashboard port (default: ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    // the demo's console tells what a visitor does; a line per request would bury it
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(OpsEndpoints.ACCESS_LOG)).setLevel(Level.WARN);
    Platform platform = Platform.start(platformOptions.settings());
    String host = platformOptions.host;
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());

    Map<String, String> tokens = new LinkedHashMap<>();
    DemoData.build(DemoData.earliestToday()).offices().stream().map(Office::getOfficeId)
        .forEach(office -> tokens.put(office, OfficeTokens.newToken()));
    Map<String, String> hashes = new HashMap<>();
    tokens.forEach((office, token) -> hashes.put(office, OfficeTokens.hash(token)));

    AmityStreamsApp streams = AmityStreamsApp.start(StreamsSettings.defaults(), config, new AmityStreamsApp.Options(
        host, host, streamsPort, platformOptions.dataDir.resolve("streams").toAbsolutePath(), 3, (short) 1,
        new OfficeTokens(hashes)));
    DashboardView view = new DashboardView();
    DashboardFeed feed = DashboardFeed.start(view, config);
    FollowUpWriter followUps = FollowUpWriter.start(config);
    DashboardServer dashboard = new DashboardServer(
        new DashboardSettings(host, dashboardPort, "http://" + host + ":" + streamsPort, tokens),
        new DashboardUsers(Map.of(DEMO_USER, PasswordHashes.hash(DEMO_PASSWORD.toCharArray())), Map.of(),
            Set.of(DEMO_USER)), view, followUps).start();
    feed.bindTo(dashboard.meters());

    AmityPublisher publisher = AmityPublisher.start(config);
    PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
    IngestApi ingest = new IngestApi(IngestSettings.defaults(host, ingestPort), new OfficeTokens(hashes), publisher,
        partners, Clock.systemUTC()).start();

    System.out.println("看板 / Dashboard:        " + dashboard.url() + "/   用户 " + DEMO_USER + "，密码 " + DEMO_PASSWORD
        + " / user " + DEMO_USER + ", password " + DEMO_PASSWORD);
    System.out.println("接入 API / Ingest API:   " + ingest.url() + "/api/v1/events");
    tokens.forEach((office, token) -> System.out.println("  外办 " + office + " 的令牌 / token for " + office + ": " + token));
    System.out.println("查询 API / Streams API:  http://" + host + ":" + streamsPort + "/api/v1/vitality   (令牌同上 / the same tokens)");
    System.out.println("Kafka:                   " + platform.bootstrapServers() + "   模式注册表 / schema registry: "
        + platform.registryUrl());
    AtomicReference<AutoCloseable> simulator = new AtomicReference<>(() -> { });
    Thread loader = new Thread(() -> {
      load(config, publisher, started);
      simulator.set(simulation.start(publisher));
    }, "amity-demo-loader");
    loader.setDaemon(true);
    loader.start();
    System.out.println(UntilStopped.HOW_TO_STOP);
    UntilStopped.run(() -> simulator.get().close(), ingest, partners, dashboard, followUps, feed, streams, publisher,
        platform);
    return 0;
  }

  private static void load(Map<String, Object> config, AmityPublisher publisher, long started) {
    try {
      DemoLoader.Loaded loaded = DemoLoader.load(config, publisher, LocalDate.now(Clock.systemUTC()));
      double seconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
      System.out.printf("演示数据：新增 %d 个关系、%d 个事件，已有 %d 个事件（%.1f 秒） / Demo data: %d relationships and %d events "
          + "added, %d events already there (%.1f s)%n", loaded.relationships(), loaded.events(), loaded.eventsSkipped(), seconds,
          loaded.relationships(), loaded.events(), loaded.eventsSkipped(), seconds);
    } catch (RuntimeException e) {
      log.error("Loading the demo data failed", e);
    }
  }
}
