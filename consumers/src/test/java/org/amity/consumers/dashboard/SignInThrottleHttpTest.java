package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.amity.consumers.view.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A password guesser against the dashboard's HTTP Basic and sign-in form, and the real user after it. */
class SignInThrottleHttpTest {
  private static final String PASSWORD = "real-password-of-wang";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private DashboardServer server;

  @BeforeEach
  void start() {
    DashboardUsers users = new DashboardUsers(Map.of("wang", PasswordHashes.hash(PASSWORD.toCharArray())));
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0, "http://127.0.0.1:9", Map.of()), users,
        new DashboardView()).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHundredWrongPasswordsEndIn429sAndTheRealUserSignsInWithinAMinute() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    long started = System.nanoTime();
    HttpResponse<String> last = null;
    for (int i = 0; i < 100; i++) {
      last = get("/api/v1/partners", basic("wang", "guess-" + i));
      statuses.merge(last.statusCode(), 1, Integer::sum);
    }
    Duration attack = Duration.ofNanos(System.nanoTime() - started);
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    System.out.printf("100 wrong passwords in %d ms: %s; the 100th: %d, Retry-After %d s%n", attack.toMillis(),
        statuses, last.statusCode(), retryAfter);

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("登录失败次数过多", "Too many failed sign-ins");
    assertThat(statuses.get(401)).as("passwords actually checked").isLessThan(10);
    assertThat(retryAfter).isBetween(1L, 30L);

    HttpResponse<String> early = get("/api/v1/partners", basic("wang", PASSWORD));
    assertThat(early.statusCode()).as("the real user too must wait").isEqualTo(429);
    Thread.sleep(1000 * Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow()));
    assertThat(get("/api/v1/partners", basic("wang", PASSWORD)).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(attack.plus(Duration.ofMinutes(1)));
  }

  @Test
  void theSignInFormAnswers429WithTheWaitInBothLanguages() throws Exception {
    HttpResponse<String> answer = null;
    for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
      answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=wang&password=guess-" + i + "&next=%2F")).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body()).contains("请", "秒后再试", "try again in");
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
