package org.amity.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries named by scope, behind {@code mock://scope} URLs, as Confluent's serde offers for
 * unit tests: every serde configured with the same scope in one JVM shares one registry.
 */
public final class MockSchemaRegistry {
  public static final String URL_PREFIX = "mock://";

  private static final Map<String, LocalSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private MockSchemaRegistry() {}

  public static LocalSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new LocalSchemaRegistry());
  }

  /** Forgets the registry of a scope, so the next test starts empty. */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }

  static boolean isMockUrl(String url) {
    return url.startsWith(URL_PREFIX);
  }

  static String scopeOf(String url) {
    return url.substring(URL_PREFIX.length());
  }
}
