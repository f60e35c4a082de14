package org.amity.producers.sheet;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A country as staff write it: its ISO 3166 code (US), or its name in English (United States) or Chinese (美国). */
final class Countries {
  private static final Map<String, String> CODES = codes();

  private Countries() {}

  static Optional<String> code(String text) {
    return Optional.ofNullable(CODES.get(key(text)));
  }

  private static Map<String, String> codes() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      codes.put(key(code), code);
      codes.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
      codes.put(key(country.getDisplayCountry(Locale.SIMPLIFIED_CHINESE)), code);
    }
    codes.put(key("USA"), "US");
    codes.put(key("UK"), "GB");
    codes.put(key("英国"), "GB");
    codes.put(key("韩国"), "KR");
    return codes;
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", "");
  }
}
