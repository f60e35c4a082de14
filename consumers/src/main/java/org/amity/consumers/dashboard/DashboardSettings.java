package org.amity.consumers.dashboard;

import java.util.Map;

/**
 * Where the dashboard listens, and where it may ask the streams application for a relationship's full score history
 * ({@code streamsUrl}, e.g. {@code http://localhost:8090}; null to show only the history the dashboard has seen) with
 * which offices' API tokens ({@code streamsTokens}, office → token: a token reaches its office and the offices under
 * it).
 */
public record DashboardSettings(String host, int port, String streamsUrl, Map<String, String> streamsTokens) {
  public DashboardSettings {
    if (streamsUrl != null && streamsUrl.isBlank()) {
      streamsUrl = null;
    }
    if (streamsUrl != null && streamsUrl.endsWith("/")) {
      streamsUrl = streamsUrl.substring(0, streamsUrl.length() - 1);
    }
    streamsTokens = Map.copyOf(streamsTokens);
  }

  /** A dashboard that shows only the history it has seen. */
  public DashboardSettings(String host, int port) {
    this(host, port, null, Map.of());
  }
}
