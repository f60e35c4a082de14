package org.amity.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.amity.access.OfficeTokens;

/** A test asking the query API with an office's API token. */
public record QueryClient(String office, String token) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A client with a new token of the office. */
  public static QueryClient of(String office) {
    return new QueryClient(office, OfficeTokens.newToken());
  }

  /** What an instance accepts: this client's token only. */
  public OfficeTokens accepted() {
    return new OfficeTokens(Map.of(office, OfficeTokens.hash(token)));
  }

  /** A GET of the URI with this client's token. */
  public HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
  }

  public HttpResponse<String> send(int port, String path) throws Exception {
    return HTTP.send(get(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Asks until the answer is 200 with the body wanted (the application may still be restoring, rebalancing or
   * catching up), at most 60 s.
   */
  public JsonNode awaitOk(int port, String path, Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> answer;
    do {
      answer = send(port, path);
      if (answer.statusCode() == 200 && wanted.test(JSON.readTree(answer.body()))) {
        return JSON.readTree(answer.body());
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " on port " + port + " still answers " + answer.statusCode() + ": "
        + answer.body());
  }
}
