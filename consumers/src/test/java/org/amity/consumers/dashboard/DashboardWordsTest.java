package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's own words (app.js) exist in both languages; the contract's words come from Labels, checked there. */
class DashboardWordsTest {
  private static final Pattern KEY = Pattern.compile("(?m)(?:^\\s+|,\\s+)([a-zA-Z]+): ");

  @Test
  void everyWordOfThePageExistsInChineseAndInEnglish() throws IOException {
    String script;
    try (InputStream in = getClass().getResourceAsStream("/dashboard/app.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String en = script.substring(script.indexOf("  en: {"), script.indexOf("  zh: {"));
    String zh = script.substring(script.indexOf("  zh: {"), script.indexOf("\n};", script.indexOf("  zh: {")));
    assertThat(keys(en)).hasSizeGreaterThan(30).isEqualTo(keys(zh));
  }

  private static Set<String> keys(String block) {
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY.matcher(block.substring(block.indexOf('{') + 1));
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }
}
