package org.amity.labels;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;

/**
 * The words users see, in Chinese and English, from {@code labels_zh.properties} and {@code labels_en.properties}:
 * the contract's symbols ({@code EnumName.SYMBOL}: levels, statuses, kinds, bands, alert kinds, domains...), the
 * sentences of alerts ({@code alert.*}, {@link MessageFormat} patterns) and the date formats ({@code format.*});
 * and the names of event types ({@code EventType.DelegationVisited}) and of the people they count
 * ({@code People.DelegationVisited}) from {@link EventTypes}.
 */
public final class Labels {
  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;
  /** Where an office is when it does not say: its dates and times are read in this zone. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  private static final String EVENT_TYPE = "EventType.";
  /** The people an event type counts as its yield, e.g. {@code People.DelegationVisited}: 代表团成员. */
  private static final String PEOPLE = "People.";
  private static final String BUNDLE = "org.amity.labels.labels";
  private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
      ResourceBundle.Control.FORMAT_PROPERTIES);

  private Labels() {}

  /** The language of "zh", "en" or null (Chinese, the default). */
  public static Locale language(String code) {
    return code != null && code.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
  }

  /** The zone of an office's {@code timeZone}, or {@link #DEFAULT_ZONE}. */
  public static ZoneId zone(String timeZone) {
    return timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : ZoneId.of(timeZone);
  }

  /** The word for where a relationship stands: its band, or its status when ENDED or SUSPENDED. */
  public static String standing(String standing, Locale language) {
    String type = standing.equals("ENDED") || standing.equals("SUSPENDED") ? "RelationshipStatus." : "Band.";
    return text(type + standing, language, standing);
  }

  /** The word for a symbol in the language, or the symbol itself when there is none. */
  public static String of(Enum<?> symbol, Locale language) {
    return text(symbol.getDeclaringClass().getSimpleName() + "." + symbol.name(), language, symbol.name());
  }

  public static String zh(Enum<?> symbol) {
    return of(symbol, ZH);
  }

  /** The sentence under {@code key} with its arguments filled in. */
  public static String format(String key, Locale language, Object... arguments) {
    return new MessageFormat(text(key, language, key), language).format(arguments);
  }

  /** The sentence in Chinese, and beside it in English ("中文 / English"); once when the two are the same. */
  public static String both(String key, Object... arguments) {
    return both(language -> format(key, language, arguments));
  }

  /** What {@code sentence} says in Chinese, and beside it in English; once when the two are the same. */
  public static String both(Function<Locale, String> sentence) {
    String zh = sentence.apply(ZH);
    String en = sentence.apply(EN);
    return zh.equals(en) ? zh : zh + " / " + en;
  }

  public static String date(LocalDate day, Locale language) {
    return DateTimeFormatter.ofPattern(text("format.date", language, "yyyy-MM-dd"), language).format(day);
  }

  /** The moment in the zone, e.g. 2026年12月3日 09:30 for an office in Asia/Shanghai. */
  public static String dateTime(Instant moment, ZoneId zone, Locale language) {
    return DateTimeFormatter.ofPattern(text("format.dateTime", language, "yyyy-MM-dd HH:mm"), language)
        .format(moment.atZone(zone));
  }

  /** Every key of the language, for the pages and for the check that both languages have the same. */
  public static Set<String> keys(Locale language) {
    Set<String> keys = new TreeSet<>(bundle(language).keySet());
    EventTypes.names().forEach(name -> keys.add(EVENT_TYPE + name));
    EventTypes.all().stream().filter(type -> type.yield() != null && type.yield().peopleField() != null)
        .forEach(type -> keys.add(PEOPLE + type.name()));
    return keys;
  }

  /** A world region in the language when it is one of those Amity knows by name (Europe, 欧洲), else as written. */
  public static String region(String region, Locale language) {
    return region == null ? null : text("Region." + region, language, region);
  }

  public static String text(String key, Locale language) {
    return text(key, language, key);
  }

  private static String text(String key, Locale language, String otherwise) {
    if (key.startsWith(EVENT_TYPE)) {
      return EventTypes.named(key.substring(EVENT_TYPE.length())).map(type -> type.label(language)).orElse(otherwise);
    }
    if (key.startsWith(PEOPLE)) {
      return EventTypes.named(key.substring(PEOPLE.length())).map(EventType::yield)
          .filter(yield -> yield != null && yield.peopleField() != null)
          .map(yield -> language.getLanguage().equals("zh") ? yield.peopleZh() : yield.peopleEn()).orElse(otherwise);
    }
    try {
      return bundle(language).getString(key);
    } catch (MissingResourceException e) {
      return otherwise;
    }
  }

  private static ResourceBundle bundle(Locale language) {
    String base = language.getLanguage().equals("zh") ? BUNDLE + "_zh" : BUNDLE + "_en";
    return ResourceBundle.getBundle(base, Locale.ROOT, NO_FALLBACK);
  }
}
