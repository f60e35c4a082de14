package org.amity.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a schema registry, read from configuration with Confluent's property names:
 * {@code schema.registry.url} (comma-separated, or {@code mock://scope}),
 * {@code basic.auth.credentials.source} (USER_INFO or URL) and {@code basic.auth.user.info} ("user:password").
 */
public record RegistryClientConfig(List<URI> urls, String mockScope, String userInfo) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  private static final String PREFIXED_USER_INFO = "schema.registry." + BASIC_AUTH_USER_INFO;

  public static RegistryClientConfig from(Map<String, ?> configs) {
    Object value = configs.get(SCHEMA_REGISTRY_URL);
    if (value == null || value.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, value, "is required: the URL of the schema registry");
    }
    String url = value.toString().trim();
    if (MockSchemaRegistry.isMockUrl(url)) {
      return new RegistryClientConfig(List.of(), MockSchemaRegistry.scopeOf(url), null);
    }
    List<URI> urls = parseUrls(url);
    return new RegistryClientConfig(urls, null, userInfo(configs, urls));
  }

  /** A client for this configuration: the shared in-memory registry of a mock scope, or a REST client. */
  public SchemaRegistryClient newClient() {
    return mockScope != null ? MockSchemaRegistry.forScope(mockScope) : new RestSchemaRegistryClient(this);
  }

  private static List<URI> parseUrls(String value) {
    List<URI> urls = new ArrayList<>();
    for (String part : value.split(",")) {
      try {
        URI uri = URI.create(part.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
        urls.add(uri);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, value,
            "'" + part.trim() + "' is not a valid registry URL (" + e.getMessage() + "); expected e.g. http://localhost:8081 or mock://scope");
      }
    }
    return urls;
  }

  private static String userInfo(Map<String, ?> configs, List<URI> urls) {
    Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    String kind = source == null ? "URL" : source.toString().trim().toUpperCase();
    switch (kind) {
      case "USER_INFO" -> {
        Object info = configs.containsKey(BASIC_AUTH_USER_INFO)
            ? configs.get(BASIC_AUTH_USER_INFO) : configs.get(PREFIXED_USER_INFO);
        if (info == null || !info.toString().contains(":")) {
          throw new ConfigException(BASIC_AUTH_USER_INFO + " must be 'user:password' when "
              + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
        }
        return info.toString();
      }
      case "URL" -> {
        return urls.get(0).getUserInfo();
      }
      default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
          "is not supported; use USER_INFO or URL");
    }
  }

  @Override
  public String toString() {
    return "RegistryClientConfig[urls=" + urls + ", mockScope=" + mockScope + ", userInfo=" + (userInfo == null ? "none" : "****") + "]";
  }
}
