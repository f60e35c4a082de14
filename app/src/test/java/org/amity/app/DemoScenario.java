package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.DashboardServer;
import org.amity.consumers.dashboard.DashboardSettings;
import org.amity.consumers.dashboard.DashboardUsers;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.consumers.notifier.Notifier;
import org.amity.consumers.notifier.NotifierSettings;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.ops.Health;
import org.amity.ops.OpsServer;
import org.amity.ops.Telemetry;
import org.amity.partners.Office;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.demo.DemoData;
import org.amity.producers.demo.DemoLoader;
import org.amity.producers.demo.Profile;
import org.amity.producers.events.EventJson;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.model.Band;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The demo scenario end to end against a given Kafka and schema registry. The Amity services start in this process,
 * as {@code amity demo} starts them, and the demo data loads; then, through HTTP only: the dashboard's JSON API lists
 * every demo partner in its intended band, and an exchange posted to the ingest API for a dormant partner moves it to
 * the band the reference model gives. Loading the demo data again, as a restart does, adds no event.
 */
final class DemoScenario {
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(90);
  private static final String HOST = "127.0.0.1";
  private static final String USER = "officer";
  private static final String PASSWORD = "demo-scenario-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Map<String, Object> config;
  private final Path stateDir;
  private final StreamsSettings settings = StreamsSettings.defaults();
  private final DemoData demo = DemoData.build(LocalDate.now(ZoneOffset.UTC));

  /** @param stateDir where the streams application keeps its state: an empty temporary directory */
  DemoScenario(String bootstrapServers, String registryUrl, Path stateDir) {
    this.config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    this.stateDir = stateDir;
  }

  /** Runs the scenario on a Kafka that holds no Amity data yet, and closes everything it started. */
  void run() throws Exception {
    int queryPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
    DashboardView view = new DashboardView();
    try (AmityStreamsApp streams = AmityStreamsApp.start(settings, config,
             new AmityStreamsApp.Options(HOST, HOST, queryPort, stateDir, 3, (short) 1, officeTokens()));
         DashboardFeed feed = DashboardFeed.start(view, config);
         DashboardServer dashboard = new DashboardServer(new DashboardSettings(HOST, 0, "http://" + HOST + ":" + queryPort,
             tokens()),
             new DashboardUsers(Map.of(USER, PasswordHashes.hash(PASSWORD.toCharArray()))), view).start();
         AmityPublisher publisher = AmityPublisher.start(config);
         PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
         IngestApi ingest = new IngestApi(IngestSettings.defaults(HOST, 0), officeTokens(), publisher, partners,
             Clock.systemUTC()).start();
         Notifier notifier = Notifier.start(NotifierSettings.from(notifierSettings(), Map.of()), config);
         Telemetry notifierTelemetry = Telemetry.of("notifier");
         OpsServer notifierOps = OpsServer.start(HOST, 0, notifierTelemetry, new Health())) {
      feed.bindTo(dashboard.meters());
      notifier.bindTo(notifierTelemetry.registry());
      loadTheDemo(publisher);
      Map<String, String> bands = intendedBands();
      awaitBands(dashboard, bands);
      everyMetricTheGrafanaDashboardQueriesIsExposed(List.of("http://" + HOST + ":" + queryPort, dashboard.url(),
          ingest.url(), "http://" + HOST + ":" + notifierOps.port()));

      String dormant = aDormantPartner();
      List<ObjectNode> visitAndMemorandum = List.of(mayoralVisit(dormant), memorandum(dormant));
      post(ingest, officeOf(dormant), visitAndMemorandum);
      Band woken = referenceBand(dormant, visitAndMemorandum);
      assertThat(woken).as("the reference model's band of " + dormant + " after the visit").isIn(Band.ACTIVE, Band.THRIVING);
      bands.put(dormant, woken.name());
      awaitBands(dashboard, bands);
    }
    loadTheDemoAgain();
  }

  /** A notifier without routes, in a group of its own: it reads the alerts, for its metrics. */
  private static Properties notifierSettings() {
    Properties settings = new Properties();
    settings.setProperty("group-id", "demo-scenario-" + UUID.randomUUID());
    return settings;
  }

  /** Scrapes every role's /metrics and checks that each metric the Grafana dashboard asks for is among them. */
  private static void everyMetricTheGrafanaDashboardQueriesIsExposed(List<String> roles) throws Exception {
    Set<String> exposed = new TreeSet<>();
    for (String role : roles) {
      String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(role + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      exposed.addAll(GrafanaQueries.exposed(metrics));
    }
    Set<String> queried = GrafanaQueries.metricNames();
    assertThat(queried).as("metrics the Grafana dashboard queries").hasSizeGreaterThan(10);
    assertThat(exposed).as("metrics the roles expose").containsAll(queried);
  }

  private void loadTheDemo(AmityPublisher publisher) {
    DemoLoader.Loaded loaded = DemoLoader.load(config, publisher, demo.today());
    assertThat(loaded.relationships()).as("relationships added").isEqualTo(demo.relationships().size());
    assertThat(loaded.events()).as("events added").isEqualTo(demo.events().size());
  }

  /** With a new publisher, as a restart of {@code amity demo} loads it again. */
  private void loadTheDemoAgain() {
    try (AmityPublisher publisher = AmityPublisher.start(config)) {
      DemoLoader.Loaded loaded = DemoLoader.load(config, publisher, demo.today());
      assertThat(loaded.relationships()).as("relationships added again").isZero();
      assertThat(loaded.events()).as("events added again").isZero();
      assertThat(loaded.eventsSkipped()).as("events skipped").isEqualTo(demo.events().size());
    }
  }

  /** Relationship id → the band the demo data means it to show. */
  private Map<String, String> intendedBands() {
    Map<String, String> bands = new TreeMap<>();
    demo.intendedProfiles().forEach((id, profile) -> bands.put(id, profile.name()));
    return bands;
  }

  private String aDormantPartner() {
    return intendedBands().entrySet().stream().filter(e -> e.getValue().equals(Profile.DORMANT.name()))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** Waits until the dashboard lists exactly these relationships with these bands. */
  private void awaitBands(DashboardServer dashboard, Map<String, String> expected) throws Exception {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    Map<String, String> seen = bandsOnTheDashboard(dashboard);
    while (!seen.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      seen = bandsOnTheDashboard(dashboard);
    }
    assertThat(seen).as("relationship → band on the dashboard after up to %s, expected %d partners: %s", WAIT_LIMIT,
        expected.size(), partnersByBand(expected)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  private static Map<String, Long> partnersByBand(Map<String, String> bands) {
    return bands.values().stream().collect(Collectors.groupingBy(band -> band, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, String> bandsOnTheDashboard(DashboardServer dashboard) throws Exception {
    Map<String, String> bands = new TreeMap<>();
    for (JsonNode partner : new DashboardClient(dashboard.url(), USER, PASSWORD).get("/api/v1/partners")
        .path("partners")) {
      bands.put(partner.path("relationshipId").asText(), partner.path("band").asText("not scored"));
    }
    return bands;
  }

  private static ObjectNode mayoralVisit(String relationshipId) {
    return event("DelegationVisited", relationshipId, "mayoral-visit", "ECONOMY_AND_TRADE", "TOURISM")
        .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("leader", "the mayor")
        .put("startDate", LocalDate.now(ZoneOffset.UTC).toString());
  }

  private static ObjectNode memorandum(String relationshipId) {
    return event("AgreementSigned", relationshipId, "memorandum", "EDUCATION_AND_YOUTH", "CULTURE")
        .put("kind", "MEMORANDUM").put("title", "Memorandum on education and culture")
        .put("signedOn", LocalDate.now(ZoneOffset.UTC).toString());
  }

  private static ObjectNode event(String type, String relationshipId, String what, String... domains) {
    ObjectNode event = JSON.createObjectNode().put("type", type).put("eventId", "scenario:" + relationshipId + ":" + what)
        .put("occurredAt", Instant.now().minusSeconds(60).toString()).put("office", officeOf(relationshipId))
        .put("source", "demo-scenario").put("summary", type + " " + what);
    event.putArray("relationshipIds").add(relationshipId);
    List.of(domains).forEach(event.putArray("domains")::add);
    return event;
  }

  /** The band the reference model gives the relationship with the demo's events and these. */
  private Band referenceBand(String relationshipId, List<ObjectNode> posted) {
    List<SpecificRecord> events = new ArrayList<>(demo.events());
    posted.forEach(json -> events.add(EventJson.read(json, "", Instant.now())));
    return ReferenceHistory.of(events, Instant.now(), Map.of(), settings.model())
        .get(relationshipId).vitality().band();
  }

  private static void post(IngestApi ingest, String office, List<ObjectNode> events) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    events.forEach(body.putArray("events")::add);
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/v1/events"))
        .header("Authorization", "Bearer " + tokenOf(office)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
  }

  private OfficeTokens officeTokens() {
    Map<String, String> hashes = new TreeMap<>();
    tokens().forEach((office, token) -> hashes.put(office, OfficeTokens.hash(token)));
    return new OfficeTokens(hashes);
  }

  /** Each office's API token, for the ingest and query APIs alike. */
  private Map<String, String> tokens() {
    Map<String, String> tokens = new TreeMap<>();
    demo.offices().stream().map(Office::getOfficeId).forEach(office -> tokens.put(office, tokenOf(office)));
    return tokens;
  }

  private static String tokenOf(String office) {
    return "demo-scenario-token-" + office;
  }

  private static String officeOf(String relationshipId) {
    return relationshipId.substring(0, relationshipId.indexOf('/'));
  }
}
