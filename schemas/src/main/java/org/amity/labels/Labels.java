package org.amity.labels;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The words users see for the contract's symbols (levels, statuses, kinds, bands...), in Chinese and English,
 * from {@code labels_zh.properties} and {@code labels_en.properties}: keys are {@code EnumName.SYMBOL}.
 */
public final class Labels {
  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;
  private static final String BUNDLE = "org.amity.labels.labels";
  private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
      ResourceBundle.Control.FORMAT_PROPERTIES);

  private Labels() {}

  /** The word for a symbol in the language, or the symbol itself when there is none. */
  public static String of(Enum<?> symbol, Locale language) {
    String key = symbol.getDeclaringClass().getSimpleName() + "." + symbol.name();
    try {
      return bundle(language).getString(key);
    } catch (MissingResourceException e) {
      return symbol.name();
    }
  }

  public static String zh(Enum<?> symbol) {
    return of(symbol, ZH);
  }

  /** "中文 (English)", as a Chinese page shows a symbol. */
  public static String both(Enum<?> symbol) {
    return zh(symbol) + "（" + of(symbol, EN) + "）";
  }

  static Set<String> keys(Locale language) {
    return bundle(language).keySet();
  }

  private static ResourceBundle bundle(Locale language) {
    Locale locale = language.getLanguage().equals("zh") ? ZH : EN;
    String base = locale == ZH ? BUNDLE + "_zh" : BUNDLE + "_en";
    return ResourceBundle.getBundle(base, Locale.ROOT, NO_FALLBACK);
  }
}
