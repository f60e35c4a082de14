package org.amity.producers.sheet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.amity.contract.Problem;
import org.amity.events.Domain;
import org.amity.labels.Labels;
import org.amity.producers.events.EventJson;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Turns one row of an exchange log into the flat JSON {@link EventJson} reads: {@code type}, the envelope's
 * fields ({@code occurredAt} from the date, {@code office}, {@code relationshipIds}, {@code domains},
 * {@code source} = "import:" + the file name) and the type's own fields ({@code startDate}, {@code signedOn}
 * or {@code reachedOn} from the date, ...). {@code recordedAt} is left to the reader (the import time).
 *
 * <p>Cells are normalised on the way: dates in any of the accepted forms become "2024-07-10", words become
 * the schema's symbols (来访 is INBOUND), numbers lose thousands separators, ids are lower case, domains are
 * sorted. When the row has no event_id, its eventId is "import:" followed by the first 32 hex digits of the
 * SHA-256 of those normalised values (one "column=value" line per non-empty column, sorted; the
 * partners as their full relationship ids under "partner") — the same row gives the same id in every
 * import, whatever the file is called, where the row sits, or which header language or date form it uses.
 */
public final class RowMapper {
  public static final String DERIVED_ID_PREFIX = "import:";
  /** The stem of the eventIds of a row with a row id: its versions are STEM:1, STEM:2, ... each correcting the one before. */
  public static final String ROW_ID_PREFIX = "import:row:";
  /** A partner id as written, the part of a relationship id after the office ("nl-rotterdam"); anything else is a name. */
  private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9-]+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；,，、\\n]");
  private static final Pattern THOUSANDS = Pattern.compile("[,，\\s]");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ColumnLayout layout;
  private final String office;
  private final String source;
  private final NameLookup names;

  /**
   * @param office the office the import is for (--office), or null to take it from each row
   * @param fileName the file's name, for the events' source ("import:visits-2024.xlsx")
   */
  public RowMapper(ColumnLayout layout, String office, String fileName) {
    this(layout, office, fileName, NameLookup.IDS_ONLY);
  }

  public RowMapper(ColumnLayout layout, String office, String fileName, NameLookup names) {
    this.layout = layout;
    this.office = office == null || office.isBlank() ? null : office.strip().toLowerCase(Locale.ROOT);
    this.source = "import:" + fileName;
    this.names = names;
  }

  public MappedRow map(Sheet.Row row) {
    return new Mapping(row).map();
  }

  /** "import:" and the first 32 hex digits of the SHA-256 of the lines, joined by "\n". */
  static String derivedId(List<String> lines) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      return DERIVED_ID_PREFIX + HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The work on one row. */
  private final class Mapping {
    private final Sheet.Row row;
    private String rowKey;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Column, String> normalised = new EnumMap<>(Column.class);
    private final List<Column> relationshipColumns = new ArrayList<>();
    private final ObjectNode json = NODES.objectNode();
    private String type;
    private boolean officeUnknown;

    Mapping(Sheet.Row row) {
      this.row = row;
    }

    MappedRow map() {
      String typeText = text(Column.TYPE);
      if (typeText.isEmpty()) {
        problem(Column.TYPE, Vocabulary.TYPES.requiredInBothLanguages());
        return done(null);
      }
      Optional<String> known = Vocabulary.TYPES.symbol(typeText);
      if (known.isEmpty()) {
        problem(Column.TYPE, Vocabulary.TYPES.unknownInBothLanguages(typeText));
        return done(null);
      }
      type = known.get();
      normalised.put(Column.TYPE, type);
      json.put(EventJson.TYPE, type);
      refuseUnusedColumns();
      envelope();
      ownFields(SheetForm.of(type));
      String eventId = text(Column.EVENT_ID);
      String rowId = text(Column.ROW_ID);
      if (eventId.isEmpty() && !rowId.isEmpty()) {
        rowKey = ROW_ID_PREFIX + derivedId(List.of(String.valueOf(json.path("office").asText(null)), rowId))
            .substring(DERIVED_ID_PREFIX.length());
        eventId = rowKey + ":1";
      } else if (eventId.isEmpty()) {
        eventId = derivedId(normalised.entrySet().stream().map(e -> e.getKey().english() + "=" + e.getValue()).sorted().toList());
      }
      json.put("eventId", eventId);
      return done(eventId);
    }

    private MappedRow done(String eventId) {
      return new MappedRow(row, type, type == null ? null : json, eventId, problems, layout, relationshipColumns, rowKey);
    }

    private void refuseUnusedColumns() {
      for (Column column : layout.columns()) {
        if (!column.usedBy(type) && !text(column).isEmpty()) {
          List<Column> used = Column.usedBy(type, EnumSet.allOf(Column.class)).stream().filter(c -> !c.everyType()).toList();
          problem(column, Labels.both(language -> Labels.format("import.notUsed", language, type, used.stream()
              .map(c -> language.equals(Labels.ZH) ? c.chinese() : c.english()).collect(Collectors.joining(", ")))));
        }
      }
    }

    /** The type's own fields, each as its schema says: a word of a vocabulary, text, a whole number, a day, money. */
    private void ownFields(SheetForm form) {
      for (SheetForm.Filled filled : form.fields()) {
        String field = filled.field().name();
        Column column = filled.columns().stream().filter(c -> !text(c).isEmpty()).findFirst()
            .orElse(filled.columns().get(0));
        Schema schema = filled.schema();
        switch (schema.getType()) {
          case ENUM -> word(field, column, Vocabulary.forEnum(schema));
          case STRING -> text(field, column);
          case INT, LONG -> {
            if (schema.getLogicalType() instanceof LogicalTypes.Date) {
              date(field, column);
            } else {
              whole(field, column);
            }
          }
          default -> money(field, column);
        }
      }
      String day = form.eventType().dayField();
      if (day != null && json.has("occurredAt")) {
        // the date column, as occurredAt has it (its problems are reported once, there)
        json.put(day, json.get("occurredAt").asText());
      }
    }

    private void envelope() {
      date("occurredAt", Column.DATE);
      String rowOffice = resolveOffice();
      relationships(rowOffice);
      domains();
      json.put("source", source);
      text("summary", Column.SUMMARY);
      text("corrects", Column.CORRECTS);
    }

    private String resolveOffice() {
      String cell = officeInCell();
      String resolved = null;
      if (!cell.isEmpty()) {
        if (office != null && !office.equals(cell) && !officeUnknown) {
          problem(Column.OFFICE, say("import.otherOffice", cell, office));
        }
        resolved = cell;
      } else if (office != null) {
        resolved = office;
      } else {
        for (String partner : partnerCells(Column.PARTNER)) {
          if (partner.contains("/")) {
            resolved = partner.substring(0, partner.indexOf('/')).toLowerCase(Locale.ROOT);
            break;
          }
        }
      }
      if (resolved != null) {
        json.put("office", resolved);
        normalised.put(Column.OFFICE, resolved);
      }
      return resolved;
    }

    /** The id of the office the office column names, by id or by name; "" when the column is empty. */
    private String officeInCell() {
      String written = text(Column.OFFICE);
      if (written.isEmpty()) {
        return "";
      }
      Optional<String> id = names.office().apply(written);
      if (id.isPresent()) {
        return id.get();
      }
      problem(Column.OFFICE, say("office.unknown", written));
      officeUnknown = true;
      return written.toLowerCase(Locale.ROOT);
    }

    private void relationships(String rowOffice) {
      Map<String, Column> ids = new LinkedHashMap<>();
      boolean missingOffice = false;
      boolean unknownName = false;
      for (Column column : List.of(Column.PARTNER, Column.PARTNERS)) {
        for (String partner : partnerCells(column)) {
          if (partner.contains("/")) {
            ids.putIfAbsent(partner.toLowerCase(Locale.ROOT), column);
          } else if (rowOffice != null) {
            Optional<String> found = names.partner().apply(rowOffice, partner);
            if (found.isEmpty() && !PARTNER_ID.matcher(partner).matches() && !officeUnknown) {
              problem(column, say("import.unknownPartner", rowOffice, partner));
              unknownName = true;
            } else {
              ids.putIfAbsent(found.orElse(rowOffice + "/" + partner.toLowerCase(Locale.ROOT)), column);
            }
          } else if (!missingOffice) {
            missingOffice = true;
            problem(Column.OFFICE, say("import.noOffice", partner));
          }
        }
      }
      if (ids.isEmpty() && !missingOffice && !unknownName) {
        problem(Column.PARTNER, say("import.partnerRequired"));
      }
      ArrayNode array = json.putArray("relationshipIds");
      ids.forEach((id, column) -> {
        array.add(id);
        relationshipColumns.add(column);
      });
      if (!ids.isEmpty()) {
        normalised.put(Column.PARTNER, String.join(";", ids.keySet()));
      }
    }

    /** The partners a cell names, as written: ids ("shanghai/nl-rotterdam", "nl-rotterdam") or names ("萨克拉门托"). */
    private List<String> partnerCells(Column column) {
      return split(text(column)).stream().map(p -> p.replaceAll("\\s*/\\s*", "/")).toList();
    }

    private void domains() {
      List<Domain> domains = new ArrayList<>();
      for (String word : split(text(Column.DOMAINS))) {
        Optional<String> symbol = Vocabulary.DOMAIN.symbol(word);
        if (symbol.isEmpty()) {
          problem(Column.DOMAINS, Vocabulary.DOMAIN.unknownInBothLanguages(word));
        } else if (!domains.contains(Domain.valueOf(symbol.get()))) {
          domains.add(Domain.valueOf(symbol.get()));
        }
      }
      domains.sort(null);
      ArrayNode array = json.putArray("domains");
      domains.forEach(d -> array.add(d.name()));
      if (!domains.isEmpty()) {
        normalised.put(Column.DOMAINS, domains.stream().map(Domain::name).collect(Collectors.joining(";")));
      }
    }

    private void text(String field, Column column) {
      String text = text(column);
      if (!text.isEmpty()) {
        json.put(field, text);
        normalised.put(column, text);
      }
    }

    private void word(String field, Column column, Vocabulary vocabulary) {
      String text = text(column);
      if (text.isEmpty()) {
        return;
      }
      Optional<String> symbol = vocabulary.symbol(text);
      if (symbol.isEmpty()) {
        problem(column, vocabulary.unknownInBothLanguages(text));
        return;
      }
      json.put(field, symbol.get());
      normalised.put(column, symbol.get());
    }

    private LocalDate date(String field, Column column) {
      String text = text(column);
      if (text.isEmpty()) {
        return null;
      }
      Optional<LocalDate> date = WrittenDate.parse(text);
      if (date.isEmpty()) {
        problem(column, say("import.date", text));
        return null;
      }
      json.put(field, date.get().toString());
      normalised.put(column, date.get().toString());
      return date.get();
    }

    private void whole(String field, Column column) {
      String text = text(column);
      if (text.isEmpty()) {
        return;
      }
      BigDecimal number = number(text);
      if (number == null || number.stripTrailingZeros().scale() > 0) {
        problem(column, say("import.whole", text));
        return;
      }
      try {
        long value = number.longValueExact();
        json.put(field, value);
        normalised.put(column, Long.toString(value));
      } catch (ArithmeticException e) {
        problem(column, say("import.tooLarge", text));
      }
    }

    /** A {@code Money} field: the amount from the column, the currency from the currency column. */
    private void money(String field, Column column) {
      String amountText = text(column);
      String currencyText = text(Column.CURRENCY);
      if (amountText.isEmpty()) {
        if (!currencyText.isEmpty()) {
          problem(Column.CURRENCY, say("import.currencyWithoutValue"));
        }
        return;
      }
      BigDecimal amount = number(amountText);
      if (amount == null) {
        problem(column, say("import.amount", amountText));
      }
      String code = currency(currencyText);
      if (amount == null || code == null) {
        return;
      }
      int digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
      BigDecimal minor = amount.movePointRight(digits);
      if (minor.stripTrailingZeros().scale() > 0) {
        problem(column, say("import.decimals", code, String.valueOf(digits), amountText));
        return;
      }
      try {
        long amountMinor = minor.longValueExact();
        json.putObject(field).put("amountMinor", amountMinor).put("currency", code);
        normalised.put(column, amount.stripTrailingZeros().toPlainString());
        normalised.put(Column.CURRENCY, code);
      } catch (ArithmeticException e) {
        problem(column, say("import.tooLarge", amountText));
      }
    }

    private String currency(String text) {
      if (text.isEmpty()) {
        problem(Column.CURRENCY, say("import.currencyRequired"));
        return null;
      }
      String code = Vocabulary.CURRENCY.symbol(text).orElse(text.toUpperCase(Locale.ROOT));
      try {
        if (code.matches("[A-Z]{3}")) {
          return Currency.getInstance(code).getCurrencyCode();
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
      problem(Column.CURRENCY, say("import.currency", text));
      return null;
    }

    private BigDecimal number(String text) {
      try {
        return new BigDecimal(THOUSANDS.matcher(text).replaceAll(""));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private String text(Column column) {
      return layout.text(row, column).replace("\r\n", "\n");
    }

    private void problem(Column column, String reason) {
      problems.add(new Problem(layout.label(column), reason));
    }

    /** A message in Chinese and English. */
    private String say(String key, Object... arguments) {
      return Labels.both(key, arguments);
    }

  }

  private static List<String> split(String text) {
    return LIST_SEPARATOR.splitAsStream(text).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
