package org.amity.consumers.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.events.Envelope;
import org.amity.events.Money;
import org.amity.labels.Labels;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Exchange events as the partner page's timeline shows them: the envelope and the type's own fields ({@link EventType#timelineFields()}). */
public final class Exchanges {
  private Exchanges() {}

  /**
   * One exchange of a relationship's timeline. {@code details} holds the type's own fields by name, e.g. a
   * delegation's direction and level (symbols), leader and headcount; {@code corrects} the eventId it replaces.
   */
  public record Exchange(String eventId, String type, Instant occurredAt, String summary, List<String> domains,
                  Map<String, Object> details, List<String> relationshipIds, String corrects) {

    /** The details in words of the language: symbols by their label (capitalised), the rest as written, joined by " · ". */
    public String detailsText(Locale language) {
      return details.values().stream().map(v -> v instanceof Enum<?> symbol ? capitalised(Labels.of(symbol, language)) : v.toString())
          .collect(Collectors.joining(" · "));
    }

    private static String capitalised(String word) {
      return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }

  /** The exchange an event records, or null for a record that is no exchange (a retraction, anything else). */
  static Exchange of(SpecificRecord event) {
    Optional<EventType> type = EventTypes.named(event.getSchema().getName()).filter(EventType::exchange);
    if (type.isEmpty()) {
      return null;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    for (Schema.Field field : type.get().timelineFields()) {
      put(details, field.name(), event.get(field.pos()));
    }
    Envelope envelope = EventTypes.envelopeOf(event);
    return new Exchange(envelope.getEventId(), event.getSchema().getName(), envelope.getOccurredAt(),
        cut(envelope.getSummary(), EventValidator.SUMMARY_LIMIT), envelope.getDomains().stream().map(Enum::name).toList(),
        Collections.unmodifiableMap(details),
        envelope.getRelationshipIds().stream().distinct().toList(), envelope.getCorrects());
  }

  private static void put(Map<String, Object> details, String key, Object value) {
    if (value instanceof CharSequence text) {
      details.put(key, cut(text.toString(), EventValidator.TEXT_LIMIT));
    } else if (value instanceof Money money) {
      details.put(key, amount(money));
    } else if (value != null) {
      details.put(key, value);
    }
  }

  /** An amount in the currency's main unit with thousands separated, e.g. "63,000,000.00 USD". */
  private static String amount(Money money) {
    int digits = Math.max(0, currency(money.getCurrency()).map(Currency::getDefaultFractionDigits).orElse(2));
    return String.format(Locale.ROOT, "%,." + digits + "f %s", BigDecimal.valueOf(money.getAmountMinor(), digits),
        money.getCurrency());
  }

  private static Optional<Currency> currency(String code) {
    try {
      return Optional.of(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Text as long as the contract allows at most: the ingest API refuses longer text, but a record written straight
   * to a topic may hold any, and the dashboard keeps every exchange it shows in memory.
   */
  private static String cut(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit) + "…";
  }
}
