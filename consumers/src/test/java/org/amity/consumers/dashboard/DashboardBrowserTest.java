package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.amity.access.OfficeTokens;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole path in a real headless Chromium: the embedded platform, the producers' ingest API, the streams
 * application and the dashboard. Signs in, sees the partners with their bands, switches to Chinese, opens a partner
 * and sees its chart and the four components, explained with the model's settings in force (a half-life of 200 days,
 * not the default 180); then an event posted to the ingest API changes the open page (score,
 * top exchanges, timeline) without a reload. Live updates leave a filter or a report period being typed alone.
 * Screenshots go to target/screenshots/.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class DashboardBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PASSWORD = "s3cret-外办";
  private static final String TOKEN = "test-token-shanghai-0123456789";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  /** Configured otherwise than the defaults, so that the page shows the settings in force, not the defaults. */
  private static final ModelSettings MODEL = ModelSettings.defaults().toBuilder().halfLifeDays(200).build();

  @TempDir
  Path stateDirs;

  @Test
  void aSignedInOfficerSeesPartnersOpensOneAndSeesANewExchangeArriveLive() throws Exception {
    Optional<Path> chromedriver = HeadlessChrome.chromedriver();
    Assumptions.assumeTrue(chromedriver.isPresent(), HeadlessChrome.MISSING);
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> config = clientConfig();

    try (AmityPublisher publisher = AmityPublisher.start(config);
         PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
         IngestApi ingest = new IngestApi(IngestSettings.defaults("127.0.0.1", 0),
             new OfficeTokens(Map.of("shanghai", OfficeTokens.hash(TOKEN), "shanghai-changning",
                 OfficeTokens.hash(TOKEN + "-changning"))), publisher, partners, Clock.systemUTC()).start()) {
      loadPartners(partners);
      post(ingest, TOKEN, history());
      post(ingest, TOKEN + "-changning", List.of(event("ExchangeProgramme", "hirakata-painting-" + TODAY.getYear(),
          "shanghai-changning/jp-hirakata", 60, "CULTURE", "EDUCATION_AND_YOUTH")
          .put("kind", "YOUTH").put("title", "Children's painting and calligraphy exchange")
          .put("startDate", TODAY.minusDays(60).toString())));

      int queryPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
      Map<String, Object> streamsConfig = new HashMap<>(config);
      streamsConfig.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
      try (AmityStreamsApp streams = AmityStreamsApp.start(
               StreamsSettings.defaults().withApplicationId("amity-dashboard-browser-" + System.nanoTime())
                   .withIntervals(Duration.ofMillis(200), Duration.ofHours(1)).withModel(MODEL),
               streamsConfig, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", queryPort,
                   Files.createDirectory(stateDirs.resolve("dashboard-streams")), 3, (short) 1,
                   new OfficeTokens(Map.of("shanghai", OfficeTokens.hash(TOKEN)))));
           DashboardFeed feed = DashboardFeed.start(view, config);
           DashboardServer dashboard = new DashboardServer(new DashboardSettings("127.0.0.1", 0,
               "http://127.0.0.1:" + queryPort, Map.of("shanghai", TOKEN)), new DashboardUsers(Map.of("li.wei",
               PasswordHashes.hash(PASSWORD.toCharArray())), Map.of("li.wei", "shanghai")), view).start()) {
        streams.awaitRunning(Duration.ofSeconds(60));
        WebDriver browser = HeadlessChrome.start(chromedriver.get());
        try {
          browse(browser, dashboard.url(), ingest);
          assertThat(modelVersionOfRotterdam(queryPort)).isEqualTo(MODEL.version())
              .isNotEqualTo(ModelSettings.defaults().version());
        } finally {
          browser.quit();
        }
      }
    }
  }

  private final DashboardView view = new DashboardView();

  /** The element's text, read again should a live update replace the element while it is read. */
  private static String text(WebDriverWait wait, String id) {
    return wait.until(b -> b.findElement(By.id(id)).getText());
  }

  private void browse(WebDriver browser, String url, IngestApi ingest) throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45), Duration.ofMillis(100));
    // live updates redraw parts of the page at any moment: an element read as it is replaced is simply read again
    wait.ignoring(StaleElementReferenceException.class);

    browser.get(url + "/partners");
    wait.until(b -> b.getCurrentUrl().contains("/login"));
    browser.findElement(By.id("username")).sendKeys("li.wei");
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.id("sign-in")).click();
    wait.until(b -> b.findElement(By.id("failed")).isDisplayed());
    screenshot(browser, "00-login-failed");
    browser.findElement(By.id("username")).sendKeys("li.wei");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/partners"));

    // the table: every partner with its band, once the streams application has scored them (live, no reload)
    wait.until(b -> b.findElements(By.cssSelector("#partners tbody tr[data-id] .band[data-band]:not([data-band=''])"))
        .size() == 4);
    wait.until(b -> band(b, "shanghai/nl-rotterdam").equals("THRIVING"));
    String barcelona = wait.until(b -> band(b, "shanghai/es-barcelona-port"));
    assertThat(barcelona).isEqualTo("DORMANT");
    String rotterdam = wait.until(b -> b.findElement(
        By.cssSelector("#partners tbody tr[data-id='shanghai/nl-rotterdam']")).getText());
    assertThat(rotterdam).contains("Rotterdam", "鹿特丹", "NL", "Europe");
    screenshot(browser, "01-partners");

    // filters: by band, then all again; sorting by name
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-band"))).selectByValue("DORMANT");
    wait.until(b -> rows(b).size() >= 1 && rows(b).stream().allMatch(r -> r.getAttribute("data-id").contains("barcelona")
        || r.getText().contains("Dormant")));
    assertThat(browser.getCurrentUrl()).contains("band=DORMANT");
    String csv = wait.until(b -> b.findElement(By.id("csv")).getAttribute("href"));
    assertThat(csv).contains("band=DORMANT");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-band"))).selectByValue("");
    wait.until(b -> rows(b).size() == 4);

    // a live update refills the table and leaves the filters in use alone: a search being typed is not swept away
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("document.getElementById('f-band').dataset.kept = 'yes'");
    browser.findElement(By.id("f-q")).sendKeys("Hira");
    post(ingest, TOKEN + "-changning", List.of(event("VideoMeeting", "hirakata-video-live",
        "shanghai-changning/jp-hirakata", 0, "CULTURE").put("level", "DEPARTMENT")));
    wait.until(b -> b.findElement(By.cssSelector("#partners tr[data-id='shanghai-changning/jp-hirakata'] td:nth-child(9)"))
        .getText().equals("0 days"));
    assertThat(script.executeScript("return document.getElementById('f-band').dataset.kept")).isEqualTo("yes");
    assertThat(browser.findElement(By.id("f-q")).getAttribute("value")).isEqualTo("Hira");
    script.executeScript("document.getElementById('f-q').value = ''");

    // Chinese labels and names
    browser.findElement(By.id("lang")).click();
    wait.until(b -> b.findElement(By.id("nav-partners")).getText().equals("友城伙伴"));
    assertThat(text(wait, "partners")).contains("鹿特丹", "活力值", "活跃兴旺", "欧洲");
    screenshot(browser, "02-partners-zh");
    browser.findElement(By.id("lang")).click();
    wait.until(b -> b.findElement(By.id("nav-partners")).getText().equals("Partners"));

    // the overview: bands per office, ranking, alerts
    browser.get(url + "/");
    wait.until(b -> b.findElements(By.cssSelector("#by-office tr[data-office='shanghai']")).size() == 1);
    wait.until(b -> !b.findElements(By.cssSelector("#ranking tbody tr")).isEmpty()
        && !b.findElements(By.cssSelector("#alerts li[data-alert]")).isEmpty());
    screenshot(browser, "03-overview");

    // the office page: the events behind the newest year with figures (the mayor's visit of 12), each on its day in
    // the office's time zone; a report period being typed survives a live update, text and focus
    browser.get(url + "/offices/shanghai");
    String day = wait.until(b -> b.findElement(By.cssSelector(
        "#office-yield-events tr[data-event='rotterdam-mayor-visit'] td:first-child")).getText());
    assertThat(day).isIn(shanghaiDay(Instant.now().minus(Duration.ofDays(200)).minus(Duration.ofMinutes(5))),
        shanghaiDay(Instant.now().minus(Duration.ofDays(200))));
    WebElement period = browser.findElement(By.id("report-period"));
    period.clear();
    period.sendKeys("2025-Q3");
    Object version = script.executeScript("return document.querySelector('main').dataset.version");
    post(ingest, TOKEN + "-changning", List.of(event("VideoMeeting", "hirakata-video-live-2",
        "shanghai-changning/jp-hirakata", 0, "CULTURE").put("level", "DEPARTMENT")));
    wait.until(b -> !Objects.equals(version,
        script.executeScript("return document.querySelector('main').dataset.version")));
    assertThat(browser.findElement(By.id("report-period")).getAttribute("value")).isEqualTo("2025-Q3");
    assertThat(script.executeScript("return document.activeElement.id")).isEqualTo("report-period");

    // a partner page: score, chart (history from the streams application), the four components, the forecast
    browser.get(url + "/partners?sort=name&order=asc");
    wait.until(b -> rows(b).size() == 4);
    wait.until(b -> {
      b.findElement(By.cssSelector("#partners tr[data-id='shanghai/ie-cork'] a.partner-link")).click();
      return true;
    });
    wait.until(b -> b.getCurrentUrl().endsWith("/partners/shanghai/ie-cork"));
    wait.until(b -> b.findElements(By.cssSelector("#components .component")).size() == 4);
    String chartPoints = wait.until(b -> b.findElement(By.id("history-chart")).getAttribute("data-points"));
    assertThat(Integer.parseInt(chartPoints)).isGreaterThan(10);
    assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
        "return !!Chart.getChart(document.getElementById('history-chart'))")).isTrue();
    assertThat(text(wait, "why")).contains("Momentum", "Breadth", "Reciprocity", "Substance");
    wait.until(b -> b.findElement(By.id("c-momentum")).getText().contains("halving every 200 days"));
    assertThat(text(wait, "c-breadth")).contains("fields touched in 365 days (4 = full)");
    assertThat(text(wait, "forecast")).startsWith("Forecast");
    String scoreBefore = text(wait, "score");
    String exchangesBefore = text(wait, "exchanges");
    assertThat(exchangesBefore).isEqualTo("1");
    screenshot(browser, "04-partner-cork");

    // live: a mayoral visit and a memorandum posted to the ingest API change the open page, without a reload
    ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes'");
    post(ingest, TOKEN, List.of(
        event("DelegationVisited", "cork-mayor-visit-live", "shanghai/ie-cork", 0, "ECONOMY_AND_TRADE", "TOURISM")
            .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("leader", "Lord Mayor of Cork")
            .put("startDate", TODAY.toString()),
        event("AgreementSigned", "cork-memorandum-live", "shanghai/ie-cork", 0, "EDUCATION_AND_YOUTH", "HEALTH")
            .put("kind", "MEMORANDUM").put("title", "Memorandum on education and health")
            .put("signedOn", TODAY.toString())));
    wait.until(b -> b.findElement(By.id("exchanges")).getText().equals("3"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument")).isEqualTo("yes");
    assertThat(text(wait, "score")).isNotEqualTo(scoreBefore);
    assertThat(text(wait, "top")).contains("cork-mayor-visit-live");
    wait.until(b -> b.findElement(By.id("timeline")).getText().contains("DelegationVisited cork-mayor-visit-live"));
    String visitDay = wait.until(b -> b.findElement(By.cssSelector("#timeline li[data-event='cork-mayor-visit-live'] .when"))
        .getText());
    assertThat(visitDay).as("the day in Cork's office's time zone, Shanghai")
        .isIn(shanghaiDay(Instant.now().minus(Duration.ofMinutes(5))), shanghaiDay(Instant.now()));
    assertThat(text(wait, "timeline")).contains("Delegation visit", "Inbound · Head of government",
        "AgreementSigned cork-memorandum-live", "VideoMeeting cork-video-meeting");
    screenshot(browser, "05-partner-cork-live");

    // the upcoming 45th anniversary of Rotterdam, from the streams application's alert, in Chinese
    browser.findElement(By.id("lang")).click();
    browser.get(url + "/partners/shanghai/nl-rotterdam");
    wait.until(b -> b.findElement(By.id("upcoming")).getText().contains("结好 45 周年"));
    assertThat(text(wait, "partner")).contains("鹿特丹", "活跃兴旺");
    assertThat(text(wait, "c-momentum")).contains("近期交流，每200天减半");
    wait.until(b -> b.findElement(By.id("yield")).getText().contains("代表团成员 12"));
    assertThat(text(wait, "yield")).contains("交流成果", "参与人数");
    screenshot(browser, "06-partner-rotterdam-zh");

    // no page failed along the way: a script error or a failed request shows in the browser's log
    assertThat(HeadlessChrome.failures(browser)).isEmpty();
  }

  /** The model version the streams application's query API gives for Rotterdam's vitality. */
  private static String modelVersionOfRotterdam(int queryPort) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryPort
        + "/api/v1/vitality/shanghai/nl-rotterdam")).header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("modelVersion").asText();
  }

  /** The day of a moment in Shanghai, as the page writes it in English. */
  private static String shanghaiDay(Instant moment) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(moment.atZone(ZoneId.of("Asia/Shanghai")));
  }

  private static List<WebElement> rows(WebDriver browser) {
    return browser.findElements(By.cssSelector("#partners tbody tr[data-id]"));
  }

  private static String band(WebDriver browser, String id) {
    List<WebElement> found = browser.findElements(By.cssSelector("#partners tr[data-id='" + id + "'] .band"));
    return found.isEmpty() ? "" : found.get(0).getAttribute("data-band");
  }

  private static void loadPartners(PartnerRegistry partners) {
    partners.put(Fixtures.office("shanghai", "Shanghai Municipal Foreign Affairs Office", "上海市人民政府外事办公室", null));
    partners.put(Fixtures.office("shanghai-changning", "Changning District Foreign Affairs Office", "长宁区外办",
        "shanghai"));
    List<Relationship> relationships = List.of(
        Fixtures.relationship("shanghai/nl-rotterdam", "Rotterdam", "鹿特丹", "NL", "Europe",
            RelationshipKind.SISTER_CITY, TODAY.minusYears(45).plusDays(30)),
        Fixtures.relationship("shanghai/ie-cork", "Cork", "科克", "IE", "Europe", RelationshipKind.SISTER_CITY,
            LocalDate.of(2005, 3, 1)),
        Fixtures.relationship("shanghai/es-barcelona-port", "Port of Barcelona", "巴塞罗那港", "ES", "Europe",
            RelationshipKind.PORT_PARTNERSHIP, LocalDate.of(2010, 6, 1)),
        Fixtures.relationship("shanghai-changning/jp-hirakata", "Hirakata", "枚方市", "JP", "Asia",
            RelationshipKind.SISTER_CITY, LocalDate.of(1987, 5, 1)));
    relationships.forEach(partners::put);
  }

  private static List<ObjectNode> history() {
    String rotterdam = "shanghai/nl-rotterdam";
    return List.of(
        event("DelegationVisited", "rotterdam-mayor-visit", rotterdam, 200, "URBAN_DEVELOPMENT", "PORTS_AND_LOGISTICS")
            .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("headcount", 12)
            .put("startDate", TODAY.minusDays(200).toString()),
        event("AgreementSigned", "rotterdam-port-memorandum", rotterdam, 100, "PORTS_AND_LOGISTICS")
            .put("kind", "RENEWAL").put("title", "Port management memorandum renewed")
            .put("signedOn", TODAY.minusDays(100).toString()),
        event("DelegationVisited", "rotterdam-outbound-visit", rotterdam, 20, "ECONOMY_AND_TRADE")
            .put("direction", "OUTBOUND").put("level", "SENIOR_OFFICIAL").put("startDate", TODAY.minusDays(20).toString()),
        event("ExhibitionHeld", "rotterdam-urban-planning-exhibition", rotterdam, 10, "CULTURE", "URBAN_DEVELOPMENT")
            .put("title", "Urban planning exhibition").put("venue", "HOME").put("startDate", TODAY.minusDays(10).toString()),
        event("ProjectMilestone", "rotterdam-green-corridor", rotterdam, 5, "ENVIRONMENT")
            .put("projectId", "green-corridor").put("projectName", "Green shipping corridor").put("milestone", "LAUNCHED")
            .put("reachedOn", TODAY.minusDays(5).toString()),
        event("VideoMeeting", "cork-video-meeting", "shanghai/ie-cork", 250, "EDUCATION_AND_YOUTH")
            .put("level", "DEPARTMENT"));
  }

  static ObjectNode event(String type, String eventId, String relationshipId, int daysAgo, String... domains) {
    ObjectNode event = JSON.createObjectNode().put("type", type).put("eventId", eventId)
        .put("occurredAt", Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60).toString())
        .put("source", "browser-test").put("summary", type + " " + eventId);
    event.putArray("relationshipIds").add(relationshipId);
    ArrayNode array = event.putArray("domains");
    for (String domain : domains) {
      array.add(domain);
    }
    return event;
  }

  static void post(IngestApi ingest, String token, List<ObjectNode> events) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    events.forEach(body.putArray("events")::add);
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/v1/events"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    HeadlessChrome.screenshot(browser, SCREENSHOTS, name);
  }

  static Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedPlatformExtension.platform().registryUrl());
    return config;
  }
}
