package org.amity.contract;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amity.topics.TopicSpec;
import org.apache.avro.Schema;

/**
 * One event type as every role needs it, declared once in {@link EventTypes}: its topic, its name in both languages,
 * what it is worth to the model by default, and how a spreadsheet row fills its fields. The rest (its fields, their
 * types, what the timeline shows) is read from its Avro schema.
 *
 * @param schema the Avro schema of the generated class; the type's name is the record's name
 * @param topic the topic that carries it
 * @param zh its name in Chinese, e.g. 代表团互访
 * @param en its name in English, e.g. delegation visit
 * @param points what an event of the type is worth by default; null for a type that records no exchange (a retraction)
 * @param substantive whether it is substantive by default (an agreement, a project, an exchange programme)
 * @param dayField the date field that holds the day of the exchange ({@code startDate}, {@code signedOn}); null when
 *     the envelope's {@code occurredAt} is the only date
 * @param sheetWords the words a spreadsheet's type column may use for it, beside its name
 * @param sheetColumns the columns of an exchange log that fill each field, by English header; "a|b" takes column a,
 *     else column b; a {@code Money} field's column holds the amount and the {@code currency} column its currency.
 *     The day field and the envelope's fields are filled by every row; empty for a type no sheet records
 * @param yield what an event of the type yields: a value committed, people taking part; null when nothing
 */
public record EventType(Schema schema, TopicSpec topic, String zh, String en, PointRule points, boolean substantive,
    String dayField, List<String> sheetWords, Map<String, String> sheetColumns, Yield yield) {
  /** The field every event type has, holding the envelope. */
  public static final String ENVELOPE = "envelope";

  public EventType {
    requireNonNull(schema, "schema");
    requireNonNull(topic, "topic");
    requireNonNull(zh, "zh");
    requireNonNull(en, "en");
    sheetWords = List.copyOf(sheetWords);
    sheetColumns = Collections.unmodifiableMap(new LinkedHashMap<>(sheetColumns));
  }

  /**
   * The figures an event of the type records that say what a partnership yields.
   *
   * @param moneyField a {@code Money} field holding the value it commits (an agreement's, a project's); null if none
   * @param moneyOncePer a field whose value names what the money belongs to, counted once however many events state
   *     it (a project's milestones each state the project's value); null when every event's money counts
   * @param peopleField a count of the people taking part (a delegation's headcount, an exhibition's visitors); null
   *     if none
   * @param peopleZh what those people are, in Chinese (代表团成员)
   * @param peopleEn what those people are, in English (delegation members)
   */
  public record Yield(String moneyField, String moneyOncePer, String peopleField, String peopleZh, String peopleEn) {}

  /** The Avro record name, e.g. "DelegationVisited". */
  public String name() {
    return schema.getName();
  }

  /** Its name in the language. */
  public String label(Locale language) {
    return language.getLanguage().equals("zh") ? zh : en;
  }

  /** Whether it records an exchange, which the model scores; a retraction does not. */
  public boolean exchange() {
    return points != null;
  }

  /** Whether offices may record it in a spreadsheet. */
  public boolean imported() {
    return !sheetColumns.isEmpty();
  }

  /**
   * The fields a relationship's timeline shows, in the schema's order: all but the envelope, the day field (the
   * timeline shows the day already) and ids (for machines, not readers).
   */
  public List<Schema.Field> timelineFields() {
    return schema.getFields().stream()
        .filter(f -> !f.name().equals(ENVELOPE) && !f.name().equals(dayField) && !f.name().endsWith("Id"))
        .toList();
  }

  /** A field's schema with null taken out of an optional field's union: the type its values have. */
  public static Schema withoutNull(Schema schema) {
    return schema.getType() != Schema.Type.UNION ? schema
        : schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }

  /** Declares a type; see {@link EventTypes}. */
  static Builder of(Schema schema, String topicName, String purpose) {
    return new Builder(schema, TopicSpec.events(topicName, schema.getNamespace() + "." + schema.getName(), purpose));
  }

  /** The parts of a declaration, by name. */
  static final class Builder {
    private final Schema schema;
    private final TopicSpec topic;
    private String zh;
    private String en;
    private PointRule points;
    private boolean substantive;
    private String dayField;
    private List<String> sheetWords = List.of();
    private final Map<String, String> sheetColumns = new LinkedHashMap<>();
    private String moneyField;
    private String moneyOncePer;
    private String peopleField;
    private String peopleZh;
    private String peopleEn;

    private Builder(Schema schema, TopicSpec topic) {
      this.schema = schema;
      this.topic = topic;
    }

    Builder labels(String chinese, String english) {
      zh = chinese;
      en = english;
      return this;
    }

    Builder points(PointRule rule) {
      points = rule;
      return this;
    }

    Builder substantive() {
      substantive = true;
      return this;
    }

    Builder day(String field) {
      dayField = field;
      return this;
    }

    Builder sheetWords(String... words) {
      sheetWords = List.of(words);
      return this;
    }

    /** Field and column pairs: {@code sheet("level", "level", "topic", "title")}. */
    Builder sheet(String... fieldsAndColumns) {
      for (int i = 0; i < fieldsAndColumns.length; i += 2) {
        sheetColumns.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
      }
      return this;
    }

    /** The value an event commits; {@code oncePer}, when not null, the field naming what it belongs to. */
    Builder money(String field, String oncePer) {
      moneyField = field;
      moneyOncePer = oncePer;
      return this;
    }

    /** The count of people taking part, and what they are in both languages. */
    Builder people(String field, String chinese, String english) {
      peopleField = field;
      peopleZh = chinese;
      peopleEn = english;
      return this;
    }

    EventType build() {
      Yield yield = moneyField == null && peopleField == null ? null
          : new Yield(moneyField, moneyOncePer, peopleField, peopleZh, peopleEn);
      return new EventType(schema, topic, zh, en, points, substantive, dayField, sheetWords, sheetColumns, yield);
    }
  }
}
