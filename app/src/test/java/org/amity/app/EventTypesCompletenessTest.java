package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.InvalidInputException;
import org.amity.events.Events;
import org.amity.events.Money;
import org.amity.labels.Labels;
import org.amity.producers.demo.DemoData;
import org.amity.producers.events.EventJson;
import org.amity.producers.sheet.ColumnLayout;
import org.amity.producers.sheet.MappedRow;
import org.amity.producers.sheet.RowMapper;
import org.amity.producers.sheet.Sheet;
import org.amity.producers.synthetic.SyntheticGenerator;
import org.amity.producers.synthetic.SyntheticSpec;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.Points;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type of the contract has what each role needs: a declaration in {@link EventTypes}, points, names in both
 * languages, a spreadsheet form that imports it, a timeline, the demo's data and the synthetic generator's bodies.
 * Each gap is named with the type and the role, so that a new type's declaration can be completed from the failure.
 */
class EventTypesCompletenessTest {
  /** Types that withdraw rather than record an exchange: no points, no spreadsheet, no timeline. */
  private static final Set<String> NOT_EXCHANGES = Set.of("EventRetracted");
  private static final LocalDate SYNTHETIC_END = LocalDate.of(2025, 12, 31);
  private static final Map<String, SpecificRecord> SYNTHETIC = firstOfEachType(
      new SyntheticGenerator(SyntheticSpec.of(2, 10, 10, SYNTHETIC_END, 18)).events());
  private static final Map<String, SpecificRecord> DEMO = firstOfEachType(
      DemoData.build(DemoData.earliestToday()).events().stream());

  /** Every record of the events protocol that carries an envelope. */
  static Stream<String> eventTypes() {
    return Events.PROTOCOL.getTypes().stream()
        .filter(t -> t.getType() == Schema.Type.RECORD && t.getField(EventType.ENVELOPE) != null)
        .map(Schema::getName);
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyRoleHasWhatItNeedsForTheType(String name) {
    List<String> gaps = new ArrayList<>();
    EventType type = EventTypes.named(name).orElse(null);
    if (type == null) {
      gaps.add("not declared in EventTypes");
    } else {
      names(type, gaps);
      if (!NOT_EXCHANGES.contains(name)) {
        exchangeRoles(type, gaps);
      }
    }
    assertThat(gaps).as(name).isEmpty();
  }

  private static void names(EventType type, List<String> gaps) {
    if (type.zh().isBlank() || type.zh().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      gaps.add("labels: no Chinese name");
    }
    if (type.en().isBlank() || type.en().equals(type.name())) {
      gaps.add("labels: no English name");
    }
  }

  private static void exchangeRoles(EventType type, List<String> gaps) {
    String name = type.name();
    if (!ModelSettings.defaults().points().byType().containsKey(name)) {
      gaps.add("points: none declared");
    }
    if (type.timelineFields().isEmpty()) {
      gaps.add("timeline: no field of its own to show");
    }
    for (Schema.Field field : type.timelineFields()) {
      Schema schema = EventType.withoutNull(field.schema());
      for (String symbol : schema.getType() == Schema.Type.ENUM ? schema.getEnumSymbols() : List.<String>of()) {
        for (Locale language : List.of(Labels.ZH, Labels.EN)) {
          if (!Labels.keys(language).contains(schema.getName() + "." + symbol)) {
            gaps.add("timeline: no " + language + " word for " + schema.getName() + "." + symbol);
          }
        }
      }
    }
    if (!DEMO.containsKey(name)) {
      gaps.add("demo: the demo's data holds no " + name + " (add a fact to demo/facts.json)");
    }
    SpecificRecord sample = SYNTHETIC.get(name);
    if (sample == null) {
      gaps.add("synthetic: the generator makes no " + name);
      return;
    }
    List<?> problems = new EventValidator(id -> true).problems(sample, name);
    if (!problems.isEmpty()) {
      gaps.add("synthetic: the generator's " + name + " is refused: " + problems);
    }
    try {
      Points.of(sample, ModelSettings.defaults());
    } catch (RuntimeException e) {
      gaps.add("points: " + e.getMessage());
    }
    spreadsheet(type, sample, gaps);
  }

  /** The sample written as a row of an exchange log, imported, and read back with the same fields. */
  private static void spreadsheet(EventType type, SpecificRecord sample, List<String> gaps) {
    if (!type.imported()) {
      gaps.add("spreadsheet: no columns declared");
      return;
    }
    for (Schema.Field field : type.schema().getFields()) {
      boolean filled = type.sheetColumns().containsKey(field.name()) || field.name().equals(type.dayField())
          || field.name().equals(EventType.ENVELOPE);
      if (!filled && !field.schema().isNullable()) {
        gaps.add("spreadsheet: no column fills the required field " + field.name());
      }
    }
    Map<String, String> cells = row(type, sample);
    MappedRow mapped = new RowMapper(ColumnLayout.of(List.copyOf(cells.keySet())), null, "completeness.csv")
        .map(new Sheet.Row(2, List.copyOf(cells.values())));
    if (!mapped.problems().isEmpty()) {
      gaps.add("spreadsheet: the row " + cells + " is refused: " + mapped.problems());
      return;
    }
    SpecificRecord imported;
    try {
      imported = EventJson.read(mapped.json(), "", Instant.now());
    } catch (InvalidInputException e) {
      gaps.add("spreadsheet: the row " + cells + " makes no event: " + e.problems());
      return;
    }
    for (Schema.Field field : type.schema().getFields()) {
      if (type.sheetColumns().containsKey(field.name()) || field.name().equals(type.dayField())) {
        Object expected = sample.get(field.pos());
        Object actual = imported.get(field.pos());
        if (expected != null && !expected.equals(actual)) {
          gaps.add("spreadsheet: " + field.name() + " came back as " + actual + ", not " + expected);
        }
      }
    }
  }

  private static Map<String, String> row(EventType type, SpecificRecord sample) {
    Map<String, String> cells = new LinkedHashMap<>();
    var envelope = EventTypes.envelopeOf(sample);
    cells.put("type", type.name());
    cells.put("date", type.dayField() == null ? LocalDate.ofInstant(envelope.getOccurredAt(), ZoneOffset.UTC).toString()
        : sample.get(type.schema().getField(type.dayField()).pos()).toString());
    cells.put("partner", envelope.getRelationshipIds().get(0));
    type.sheetColumns().forEach((field, columns) -> {
      Object value = sample.get(type.schema().getField(field).pos());
      String column = columns.split("\\|")[0];
      if (value instanceof Money money) {
        int digits = Math.max(0, Currency.getInstance(money.getCurrency()).getDefaultFractionDigits());
        cells.put(column, BigDecimal.valueOf(money.getAmountMinor(), digits).toPlainString());
        cells.put("currency", money.getCurrency());
      } else if (value != null) {
        cells.put(column, value.toString());
      }
    });
    return cells;
  }

  private static Map<String, SpecificRecord> firstOfEachType(Stream<SpecificRecord> events) {
    Map<String, SpecificRecord> first = new LinkedHashMap<>();
    events.forEach(event -> first.putIfAbsent(event.getSchema().getName(), event));
    return first;
  }

}
