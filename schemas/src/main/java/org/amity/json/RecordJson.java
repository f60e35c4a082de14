package org.amity.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as plain JSON: fields by name, dates and times as ISO-8601 text, enums by symbol, no union tags. The
 * streams query API and the dashboard both answer with it, so they answer alike.
 */
public final class RecordJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordJson() {}

  public static ObjectNode write(IndexedRecord record) {
    ObjectNode json = NODES.objectNode();
    for (Field field : record.getSchema().getFields()) {
      json.set(field.name(), toJson(record.get(field.pos())));
    }
    return json;
  }

  static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof IndexedRecord record) {
      return write(record);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      new TreeMap<>(map).forEach((key, item) -> object.set(key.toString(), toJson(item)));
      return object;
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(value.toString());
  }
}
