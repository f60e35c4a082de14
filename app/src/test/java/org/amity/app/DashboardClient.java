package org.amity.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** The dashboard's JSON API as a signed-in viewer sees it. */
final class DashboardClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String url;
  private final String login;

  DashboardClient(String url, String user, String password) {
    this.url = url;
    this.login = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The answer to {@code path}, or a missing node while the dashboard is not (yet) answering. */
  JsonNode get(String path) throws InterruptedException {
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
          .header("Authorization", login).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.missingNode();
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  /** Asks {@code path} until the answer satisfies {@code condition}; fails with the last answer after {@code limit}. */
  JsonNode await(String path, Predicate<JsonNode> condition, Duration limit, String what) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode last = get(path);
    while (!condition.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the dashboard did not show " + what + " within " + limit + "; last seen: " + last);
      }
      Thread.sleep(250);
      last = get(path);
    }
    return last;
  }

  /**
   * Waits until the overview shows the 47 demo partners in their intended bands (7 thriving, 21 active, 9 cooling,
   * 10 dormant: the demo data is built so on any day).
   */
  void awaitDemoPartners(Duration limit) throws InterruptedException {
    await("/api/v1/overview", overview -> {
      JsonNode bands = overview.path("bands");
      return bands.path("THRIVING").asInt() == 7 && bands.path("ACTIVE").asInt() == 21
          && bands.path("COOLING").asInt() == 9 && bands.path("DORMANT").asInt() == 10 && bands.path("NEW").asInt() == 0;
    }, limit, "the 47 demo partners in their bands");
  }
}
