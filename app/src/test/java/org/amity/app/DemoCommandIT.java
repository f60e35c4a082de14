package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amity.consumers.dashboard.HeadlessChrome;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code amity demo}, the README's first command, as a user runs it: the packaged jar in its own process brings the
 * dashboard up with the 47 demo partners in their intended bands (also seen signed in, in headless Chromium, with the
 * network map), writes Shanghai's 2024 report as the topics say ({@link DemoReportCheck}), stops
 * on a signal within 10 s, and a second start on the same data adds no event twice; with {@code --simulate} new
 * exchanges keep arriving.
 */
class DemoCommandIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(90);
  /** The processes' output, kept after the test. */
  private static final Path OUTPUT = Path.of("target", "demo-command-it").toAbsolutePath();

  @Test
  void showsTheDemoPartnersStopsWithinTenSecondsAndAddsNothingOnASecondStart(@TempDir Path dataDir, @TempDir Path reports)
      throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(6);
    try (AmityProcess first = start(dataDir, ports, "first")) {
      awaitDemoPartners(first, ports[5]);
      first.awaitOutput("演示数据：新增 47 个关系", START_LIMIT);
      assertThat(first.output()).contains("看板 / Dashboard:", "按 Ctrl-C 停止 / Press Ctrl-C to stop.");
      seeTheDemoPartnersInABrowser(ports[5]);
      new DemoReportCheck(ports, first.output(), reports).check();
    }
    try (AmityProcess second = start(dataDir, ports, "second", "--simulate", "--simulate-interval", "PT0.2S")) {
      awaitDemoPartners(second, ports[5]);
      second.awaitOutput("events already there", START_LIMIT);
      assertThat(second.output()).contains("0 relationships and 0 events added");
      awaitASimulatedExchangeOnAPartnersTimeline(ports[5]);
    }
  }

  private static void awaitASimulatedExchangeOnAPartnersTimeline(int dashboardPort) throws Exception {
    DashboardClient viewer = dashboard(dashboardPort);
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode partner : viewer.get("/api/v1/partners").path("partners")) {
        for (JsonNode exchange : viewer.get("/api/v1/partners/" + partner.path("relationshipId").asText())
            .path("exchanges")) {
          if (exchange.path("eventId").asText().startsWith("demo:simulated:")) {
            return;
          }
        }
      }
    }
    throw new AssertionError("no simulated exchange on any partner's timeline within " + START_LIMIT);
  }

  /**
   * Signs in with the printed demo login in headless Chromium that can reach nothing but the loopback, sees the 47
   * partners, each with its band, in the partner table, then the network map in English and in Chinese (skipped,
   * saying why, without chromedriver). Screenshots: app/target/screenshots/demo-partners.png, map-en.png, map-zh.png.
   */
  private static void seeTheDemoPartnersInABrowser(int dashboardPort) throws Exception {
    Optional<Path> chromedriver = HeadlessChrome.chromedriver();
    if (chromedriver.isEmpty()) {
      System.out.println(HeadlessChrome.MISSING);
      return;
    }
    WebDriver browser = HeadlessChrome.startOffline(chromedriver.get());
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get("http://127.0.0.1:" + dashboardPort + "/partners");
      wait.until(b -> b.getCurrentUrl().contains("/login"));
      browser.findElement(By.id("username")).sendKeys(DemoCommand.DEMO_USER);
      browser.findElement(By.id("password")).sendKeys(DemoCommand.DEMO_PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(b -> b.findElements(By.cssSelector("#partners tbody tr[data-id] .band[data-band]:not([data-band=''])"))
          .size() == 47);
      String table = wait.until(b -> b.findElement(By.id("partners")).getText());
      assertThat(table).contains("Rotterdam", "Thriving", "Active", "Cooling", "Dormant");
      HeadlessChrome.screenshot(browser, Path.of("target", "screenshots"), "demo-partners");
      seeTheNetworkMapInBothLanguages(browser, wait, dashboardPort);
    } finally {
      browser.quit();
    }
  }

  /**
   * The map of the demo's partners held against the G20: a dot per partner in its band's colour, as many of each band
   * as the map's answer counts, the gaps it names; everything the page loaded came from the dashboard itself.
   */
  private static void seeTheNetworkMapInBothLanguages(WebDriver browser, WebDriverWait wait, int dashboardPort)
      throws Exception {
    JsonNode map = dashboard(dashboardPort).get("/api/v1/map?list=g20");
    assertThat(map.path("counts").path("partners").asInt()).isEqualTo(47);
    browser.manage().window().setSize(new Dimension(1400, 1500));
    browser.get("http://127.0.0.1:" + dashboardPort + "/map?list=g20");
    wait.until(b -> b.findElements(By.cssSelector("#world circle.dot[data-id]")).size() == 47);
    // a live update may redraw the dots while they are read: read them again
    Map<String, Long> dotsByBand = wait.ignoring(StaleElementReferenceException.class).until(b -> b.findElements(
            By.cssSelector("#world circle.dot[data-id]")).stream()
        .collect(Collectors.groupingBy(dot -> dot.getAttribute("data-band"), TreeMap::new, Collectors.counting())));
    Map<String, Long> bandsByContinent = new TreeMap<>();
    map.path("continents").forEach(c -> c.path("bands").fields()
        .forEachRemaining(band -> bandsByContinent.merge(band.getKey(), band.getValue().asLong(), Long::sum)));
    assertThat(dotsByBand).isEqualTo(bandsByContinent);
    assertThat(browser.findElements(By.cssSelector("#world path.country")).size()).isGreaterThan(150);
    assertThat(browser.findElements(By.cssSelector("#gaps .gap-item")).size()).isEqualTo(map.path("gaps").size())
        .isPositive();
    assertThat(text(wait, "gaps")).contains("G20", "Brazil");
    HeadlessChrome.screenshot(browser, Path.of("target", "screenshots"), "map-en");

    browser.findElement(By.id("lang")).click();
    wait.until(b -> b.findElement(By.id("map-card")).getText().contains("友城网络一览"));
    assertThat(text(wait, "by-continent")).contains("欧洲", "亚洲");
    assertThat(text(wait, "gaps")).contains("二十国集团", "巴西");
    assertThat(text(wait, "map-card")).contains("示意图", "非标准地图");
    HeadlessChrome.screenshot(browser, Path.of("target", "screenshots"), "map-zh");

    String origin = "http://127.0.0.1:" + dashboardPort + "/";
    List<?> loaded = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url.toString()).startsWith(origin));
    assertThat(HeadlessChrome.failures(browser)).isEmpty();
  }

  private static String text(WebDriverWait wait, String id) {
    return wait.until(b -> b.findElement(By.id(id)).getText());
  }

  private static AmityProcess start(Path dataDir, int[] ports, String name, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("demo", "--data-dir", dataDir.toString(), "--kafka-port", "" + ports[0],
        "--controller-port", "" + ports[1], "--registry-port", "" + ports[2], "--ingest-port", "" + ports[3],
        "--streams-port", "" + ports[4], "--dashboard-port", "" + ports[5]));
    args.addAll(List.of(more));
    return AmityProcess.start(Files.createDirectories(OUTPUT).resolve(name + ".log"), Map.of(),
        args.toArray(String[]::new));
  }

  private static DashboardClient dashboard(int port) {
    return new DashboardClient("http://127.0.0.1:" + port, DemoCommand.DEMO_USER, DemoCommand.DEMO_PASSWORD);
  }

  /** Prints how long it took: the README promises under 30 s, a figure this test reports rather than enforces. */
  private static void awaitDemoPartners(AmityProcess process, int dashboardPort) throws Exception {
    long started = System.nanoTime();
    dashboard(dashboardPort).awaitDemoPartners(START_LIMIT);
    assertThat(process.isAlive()).as("amity demo is running").isTrue();
    System.out.printf("amity demo: the dashboard showed the 47 demo partners %.1f s after the start%n",
        (System.nanoTime() - started) / 1e9);
  }
}
