package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amity.aggregates.Band;
import org.amity.consumers.report.BandsAt;
import org.amity.consumers.view.DashboardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard asks the streams application's query API: a relationship's full score history, asked with the API
 * token of the relationship's office or of the nearest office above it that the dashboard holds one for; and the
 * model's settings in force, asked with any token it holds.
 */
public final class StreamsQueries {
  private static final Logger log = LoggerFactory.getLogger(StreamsQueries.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DashboardSettings settings;
  private final DashboardView view;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public StreamsQueries(DashboardSettings settings, DashboardView view) {
    this.settings = settings;
    this.view = view;
  }

  /** The history points, or empty when no streams URL or token serves the office, or the application does not answer. */
  Optional<JsonNode> history(String office, String partner, int days, int step) {
    return get("/api/v1/vitality/" + enc(office) + "/" + enc(partner) + "/history?days=" + days + "&step=" + step,
        tokenFor(office)).map(body -> body.path("history"));
  }

  /**
   * The relationship's bands at two moments, from its score history; empty as for {@link #history} (and for a
   * relationship id that is not office/partner).
   */
  public Optional<BandsAt.Bands> bandsAt(String relationshipId, Instant start, Instant end) {
    String[] parts = relationshipId.split("/", 2);
    long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
    if (parts.length < 2) {
      return Optional.empty();
    }
    return get("/api/v1/vitality/" + enc(parts[0]) + "/" + enc(parts[1]) + "/history?days=" + days + "&step=" + days
        + "&until=" + enc(end.toString()), tokenFor(parts[0])).map(body -> body.path("history"))
        .filter(points -> points.size() == 2 && isBand(points.get(0)) && isBand(points.get(1)))
        .map(points -> new BandsAt.Bands(Band.valueOf(points.get(0).path("band").asText()),
            Band.valueOf(points.get(1).path("band").asText())));
  }

  private static boolean isBand(JsonNode point) {
    return Arrays.stream(Band.values()).anyMatch(band -> band.name().equals(point.path("band").asText()));
  }

  /** The model's settings in force, or empty when the dashboard has no streams URL or token, or no answer. */
  Optional<JsonNode> model() {
    return get("/api/v1/model", settings.streamsTokens().values().stream().findFirst());
  }

  /**
   * Why the streams application refuses the office's token (its answer to a 401, asking for the model's settings), or
   * empty when it takes the token, does not answer, or there is no streams URL or token for the office.
   */
  public Optional<String> refusal(String office) {
    return send("/api/v1/model", tokenFor(office)).filter(answer -> answer.statusCode() == 401).map(answer -> {
      try {
        return JSON.readTree(answer.body()).path("error").asText("HTTP 401");
      } catch (IOException e) {
        return "HTTP 401";
      }
    });
  }

  private Optional<JsonNode> get(String path, Optional<String> token) {
    Optional<HttpResponse<String>> answer = send(path, token);
    try {
      if (answer.isPresent() && answer.get().statusCode() == 200) {
        return Optional.of(JSON.readTree(answer.get().body()));
      }
    } catch (IOException e) {
      log.debug("Streams {} answered what is not JSON: {}", path, e.toString());
    }
    return Optional.empty();
  }

  private Optional<HttpResponse<String>> send(String path, Optional<String> token) {
    if (settings.streamsUrl() == null || token.isEmpty()) {
      return Optional.empty();
    }
    URI uri = URI.create(settings.streamsUrl() + path);
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
          .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        log.debug("Streams {} answered {}", path, answer.statusCode());
      }
      return Optional.of(answer);
    } catch (IOException | IllegalArgumentException e) {
      log.debug("Streams {} failed: {}", path, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private Optional<String> tokenFor(String office) {
    Map<String, String> parents = view.officeParents();
    Set<String> visited = new HashSet<>();
    for (String at = office; at != null && visited.add(at); at = parents.get(at)) {
      if (settings.streamsTokens().containsKey(at)) {
        return Optional.of(settings.streamsTokens().get(at));
      }
    }
    return Optional.empty();
  }

  private static String enc(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
