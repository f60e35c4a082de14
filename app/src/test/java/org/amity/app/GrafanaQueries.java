package org.amity.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the provisioned Grafana dashboard queries, and the names a /metrics text exposes. */
final class GrafanaQueries {
  static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "amity.json");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "and", "or", "unless", "bool", "offset");

  private GrafanaQueries() {}

  /** Every metric name in the expressions of the dashboard's panels. */
  static Set<String> metricNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        names.addAll(metricNames(target.path("expr").asText()));
      }
    }
    return names;
  }

  /** The metric names of one PromQL expression: identifiers outside label matchers and groupings, not functions. */
  static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher token = IDENTIFIER.matcher(bare);
    while (token.find()) {
      if (token.group(1) == null && !KEYWORDS.contains(token.group())) {
        names.add(token.group());
      }
    }
    return names;
  }

  /** The names of the samples in a Prometheus text exposition. */
  static Set<String> exposed(String metrics) {
    Set<String> names = new TreeSet<>();
    metrics.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
    return names;
  }
}
