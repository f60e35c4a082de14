package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.amity.consumers.dashboard.HeadlessChrome;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amity demo}, the README's first command, as a user runs it: the packaged jar in its own process brings the
 * dashboard up with the 47 demo partners in their intended bands (also seen signed in, in headless Chromium), stops
 * on a signal within 10 s, and a second start on the same data adds no event twice.
 */
class DemoCommandIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void showsTheDemoPartnersStopsWithinTenSecondsAndAddsNothingOnASecondStart(@TempDir Path dataDir) throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(6);
    Process first = start(dataDir, ports, "first");
    try {
      awaitDemoPartners(first, ports[5]);
      seeTheDemoPartnersInABrowser(ports[5]);
    } finally {
      stop(first);
    }

    Process second = start(dataDir, ports, "second");
    try {
      awaitDemoPartners(second, ports[5]);
      Path log = dataDir.resolveSibling(dataDir.getFileName() + "-second.log");
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      while (!java.nio.file.Files.readString(log).contains("Demo data:") && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(java.nio.file.Files.readString(log)).contains("0 relationships and 0 events added");
    } finally {
      stop(second);
    }
  }

  /**
   * Signs in with the printed demo login in headless Chromium and sees the 47 partners, each with its band, in the
   * partner table (skipped, saying why, without chromedriver). Screenshot: app/target/screenshots/demo-partners.png.
   */
  private static void seeTheDemoPartnersInABrowser(int dashboardPort) throws Exception {
    Optional<Path> chromedriver = HeadlessChrome.chromedriver();
    if (chromedriver.isEmpty()) {
      System.out.println(HeadlessChrome.MISSING);
      return;
    }
    WebDriver browser = HeadlessChrome.start(chromedriver.get());
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
    } finally {
      browser.quit();
    }
  }

  private static Process start(Path dataDir, int[] ports, String name) throws Exception {
    String jar = System.getProperty("amity.jar");
    assertThat(new File(jar)).as("packaged jar").exists();
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "demo",
        "--data-dir", dataDir.toString(), "--kafka-port", "" + ports[0], "--controller-port", "" + ports[1],
        "--registry-port", "" + ports[2], "--ingest-port", "" + ports[3], "--streams-port", "" + ports[4],
        "--dashboard-port", "" + ports[5])
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log").toFile())
        .start();
  }

  /**
   * Waits until the dashboard shows the 47 demo partners in their intended bands (7 thriving, 21 active, 9 cooling,
   * 10 dormant: the demo data is built so on any day), at most {@link #START_LIMIT}.
   */
  private static void awaitDemoPartners(Process process, int dashboardPort) throws Exception {
    String login = Base64.getEncoder().encodeToString((DemoCommand.DEMO_USER + ":" + DemoCommand.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("amity demo is running").isTrue();
      try {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboardPort
            + "/api/v1/overview")).header("Authorization", "Basic " + login).build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          last = JSON.readTree(answer.body()).path("bands");
          if (last.path("THRIVING").asInt() == 7 && last.path("ACTIVE").asInt() == 21
              && last.path("COOLING").asInt() == 9 && last.path("DORMANT").asInt() == 10
              && last.path("NEW").asInt() == 0) {
            return;
          }
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the dashboard did not show the 47 demo partners in their bands within " + START_LIMIT
        + "; last seen: " + last);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    boolean stopped = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (!stopped) {
      process.destroyForcibly();
    }
    assertThat(stopped).as("stopped within " + STOP_LIMIT).isTrue();
  }
}
