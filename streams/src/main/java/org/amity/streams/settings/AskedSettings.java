package org.amity.streams.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.amity.text.Spelling;

/**
 * Settings as strings, remembering which keys a reader asked for: one it never asked for is a misspelt key, refused
 * by name with the nearest key it knows.
 */
final class AskedSettings extends TreeMap<String, String> {
  private final Set<String> asked = new HashSet<>();

  AskedSettings(Map<String, String> values) {
    super(values);
  }

  @Override
  public String get(Object key) {
    asked.add((String) key);
    return super.get(key);
  }

  @Override
  public String getOrDefault(Object key, String fallback) {
    asked.add((String) key);
    return super.getOrDefault(key, fallback);
  }

  @Override
  public boolean containsKey(Object key) {
    asked.add((String) key);
    return super.containsKey(key);
  }

  /** Throws naming every key under the prefix that no reader asked for. */
  void refuseUnasked(String prefix) {
    List<String> unknown = keySet().stream().filter(key -> key.startsWith(prefix) && !asked.contains(key)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", unknown.stream().map(key -> "未知的设置 " + key
          + "（是否想写 " + nearest(key) + "？）/ unknown setting " + key + " (did you mean " + nearest(key) + "?)")
          .toList()));
    }
  }

  private String nearest(String key) {
    return Spelling.nearest(key, asked).orElse("?");
  }
}
