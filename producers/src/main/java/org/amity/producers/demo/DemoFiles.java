package org.amity.producers.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.Money;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the demo's resource files under {@code /demo/}: {@code offices.csv}, {@code relationships.csv} (master data
 * with each relationship's intended profile and themes) and {@code facts.json} (the dated facts). A mistake in a file
 * fails with the file, the row or eventId, and the field.
 */
final class DemoFiles {
  static final String OFFICES = "/demo/offices.csv";
  static final String RELATIONSHIPS = "/demo/relationships.csv";
  static final String FACTS = "/demo/facts.json";
  /** When the demo's master data was recorded; fixed, so that a reload writes the same records. */
  static final Instant MASTER_DATA_UPDATED_AT = Instant.parse("2025-01-01T00:00:00Z");

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

  /** An office and the name summaries use for its city or district. */
  record DemoOffice(Office office, String place) {}

  /** A relationship with what the demo means it to be: its intended profile and the fields it is about. */
  record DemoRelationship(Relationship relationship, Profile profile, List<Domain> themes) {
    String id() {
      return relationship.getRelationshipId();
    }
  }

  private DemoFiles() {}

  static List<DemoOffice> offices() {
    List<DemoOffice> offices = new ArrayList<>();
    for (CSVRecord row : csv(OFFICES)) {
      String where = OFFICES + " line " + row.getRecordNumber();
      Office office = Office.newBuilder()
          .setOfficeId(required(row, "officeId", where))
          .setNameEn(required(row, "nameEn", where))
          .setNameZh(optional(row, "nameZh"))
          .setLevel(enumValue(OfficeLevel.class, required(row, "level", where), where + " level"))
          .setParentOfficeId(optional(row, "parentOfficeId"))
          .build();
      offices.add(new DemoOffice(office, required(row, "place", where)));
    }
    return offices;
  }

  static List<DemoRelationship> relationships() {
    List<DemoRelationship> relationships = new ArrayList<>();
    for (CSVRecord row : csv(RELATIONSHIPS)) {
      String where = RELATIONSHIPS + " line " + row.getRecordNumber();
      String officeId = required(row, "officeId", where);
      String partnerId = required(row, "partnerId", where);
      String established = optional(row, "establishedOn");
      Relationship relationship = Relationship.newBuilder()
          .setRelationshipId(officeId + "/" + partnerId)
          .setOfficeId(officeId)
          .setPartnerId(partnerId)
          .setPartnerNameEn(required(row, "partnerNameEn", where))
          .setPartnerNameLocal(optional(row, "partnerNameLocal"))
          .setPartnerNameZh(optional(row, "partnerNameZh"))
          .setCountry(required(row, "country", where))
          .setRegion(optional(row, "region"))
          .setKind(enumValue(RelationshipKind.class, required(row, "kind", where), where + " kind"))
          .setPartnerLevel(enumValue(PartnerLevel.class, required(row, "partnerLevel", where), where + " partnerLevel"))
          .setEstablishedOn(established == null ? null : date(established, where + " establishedOn"))
          .setStatus(enumValue(RelationshipStatus.class, required(row, "status", where), where + " status"))
          .setResponsibleOfficer(optional(row, "responsibleOfficer"))
          .setUpdatedAt(MASTER_DATA_UPDATED_AT)
          .build();
      Profile profile = enumValue(Profile.class, required(row, "profile", where), where + " profile");
      List<Domain> themes = Arrays.stream(required(row, "themes", where).split("\\s+"))
          .map(theme -> enumValue(Domain.class, theme, where + " themes")).toList();
      relationships.add(new DemoRelationship(relationship, profile, themes));
    }
    return relationships;
  }

  /** The dated facts as events, a fact repeated every year (everyYearUntil) as one event per year. */
  static List<SpecificRecord> facts() {
    JsonNode root;
    try (InputStream in = open(FACTS)) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FACTS + ": " + e.getMessage(), e);
    }
    JsonNode facts = root.path("facts");
    if (!facts.isArray()) {
      throw new IllegalStateException(FACTS + ": expected an object with a \"facts\" array");
    }
    List<SpecificRecord> events = new ArrayList<>();
    for (int i = 0; i < facts.size(); i++) {
      JsonNode json = facts.get(i);
      String where = FACTS + " facts[" + i + "] (" + json.path("eventId").asText("no eventId") + ")";
      LocalDate first = date(new Fact(json, 0, where).text("date"), where + " date");
      int lastYear = json.has("everyYearUntil") ? json.get("everyYearUntil").asInt() : first.getYear();
      for (int year = first.getYear(); year <= lastYear; year++) {
        events.add(new Fact(json, year, where).event());
      }
    }
    return events;
  }

  /** One object of facts.json, read as the event of one year (the year matters only for everyYearUntil). */
  private static final class Fact {
    private static final Set<String> COMMON = Set.of("eventId", "type", "office", "partners", "date", "endDate",
        "domains", "summary", "basis", "everyYearUntil");
    private final JsonNode json;
    private final int year;
    private final String where;
    private final Set<String> read = new HashSet<>(COMMON);

    Fact(JsonNode json, int year, String where) {
      this.json = json;
      this.year = year;
      this.where = where;
    }

    /** The event, its fields read as its schema says; "date" is the type's day field. */
    SpecificRecord event() {
      String type = text("type");
      EventType eventType = EventTypes.named(type)
          .orElseThrow(() -> new IllegalStateException(where + ": unknown type \"" + type + "\""));
      SpecificRecord event = (SpecificRecord) SpecificData.get().newRecord(null, eventType.schema());
      for (Schema.Field field : eventType.schema().getFields()) {
        event.put(field.pos(), field.name().equals(EventType.ENVELOPE) ? envelope()
            : field.name().equals(eventType.dayField()) ? day() : value(field));
      }
      for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!read.contains(name)) {
          throw new IllegalStateException(where + ": field \"" + name + "\" is not one of a " + type);
        }
      }
      return event;
    }

    private Envelope envelope() {
      String office = text("office");
      List<String> relationshipIds = new ArrayList<>();
      json.path("partners").forEach(partner -> relationshipIds.add(office + "/" + partner.asText()));
      if (relationshipIds.isEmpty()) {
        throw new IllegalStateException(where + ": \"partners\" must name at least one partner");
      }
      List<Domain> domains = new ArrayList<>();
      json.path("domains").forEach(domain -> domains.add(enumValue(Domain.class, domain.asText(), where + " domains")));
      return DemoEvents.envelope(text("eventId"), office, relationshipIds, day(), domains,
          "demo:" + text("basis"), optionalText("summary"));
    }

    private LocalDate day() {
      return date(text("date"), where + " date").withYear(year);
    }

    /** A field's value; required unless its schema allows null. A later date moves with a fact repeated every year. */
    private Object value(Schema.Field field) {
      boolean optional = field.schema().isNullable();
      Schema schema = EventType.withoutNull(field.schema());
      String name = field.name();
      if (optional && (json.get(name) == null || json.get(name).isNull())) {
        read.add(name);
        return null;
      }
      return switch (schema.getType()) {
        case ENUM -> enumField(schema, name);
        case STRING -> text(name);
        case INT -> schema.getLogicalType() instanceof LogicalTypes.Date ? laterDate(name) : optionalInt(name);
        case LONG -> optionalLong(name);
        case RECORD -> money(name);
        default -> throw new IllegalStateException(where + ": the demo cannot read " + name + " of " + schema);
      };
    }

    private LocalDate laterDate(String name) {
      return date(text(name), where + " " + name).plusYears(year - date(text("date"), where).getYear());
    }

    String text(String name) {
      String text = optionalText(name);
      if (text == null || text.isBlank()) {
        throw new IllegalStateException(where + ": \"" + name + "\" is required");
      }
      return text;
    }

    private String optionalText(String name) {
      read.add(name);
      JsonNode node = json.get(name);
      return node == null || node.isNull() ? null : node.asText().replace("{year}", Integer.toString(year));
    }

    private Integer optionalInt(String name) {
      read.add(name);
      JsonNode node = json.get(name);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.canConvertToInt()) {
        throw new IllegalStateException(where + ": \"" + name + "\" must be a whole number, not " + node);
      }
      return node.asInt();
    }

    private Long optionalLong(String name) {
      read.add(name);
      JsonNode node = json.get(name);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.canConvertToLong()) {
        throw new IllegalStateException(where + ": \"" + name + "\" must be a whole number, not " + node);
      }
      return node.asLong();
    }

    private Object enumField(Schema schema, String name) {
      String symbol = text(name);
      if (!schema.hasEnumSymbol(symbol)) {
        throw new IllegalStateException(where + " " + name + ": \"" + symbol + "\" is not one of " + schema.getEnumSymbols());
      }
      return SpecificData.get().createEnum(symbol, schema);
    }

    private Money money(String name) {
      read.add(name);
      JsonNode value = json.get(name);
      String where = this.where + " " + name;
      if (!value.path("amount").isNumber() || !value.path("currency").isTextual()) {
        throw new IllegalStateException(where + ": expected {\"amount\": number, \"currency\": \"USD\"}");
      }
      Currency currency;
      try {
        currency = Currency.getInstance(value.get("currency").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(where + ": unknown currency " + value.get("currency"), e);
      }
      BigDecimal minor = value.get("amount").decimalValue().movePointRight(Math.max(0, currency.getDefaultFractionDigits()));
      return new Money(minor.longValueExact(), currency.getCurrencyCode());
    }
  }

  private static Iterable<CSVRecord> csv(String resource) {
    try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
      return CSV.parse(reader).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = DemoFiles.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the classpath");
    }
    return in;
  }

  private static String required(CSVRecord row, String column, String where) {
    String value = optional(row, column);
    if (value == null) {
      throw new IllegalStateException(where + ": column " + column + " is required");
    }
    return value;
  }

  private static String optional(CSVRecord row, String column) {
    if (!row.isMapped(column)) {
      throw new IllegalStateException("no column " + column + " in the header");
    }
    String value = row.isSet(column) ? row.get(column) : null;
    return value == null || value.isBlank() ? null : value;
  }

  private static LocalDate date(String text, String where) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + ": \"" + text + "\" is not a date (yyyy-mm-dd)", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": \"" + name + "\" is not one of " + Arrays.toString(type.getEnumConstants()), e);
    }
  }
}
