package org.amity.consumers.dashboard;

/**
 * Where the dashboard listens, and where it may ask the streams application for a relationship's full score history
 * ({@code streamsUrl}, e.g. {@code http://localhost:8090}; null to show only the history the dashboard has seen).
 */
public record DashboardSettings(String host, int port, String streamsUrl) {
  public DashboardSettings {
    if (streamsUrl != null && streamsUrl.isBlank()) {
      streamsUrl = null;
    }
    if (streamsUrl != null && streamsUrl.endsWith("/")) {
      streamsUrl = streamsUrl.substring(0, streamsUrl.length() - 1);
    }
  }
}
