package org.amity.producers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.amity.contract.EventTypes;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.json.RecordJson;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads an event from JSON as office systems send it: a flat object whose {@code type} names the event
 * type, with the envelope's fields beside the type's own, e.g.
 * {@code {"type":"DelegationVisited","eventId":"...","occurredAt":"2024-07-10T09:00:00+08:00","office":"shanghai",
 * "relationshipIds":["shanghai/nl-rotterdam"],"domains":["URBAN_DEVELOPMENT"],"source":"visits-db",
 * "direction":"INBOUND","level":"HEAD_OF_GOVERNMENT","startDate":"2024-07-10"}}.
 * The mapping follows the Avro schema, so every field the schema has is accepted and every other is refused.
 * Every problem is collected with its path; nothing is half-read.
 */
public final class EventJson {
  public static final String TYPE = "type";
  private static final String ENVELOPE = "envelope";

  private EventJson() {}

  /** The event, or an {@link InvalidInputException} listing every problem found. */
  public static SpecificRecord read(JsonNode json, String path, Instant recordedAt) {
    List<Problem> problems = new ArrayList<>();
    SpecificRecord event = read(json, path, recordedAt, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return event;
  }

  private static SpecificRecord read(JsonNode json, String path, Instant recordedAt, List<Problem> problems) {
    if (json == null || !json.isObject()) {
      problems.add(Problem.of(AvroJson.pathOr(path), "须为含 \"type\" 字段的 JSON 对象", "must be a JSON object with a \"type\" field"));
      return null;
    }
    JsonNode type = json.get(TYPE);
    if (type == null || !type.isTextual() || EventTypes.topic(type.asText()).isEmpty()) {
      problems.add(type == null
          ? Problem.of(join(path, TYPE), "必填，须为 " + EventTypes.names() + " 之一", "is required: one of " + EventTypes.names())
          : Problem.of(join(path, TYPE), "未知的事件类型 " + type + "，须为 " + EventTypes.names() + " 之一",
              "unknown event type " + type + "; one of " + EventTypes.names()));
      return null;
    }
    Schema schema = EventTypes.schema(type.asText());
    Schema envelopeSchema = schema.getField(ENVELOPE).schema();
    refuseUnknownFields(json, path, schema, envelopeSchema, problems);
    SpecificRecord envelope = AvroJson.record(json, path, envelopeSchema, problems, recordedAt);
    SpecificRecord event = AvroJson.newRecord(schema);
    for (Field field : schema.getFields()) {
      Object value = field.name().equals(ENVELOPE) ? envelope : AvroJson.field(json, path, field, problems);
      AvroJson.putUnlessNull(event, field, value);
    }
    return event;
  }

  /** The event as JSON in the flat shape {@link #read} takes. */
  public static ObjectNode write(SpecificRecord event) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put(TYPE, event.getSchema().getName());
    json.setAll(RecordJson.write(EventTypes.envelopeOf(event)));
    ObjectNode fields = RecordJson.write(event);
    fields.remove(ENVELOPE);
    json.setAll(fields);
    return json;
  }

  private static void refuseUnknownFields(JsonNode json, String path, Schema schema, Schema envelope, List<Problem> problems) {
    Set<String> known = new TreeSet<>(List.of(TYPE));
    schema.getFields().forEach(f -> known.add(f.name()));
    envelope.getFields().forEach(f -> known.add(f.name()));
    known.remove(ENVELOPE);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(AvroJson.unknownField(join(path, name), schema, known));
      }
    }
  }

  private static String join(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }
}
