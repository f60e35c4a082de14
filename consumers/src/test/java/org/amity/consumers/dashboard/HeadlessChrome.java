package org.amity.consumers.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** Debian's Chromium, headless, driven by its chromedriver: for the browser tests of the dashboard and the demo. */
public final class HeadlessChrome {
  /** What a browser test says when it skips. */
  public static final String MISSING = "No chromedriver on PATH (or -Dwebdriver.chrome.driver): skipping the browser "
      + "test. Install Debian's 'chromium' and 'chromium-driver' packages to run it.";

  private HeadlessChrome() {}

  /** chromedriver from -Dwebdriver.chrome.driver, else from PATH. */
  public static Optional<Path> chromedriver() {
    String configured = System.getProperty("webdriver.chrome.driver");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "chromedriver"))
        .filter(Files::isExecutable).findFirst();
  }

  public static WebDriver start(Path chromedriver) {
    return start(chromedriver, new ChromeOptions());
  }

  /** A browser that can reach the loopback only: every other host name fails to resolve, as with no network. */
  public static WebDriver startOffline(Path chromedriver) {
    return start(chromedriver, new ChromeOptions().addArguments(
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"));
  }

  private static WebDriver start(Path chromedriver, ChromeOptions options) {
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000", "--lang=en-GB");
    Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst().ifPresent(options::setBinary);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * What failed in the pages since the last call: script errors and requests answered with an error, from the
   * browser's log.
   */
  public static List<String> failures(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Saves what the browser shows as {@code dir/name.png}. */
  public static void screenshot(WebDriver browser, Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
