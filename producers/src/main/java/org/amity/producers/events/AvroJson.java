package org.amity.producers.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.amity.contract.EventType;
import org.amity.contract.Problem;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads JSON into Avro records of the generated classes, field by field as the schema says: dates as
 * "2024-07-10", times as ISO-8601 with an offset, enums by symbol (any case). Every problem is collected
 * with its path instead of stopping at the first.
 */
public final class AvroJson {
  /** The reason of a required field left out. */
  public static final String REQUIRED = "必填 / is required";
  private static final String RECORDED_AT = "recordedAt";

  private AvroJson() {}

  /** A record of the schema read from a JSON object; fields the schema does not have are refused. */
  public static SpecificRecord read(JsonNode json, Schema schema, List<Problem> problems) {
    if (json == null || !json.isObject()) {
      problems.add(Problem.of("(body)", "须为 JSON 对象，字段为 " + fieldNames(schema),
          "must be a JSON object with fields " + fieldNames(schema)));
      return null;
    }
    refuseUnknownFields(json, "", schema, problems);
    return record(json, "", schema, problems, null);
  }

  static void refuseUnknownFields(JsonNode json, String path, Schema schema, List<Problem> problems) {
    List<String> known = fieldNames(schema);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(unknownField(join(path, name), schema, known));
      }
    }
  }

  static Problem unknownField(String at, Schema schema, Collection<String> known) {
    return Problem.of(at, schema.getName() + " 没有这个字段；已知字段：" + known,
        "unknown field for " + schema.getName() + "; known fields: " + known);
  }

  static SpecificRecord record(JsonNode json, String path, Schema schema, List<Problem> problems, Instant recordedAt) {
    SpecificRecord record = newRecord(schema);
    for (Field field : schema.getFields()) {
      if (field.name().equals(RECORDED_AT) && recordedAt != null && json.get(RECORDED_AT) == null) {
        record.put(field.pos(), recordedAt);
      } else {
        putUnlessNull(record, field, field(json, path, field, problems));
      }
    }
    return record;
  }

  static Object field(JsonNode json, String path, Field field, List<Problem> problems) {
    JsonNode value = json.get(field.name());
    String at = join(path, field.name());
    if (value == null || value.isNull()) {
      if (isNullable(field.schema())) {
        return null;
      }
      if (field.hasDefaultValue()) {
        return SpecificData.get().deepCopy(field.schema(), SpecificData.get().getDefaultValue(field));
      }
      problems.add(new Problem(at, REQUIRED));
      return null;
    }
    return value(value, at, field.schema(), problems);
  }

  private static Object value(JsonNode value, String at, Schema schema, List<Problem> problems) {
    switch (schema.getType()) {
      case UNION:
        return value(value, at, EventType.withoutNull(schema), problems);
      case STRING:
        if (!value.isTextual()) {
          return problem(problems, at, "须为字符串", "must be a string");
        }
        return value.asText();
      case INT:
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
          return date(value, at, problems);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
          return problem(problems, at, "须为整数", "must be a whole number");
        }
        return value.intValue();
      case LONG:
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          return instant(value, at, problems);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          return problem(problems, at, "须为整数", "must be a whole number");
        }
        return value.longValue();
      case BOOLEAN:
        if (!value.isBoolean()) {
          return problem(problems, at, "须为 true 或 false", "must be true or false");
        }
        return value.booleanValue();
      case DOUBLE:
        if (!value.isNumber()) {
          return problem(problems, at, "须为数字", "must be a number");
        }
        return value.doubleValue();
      case ENUM:
        return symbol(value, at, schema, problems);
      case ARRAY:
        return array(value, at, schema, problems);
      case RECORD:
        if (!value.isObject()) {
          return problem(problems, at, "须为对象，字段为 " + fieldNames(schema), "must be an object with fields " + fieldNames(schema));
        }
        refuseUnknownFields(value, at, schema, problems);
        return record(value, at, schema, problems, null);
      default:
        return problem(problems, at, "类型 " + schema.getType() + " 不受支持", "has an unsupported type " + schema.getType());
    }
  }

  private static Object symbol(JsonNode value, String at, Schema schema, List<Problem> problems) {
    String symbol = value.isTextual() ? value.asText().trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_') : null;
    if (symbol == null || !schema.getEnumSymbols().contains(symbol)) {
      return problem(problems, at, "须为 " + schema.getEnumSymbols() + " 之一，而不是 " + value,
          "must be one of " + schema.getEnumSymbols() + ", not " + value);
    }
    return SpecificData.get().createEnum(symbol, schema);
  }

  private static Object array(JsonNode value, String at, Schema schema, List<Problem> problems) {
    if (!value.isArray()) {
      return problem(problems, at, "须为 JSON 数组", "must be a JSON array");
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(value(value.get(i), at + "[" + i + "]", schema.getElementType(), problems));
    }
    return items;
  }

  private static Object date(JsonNode value, String at, List<Problem> problems) {
    try {
      if (value.isTextual()) {
        return LocalDate.parse(value.asText().trim());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    return problem(problems, at, "须为 \"2024-07-10\" 这样的日期，而不是 " + value,
        "must be a date like \"2024-07-10\", not " + value);
  }

  private static Object instant(JsonNode value, String at, List<Problem> problems) {
    if (value.isTextual()) {
      String text = value.asText().trim();
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
          // reported below
        }
      }
    }
    return problem(problems, at, "须为 \"2024-07-10T09:30:00+08:00\" 这样的时间或 \"2024-07-10\" 这样的日期，而不是 " + value,
        "must be a time like \"2024-07-10T09:30:00+08:00\" or a date like \"2024-07-10\", not " + value);
  }

  private static Object problem(List<Problem> problems, String at, String zh, String en) {
    problems.add(Problem.of(at, zh, en));
    return null;
  }

  /** A missing or refused value is a problem already; left out, since a field of a primitive type cannot hold null. */
  static void putUnlessNull(SpecificRecord record, Field field, Object value) {
    if (value != null) {
      record.put(field.pos(), value);
    }
  }

  static SpecificRecord newRecord(Schema schema) {
    return (SpecificRecord) SpecificData.get().newRecord(null, schema);
  }

  private static boolean isNullable(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
  }


  private static List<String> fieldNames(Schema record) {
    return record.getFields().stream().map(Field::name).toList();
  }

  private static String join(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }

  static String pathOr(String path) {
    return path == null || path.isEmpty() ? "(body)" : path;
  }
}
