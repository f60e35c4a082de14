package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.HeadlessChrome;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.platform.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's path for a real office, step by step as separate processes from an empty data directory: a province,
 * its city and the city's district imported from a spreadsheet; the partners from a GBK CSV with Chinese headers (one
 * shared by the city and its district, one suspended, one ended); the exchange log, its agreement row first; the
 * dashboard signed in as the province's officer, and the notifier mailing the office's alert contact (GreenMail).
 * Checks the tree and its figures, the ended and suspended relationships, and that the alert mail is Chinese with the
 * final figures. Screenshots (Chinese) in app/target/screenshots/real-office-*.png.
 */
class RealOfficeIT {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final String USER = "zhang.wei";
  private static final String PASSWORD = "济南-real-office";
  private static final String QUERY_TOKEN = "shandong-query-token";
  private static final Charset GBK = Charset.forName("GBK");
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Test
  void anOfficeStartingFromNothingImportsItsTreeItsPartnersAndItsLogAndReadsEverythingInChinese(@TempDir Path dir)
      throws Exception {
    int[] ports = EmbeddedKafka.freeLoopbackPorts(6);
    Map<String, String> env = Map.of("AMITY_CONFIG", Files.writeString(dir.resolve("amity.properties"), String.join("\n",
        "bootstrap-servers=127.0.0.1:" + ports[0],
        "schema-registry-url=http://127.0.0.1:" + ports[2],
        "platform.kafka-port=" + ports[0],
        "platform.controller-port=" + ports[1],
        "platform.registry-port=" + ports[2],
        "platform.data-dir=" + dir.resolve("office-data"),
        "streams.state-dir=" + dir.resolve("streams"),
        "streams.query-port=" + ports[3],
        "streams.review-interval=PT5S",
        "dashboard.port=" + ports[4],
        "dashboard.streams-url=http://127.0.0.1:" + ports[3],
        "notifier.dashboard-url=http://127.0.0.1:" + ports[4],
        "notifier.smtp-host=127.0.0.1",
        "notifier.smtp-port=" + ports[5], "")).toString());
    Path offices = Files.writeString(dir.resolve("offices.csv"), String.join("\r\n",
        "外办编号,中文名称,英文名称,级别,上级外办,提醒邮箱",
        "jinan-lixia,济南市历下区人民政府外事办公室,Foreign Affairs Office of Lixia District,区,济南市人民政府外事办公室,fao@lixia.example",
        "jinan,济南市人民政府外事办公室,Jinan Municipal Foreign Affairs Office,市,shandong,fao@jinan.example",
        "shandong,山东省人民政府外事办公室,Foreign Affairs Office of Shandong Province,省,,fao@shandong.example", ""));
    Path partners = gbk(dir.resolve("友城名录.csv"),
        "外办,伙伴,英文名,国家,地区,关系类型,结好日期,状态,状态日期",
        "jinan,萨克拉门托,Sacramento,美国,北美,友好城市," + TODAY.plusDays(20).minusYears(40) + ",正式,",
        "jinan,雷恩,Rennes,法国,欧洲,友好合作城市,2014-03-28,暂停,2024-06-01",
        "jinan,里贾纳,Regina,加拿大,北美,友好城市," + TODAY.plusDays(30).minusYears(35) + ",已终止,2025-06-30",
        "jinan-lixia,萨克拉门托,Sacramento,美国,北美,友好合作城市,2019-09-20,正式,",
        "jinan-lixia,卡斯卡伊斯,Cascais,葡萄牙,欧洲,友好合作城市,2023-04-12,意向,");
    Path log = gbk(dir.resolve("交流记录.csv"),
        "类型,日期,伙伴,方向,级别,类别,标题,有效期至,领域,摘要",
        "协议," + TODAY.minusDays(700) + ",萨克拉门托,,,备忘录,经贸合作备忘录," + TODAY.plusDays(60) + ",经贸,签署经贸合作备忘录",
        "代表团," + TODAY.minusDays(200) + ",萨克拉门托,来访,副市长,,,,文化,副市长率团来访",
        "代表团," + TODAY.minusDays(120) + ",萨克拉门托,出访,局长,,,,教育,教育局代表团出访",
        "代表团," + TODAY.minusDays(300) + ",雷恩,来访,市长,,,,文化,雷恩市长来访",
        "视频会议," + TODAY.minusDays(3) + ",里贾纳,,部门,,,,文化,云交流");
    GreenMail smtp = new GreenMail(new ServerSetup(ports[5], "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (AmityProcess platform = AmityProcess.start(dir.resolve("platform.log"), env, "platform")) {
      platform.awaitOutput("Press Ctrl-C", LIMIT);
      try (AmityProcess streams = AmityProcess.start(dir.resolve("streams.log"),
          with(env, "AMITY_STREAMS_TOKENS", "shandong=" + OfficeTokens.hash(QUERY_TOKEN)), "streams")) {
        run(dir, env, "offices-import", "offices", "import", offices.toString());
        run(dir, env, "partners-import", "partners", "import", partners.toString());
        String imported = run(dir, env, "import", "import", log.toString(), "--office", "jinan");
        assertThat(imported).as("answered in Chinese and English").contains("写入 / written：5\n");
        try (AmityProcess dashboard = AmityProcess.start(dir.resolve("dashboard.log"), with(env, "AMITY_DASHBOARD_USERS",
                USER + "=" + PasswordHashes.hash(PASSWORD.toCharArray()) + "," + USER + ".office=shandong," + USER
                    + ".role=officer",
                "AMITY_DASHBOARD_STREAMS_TOKENS", "shandong=" + QUERY_TOKEN), "dashboard");
             AmityProcess notifier = AmityProcess.start(dir.resolve("notifier.log"), env, "notifier")) {
          DashboardClient viewer = new DashboardClient("http://127.0.0.1:" + ports[4], USER, PASSWORD);
          JsonNode overview = viewer.await("/api/v1/overview", RealOfficeIT::allFiguresIn, LIMIT, "the three offices' figures");
          theTreeShowsEveryOfficeWithItsFigures(overview);
          endedAndSuspendedAreShownApart(viewer);
          List<MimeMessage> mails = awaitMails(smtp, 2);
          String body = theAlertMailIsChineseWithTheFinalFigures(mails, viewer);
          assertThat(streams.isAlive() && notifier.isAlive()).isTrue();
          screenshots(ports[4], body);
        }
      }
    } finally {
      smtp.stop();
    }
  }

  private static void theTreeShowsEveryOfficeWithItsFigures(JsonNode overview) {
    List<String> order = new ArrayList<>();
    overview.path("offices").forEach(o -> order.add(o.path("officeId").asText() + "@" + o.path("depth").asInt()));
    assertThat(order).containsExactly("shandong@0", "jinan@1", "jinan-lixia@2");
    JsonNode shandong = office(overview, "shandong");
    JsonNode jinan = office(overview, "jinan");
    assertThat(shandong.path("relationships").asInt()).as("the province keeps none itself").isZero();
    assertThat(shandong.path("rollup").path("withDistricts").path("relationships").asInt())
        .as("Jinan's Sacramento, Lixia's Sacramento and Cascais").isEqualTo(3);
    assertThat(shandong.path("partnersWithDescendants").asInt()).as("Sacramento counted once, and Cascais").isEqualTo(2);
    assertThat(jinan.path("relationships").asInt()).isEqualTo(1);
    assertThat(jinan.path("suspended").asInt()).isEqualTo(1);
    assertThat(jinan.path("ended").asInt()).isEqualTo(1);
    assertThat(jinan.path("rollup").path("withDistricts").path("ended").asInt()).isEqualTo(1);
  }

  private static void endedAndSuspendedAreShownApart(DashboardClient viewer) throws Exception {
    JsonNode all = viewer.get("/api/v1/partners");
    assertThat(row(all, "jinan/ca-regina").path("band").asText()).isEqualTo("ENDED");
    assertThat(row(all, "jinan/fr-rennes").path("band").asText()).isEqualTo("SUSPENDED");
    for (JsonNode dormant : viewer.get("/api/v1/partners?band=DORMANT,COOLING").path("partners")) {
      assertThat(dormant.path("relationshipId").asText()).isNotIn("jinan/ca-regina", "jinan/fr-rennes");
    }
    Thread.sleep(6_000);  // a review (every 5 s here) that would announce Regina's coming 35th anniversary
    for (JsonNode alert : viewer.get("/api/v1/alerts?limit=100").path("alerts")) {
      assertThat(alert.path("relationshipId").asText()).as("no alert of the ended relationship").isNotEqualTo("jinan/ca-regina");
    }
  }

  /** The mail about Sacramento's expiring memorandum: Chinese, and the figures after the whole import. */
  private static String theAlertMailIsChineseWithTheFinalFigures(List<MimeMessage> mails, DashboardClient viewer)
      throws Exception {
    MimeMessage expiring = null;
    for (MimeMessage mail : mails) {
      if (mail.getSubject().contains("协议即将到期")) {
        expiring = mail;
      }
    }
    assertThat(expiring).as("a mail about the expiring memorandum among " + mails.size()).isNotNull();
    String body = (String) expiring.getContent();
    JsonNode vitality = viewer.get("/api/v1/partners/jinan/us-sacramento").path("vitality");
    assertThat(body).contains("萨克拉门托（Sacramento）", "签署的协议将于", "活力值 " + vitality.path("score").asInt() + "（",
        "距上次交流 120 天", "负责人", "伙伴页面");
    assertThat(body).as("no English sentence, names and addresses aside").doesNotContainPattern("[A-Za-z]+ [a-z]+ [a-z]+");
    return body;
  }

  private static boolean allFiguresIn(JsonNode overview) {
    JsonNode shandong = office(overview, "shandong");
    JsonNode jinan = office(overview, "jinan");
    return shandong != null && jinan != null && shandong.path("rollup").path("withDistricts").path("relationships").asInt() == 3
        && jinan.path("ended").asInt() == 1 && jinan.path("suspended").asInt() == 1
        && overview.path("offices").size() == 3;
  }

  private static JsonNode office(JsonNode overview, String id) {
    for (JsonNode office : overview.path("offices")) {
      if (office.path("officeId").asText().equals(id)) {
        return office;
      }
    }
    return null;
  }

  private static JsonNode row(JsonNode partners, String id) {
    for (JsonNode row : partners.path("partners")) {
      if (row.path("relationshipId").asText().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no row " + id + " in " + partners);
  }

  private static List<MimeMessage> awaitMails(GreenMail smtp, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (smtp.getReceivedMessages().length < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(smtp.getReceivedMessages()).as("alert mails").hasSizeGreaterThanOrEqualTo(atLeast);
    return List.of(smtp.getReceivedMessages());
  }

  /** One step of the README's path: a command that ends by itself, successfully. */
  private static String run(Path dir, Map<String, String> env, String name, String... args) throws Exception {
    AmityProcess command = AmityProcess.start(dir.resolve(name + ".log"), env, args);
    int exit = command.awaitExit(LIMIT);
    assertThat(exit).as(name + ":\n" + command.output()).isZero();
    return command.output();
  }

  private static Path gbk(Path file, String... lines) throws Exception {
    return Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(GBK));
  }

  private static Map<String, String> with(Map<String, String> env, String... pairs) {
    Map<String, String> more = new HashMap<>(env);
    for (int i = 0; i < pairs.length; i += 2) {
      more.put(pairs[i], pairs[i + 1]);
    }
    return more;
  }

  /** Overview, partners, a partner's page and the alert mail, in Chinese, when Chromium is there. */
  private static void screenshots(int dashboardPort, String mailBody) throws Exception {
    Optional<Path> chromedriver = HeadlessChrome.chromedriver();
    if (chromedriver.isEmpty()) {
      System.out.println(HeadlessChrome.MISSING);
      return;
    }
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.writeString(shots.resolve("real-office-alert-mail.txt"), mailBody, StandardCharsets.UTF_8);
    WebDriver browser = HeadlessChrome.start(chromedriver.get());
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
      String url = "http://127.0.0.1:" + dashboardPort;
      browser.get(url + "/login");
      ((JavascriptExecutor) browser).executeScript("localStorage.setItem('amity.lang', 'zh')");
      browser.findElement(By.id("username")).sendKeys(USER);
      browser.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(b -> b.findElements(By.cssSelector("#by-office tr[data-office='jinan-lixia']")).size() == 1);
      assertThat(browser.findElement(By.id("by-office")).getText()).contains("山东省人民政府外事办公室", "含下级外办");
      HeadlessChrome.screenshot(browser, shots, "real-office-overview");
      browser.get(url + "/partners");
      wait.until(b -> b.findElements(By.cssSelector("#partners tbody tr[data-id]")).size() == 5);
      assertThat(browser.findElement(By.id("partners")).getText()).contains("已终止", "暂停", "萨克拉门托");
      HeadlessChrome.screenshot(browser, shots, "real-office-partners");
      browser.get(url + "/partners/jinan/us-sacramento");
      wait.until(b -> b.findElement(By.id("timeline")).getText().contains("副市长率团来访"));
      assertThat(browser.findElement(By.id("upcoming")).getText()).contains("签署的协议将于");
      HeadlessChrome.screenshot(browser, shots, "real-office-partner");
      browser.get(url + "/offices/shandong");
      wait.until(b -> b.findElement(By.id("office-yield")).getText().contains("交流成果"));
      HeadlessChrome.screenshot(browser, shots, "real-office-province");
      assertThat(HeadlessChrome.failures(browser)).isEmpty();
      Path mailPage = Files.writeString(shots.resolve("real-office-alert-mail.html"), "<meta charset='utf-8'>"
          + "<pre style='font:16px sans-serif;white-space:pre-wrap'>" + mailBody.replace("&", "&amp;").replace("<", "&lt;")
          + "</pre>", StandardCharsets.UTF_8);
      browser.get(mailPage.toAbsolutePath().toUri().toString());
      HeadlessChrome.screenshot(browser, shots, "real-office-alert-mail");
    } finally {
      browser.quit();
    }
  }
}
