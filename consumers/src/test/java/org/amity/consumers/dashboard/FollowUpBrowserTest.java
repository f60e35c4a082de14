package org.amity.consumers.dashboard;

import static org.amity.consumers.dashboard.DashboardBrowserTest.clientConfig;
import static org.amity.consumers.dashboard.DashboardBrowserTest.event;
import static org.amity.consumers.dashboard.DashboardBrowserTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amity.access.OfficeTokens;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.view.DashboardView;
import org.amity.partners.RelationshipKind;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.settings.StreamsSettings;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * From alert to action in a real headless Chromium, on the embedded platform with the ingest API, the streams
 * application and the dashboard: Jinan's Sacramento goes dormant as time passes; an officer acknowledges the alert and plans an
 * inbound visit, and sees what the visit would make of the score; the visit is recorded through the ingest API, the
 * plan closes itself and the band changes. A viewer can take no step (403), an officer of another office finds no
 * alert (404). Screenshots go to target/screenshots/.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class FollowUpBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "s3cret-外办";
  private static final String TOKEN = "test-token-jinan-follow-up-0123456";
  private static final String SACRAMENTO = "jinan/us-sacramento";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private final DashboardView view = new DashboardView();

  @TempDir
  Path stateDirs;

  @Test
  void anOfficerAcknowledgesPlansAVisitSeesItsWhatIfAndTheRecordedVisitClosesThePlan() throws Exception {
    Optional<Path> chromedriver = HeadlessChrome.chromedriver();
    Assumptions.assumeTrue(chromedriver.isPresent(), HeadlessChrome.MISSING);
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> config = clientConfig();
    String hash = PasswordHashes.hash(PASSWORD.toCharArray());
    DashboardUsers users = DashboardUsers.fromEntries(Map.of(
        "zhang.wei", hash, "zhang.wei.office", "jinan", "zhang.wei.role", "officer",
        "wang.fang", hash, "wang.fang.office", "jinan",
        "li.na", hash, "li.na.office", "shanghai", "li.na.role", "officer"));

    try (AmityPublisher publisher = AmityPublisher.start(config);
         PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
         IngestApi ingest = new IngestApi(IngestSettings.defaults("127.0.0.1", 0),
             new OfficeTokens(Map.of("jinan", OfficeTokens.hash(TOKEN))), publisher, partners,
             Clock.systemUTC()).start()) {
      partners.put(Fixtures.office("jinan", "Jinan Municipal Foreign Affairs Office", "济南市人民政府外事办公室", null));
      partners.put(Fixtures.relationship(SACRAMENTO, "Sacramento", "萨克拉门托", "US", "North America",
          RelationshipKind.SISTER_CITY, LocalDate.of(1985, 3, 14)));
      // a busy week, a year ago less 20 seconds: Sacramento is COOLING, and once quiet for a year the review finds it
      // DORMANT, and says so
      Instant lastWeek = Instant.now().minus(Duration.ofDays(365)).plusSeconds(20);
      String day = LocalDate.ofInstant(lastWeek, ZoneOffset.UTC).toString();
      post(ingest, TOKEN, List.of(
          at(event("DelegationVisited", "sacramento-mayor-in", SACRAMENTO, 0, "GOVERNANCE", "CULTURE")
              .put("direction", "INBOUND").put("level", "HEAD_OF_GOVERNMENT").put("startDate", day), lastWeek),
          at(event("DelegationVisited", "sacramento-delegation-out", SACRAMENTO, 0, "ECONOMY_AND_TRADE",
              "EDUCATION_AND_YOUTH").put("direction", "OUTBOUND").put("level", "SENIOR_OFFICIAL")
              .put("startDate", day), lastWeek),
          at(event("AgreementSigned", "sacramento-medical-memorandum", SACRAMENTO, 0, "HEALTH", "SCIENCE_AND_TECHNOLOGY")
              .put("kind", "MEMORANDUM").put("title", "Stem-cell research memorandum").put("signedOn", day), lastWeek)));

      Map<String, Object> streamsConfig = new HashMap<>(config);
      streamsConfig.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
      try (AmityStreamsApp streams = AmityStreamsApp.start(
               StreamsSettings.defaults().withApplicationId("amity-follow-up-browser-" + System.nanoTime())
                   .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(2)),
               streamsConfig, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", EmbeddedKafka.freeLoopbackPorts(1)[0],
                   Files.createDirectory(stateDirs.resolve("follow-up-streams")), 3, (short) 1,
                   new OfficeTokens(Map.of("jinan", OfficeTokens.hash(TOKEN)))));
           DashboardFeed feed = DashboardFeed.start(view, config);
           FollowUpWriter writer = FollowUpWriter.start(config);
           DashboardServer dashboard = new DashboardServer(new DashboardSettings("127.0.0.1", 0), users, view, writer)
               .start()) {
        streams.awaitRunning(Duration.ofSeconds(60));
        WebDriver browser = HeadlessChrome.start(chromedriver.get());
        try {
          followUp(browser, dashboard.url(), ingest);
          assertThat(HeadlessChrome.failures(browser)).as("but the 400 of the plan sent without its day, on purpose")
              .filteredOn(failure -> !failure.contains("/api/v1/follow-ups - Failed to load resource: the server "
                  + "responded with a status of 400")).isEmpty();
        } finally {
          browser.quit();
        }
        String alertId = view.alerts().stream().filter(a -> a.getRelationshipId().equals(SACRAMENTO)
            && a.getKind().name().equals("WENT_DORMANT")).findFirst()
            .orElseThrow().getAlertId();
        for (String action : List.of("acknowledge", "assign", "plan", "decide", "close")) {
          String body = "{\"alertId\": \"" + alertId + "\", \"action\": \"" + action + "\"}";
          assertThat(postStep(dashboard, "wang.fang", body).statusCode()).as("viewer, " + action).isEqualTo(403);
          assertThat(postStep(dashboard, "li.na", body).statusCode()).as("Shanghai's officer, " + action)
              .isEqualTo(404);
        }
      }
    }
  }

  private void followUp(WebDriver browser, String url, IngestApi ingest) throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    String mailLink = url + "/partners/jinan/us-sacramento#alert=from-a-mail";
    browser.get(mailLink);
    wait.until(b -> b.getCurrentUrl().contains("/login"));
    browser.findElement(By.id("username")).sendKeys("zhang.wei");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(b -> !b.getCurrentUrl().contains("/login"));
    assertThat(browser.getCurrentUrl()).as("a mail's link followed before signing in").isEqualTo(mailLink);
    ((JavascriptExecutor) browser).executeScript("localStorage.setItem('amity.lang', 'zh')");
    browser.get(url + "/partners/jinan/us-sacramento");

    By dormantAlert = By.cssSelector("#partner-alerts li[data-alert*='|WENT_DORMANT|']");
    wait.until(b -> !b.findElements(dormantAlert).isEmpty());
    assertThat(read(wait, b -> b.findElement(By.cssSelector("#partner .band")).getAttribute("data-band")))
        .isEqualTo("DORMANT");
    screenshot(browser, "10-follow-up-alert-zh");

    click(wait, dormantAlert, "button[data-action='acknowledge']");
    wait.until(b -> b.findElement(dormantAlert).findElements(By.cssSelector(".follow-up[data-status='ACKNOWLEDGED']"))
        .size() == 1);
    assertThat(read(wait, b -> b.findElement(dormantAlert).getText())).contains("跟进", "已知悉");

    // a live update still waiting for its data when the officer opens the form must not sweep the form away
    JavascriptExecutor page = (JavascriptExecutor) browser;
    page.executeScript("window.realFetch = window.fetch;"
        + "window.fetch = (...a) => new Promise((r) => setTimeout(r, 1500)).then(() => window.realFetch(...a));"
        + "renderLive('slow').then(() => { window.slowLiveDone = true; });");
    click(wait, dormantAlert, "button[data-action='plan']");
    WebElement form = wait.until(b -> b.findElement(By.cssSelector("form.follow-up-form[data-action='plan']")));
    wait.until(b -> Boolean.TRUE.equals(page.executeScript("return window.slowLiveDone === true")));
    page.executeScript("window.fetch = window.realFetch");
    assertThat(form.isDisplayed()).as("the form after a live update came in").isTrue();
    new Select(form.findElement(By.name("eventType"))).selectByValue("DelegationVisited");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    assertThat(read(wait, b -> b.findElement(By.cssSelector("form.follow-up-form .error")).getText()))
        .as("a problem named as the form names its field").contains("计划日期").doesNotContain("plannedOn");
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
        form.findElement(By.name("plannedOn")), TODAY.toString());
    new Select(form.findElement(By.name("variant"))).selectByValue("SENIOR_OFFICIAL");
    new Select(form.findElement(By.name("direction"))).selectByValue("INBOUND");
    new Select(form.findElement(By.name("domains"))).selectByValue("GOVERNANCE");
    form.findElement(By.name("ledBy")).sendKeys("副市长 李明");
    screenshot(browser, "11-follow-up-plan-form-zh");
    form.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement whatIf = wait.until(b -> b.findElement(dormantAlert).findElement(By.cssSelector(
        ".follow-up[data-status='PLANNED'] .what-if")));
    int whatIfScore = Integer.parseInt(whatIf.getAttribute("data-score"));
    String whatIfBand = whatIf.getAttribute("data-band");
    assertThat(whatIfBand).isIn("ACTIVE", "COOLING", "THRIVING");
    assertThat(whatIf.getText()).startsWith("如按计划进行：活力值 " + whatIfScore);
    assertThat(read(wait, b -> b.findElement(By.cssSelector("#partner .band")).getAttribute("data-band")))
        .as("a plan is not history").isEqualTo("DORMANT");
    screenshot(browser, "12-follow-up-planned-zh");

    click(wait, dormantAlert, "button[data-action='close']");
    WebElement closing = wait.until(b -> b.findElement(By.cssSelector("form.follow-up-form[data-action='close']")));
    assertThat(closing.findElements(By.cssSelector("select[name='exchangeEventId'] option")).stream()
        .map(option -> option.getAttribute("value")).toList())
        .as("closing offers the partner's recorded exchanges").contains("", "sacramento-mayor-in");
    closing.findElement(By.cssSelector("button.cancel")).click();

    ObjectNode visit = event("DelegationVisited", "sacramento-visit-as-planned", SACRAMENTO, 0, "GOVERNANCE")
        .put("direction", "INBOUND").put("level", "SENIOR_OFFICIAL").put("startDate", TODAY.toString());
    post(ingest, TOKEN, List.of(visit));

    wait.until(b -> b.findElement(dormantAlert).findElements(By.cssSelector(".follow-up[data-status='CLOSED']"))
        .size() == 1);
    assertThat(read(wait, b -> b.findElement(dormantAlert).getText())).contains("sacramento-visit-as-planned");
    wait.until(b -> b.findElement(By.cssSelector("#partner .band")).getAttribute("data-band").equals(whatIfBand));
    assertThat(Integer.parseInt(read(wait, b -> b.findElement(By.id("score")).getText()))).isBetween(whatIfScore - 2,
        whatIfScore + 2);
    wait.until(b -> b.findElement(dormantAlert).findElements(By.cssSelector("button.act")).isEmpty());
    screenshot(browser, "13-follow-up-closed-zh");
  }

  private static ObjectNode at(ObjectNode event, Instant occurredAt) {
    return event.put("occurredAt", occurredAt.toString());
  }

  /** What the page shows, read again should a live update replace the element while it is read. */
  private static String read(WebDriverWait wait, java.util.function.Function<WebDriver, String> what) {
    return wait.until(what);
  }

  private static void click(WebDriverWait wait, By item, String button) {
    wait.until(b -> {
      b.findElement(item).findElement(By.cssSelector(button)).click();
      return true;
    });
  }

  private static HttpResponse<String> postStep(DashboardServer dashboard, String user, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.url() + FollowUpApi.PATH))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    HeadlessChrome.screenshot(browser, SCREENSHOTS, name);
  }
}
