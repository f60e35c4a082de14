package org.amity.producers.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.partners.Relationship;
import org.amity.producers.events.EventJson;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/** The ingest API's OpenAPI 3.1 document, with the request bodies derived from the Avro schemas. */
final class OpenApiDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCUMENT = build().toPrettyString();

  private OpenApiDocument() {}

  static String json() {
    return DOCUMENT;
  }

  private static ObjectNode build() {
    ObjectNode doc = JSON.createObjectNode().put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Amity ingest API").put("version", "1")
        .put("description", "Offices report exchanges with their partners. Every answer other than 2xx means nothing was written.");
    doc.putArray("security").addObject().putArray("officeToken");
    ObjectNode components = doc.putObject("components");
    components.putObject("securitySchemes").putObject("officeToken").put("type", "http").put("scheme", "bearer");
    ObjectNode schemas = components.putObject("schemas");
    ArrayNode oneOf = JSON.createArrayNode();
    for (String type : EventTypes.names()) {
      schemas.set(type, eventSchema(type));
      oneOf.addObject().put("$ref", "#/components/schemas/" + type);
    }
    schemas.putObject("Event").set("oneOf", oneOf);
    schemas.set("Relationship", record(Relationship.getClassSchema()));
    schemas.set("Error", errorSchema());
    ObjectNode paths = doc.putObject("paths");
    paths.set("/api/v1/events", eventsPath());
    paths.putObject("/api/v1/relationships").putObject("get").put("summary", "The office's relationships")
        .putObject("responses").putObject("200").put("description", "the relationships");
    ObjectNode relationship = paths.putObject("/api/v1/relationships/{partnerId}");
    relationship.putObject("get").put("summary", "One relationship of the office").putObject("responses")
        .putObject("200").put("description", "the relationship");
    ObjectNode put = relationship.putObject("put").put("summary", "Create or update a relationship of the office");
    put.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/Relationship");
    put.putObject("responses").putObject("200").put("description", "stored");
    paths.putObject("/health/live").putObject("get").put("summary", "Liveness probe: the process serves").putArray("security");
    paths.putObject("/health/ready").putObject("get").put("summary", "Readiness probe: Kafka and the schema registry answer")
        .putArray("security");
    paths.putObject("/metrics").putObject("get").put("summary", "Metrics in Prometheus' text format").putArray("security");
    return doc;
  }

  private static ObjectNode eventsPath() {
    ObjectNode post = JSON.createObjectNode();
    ObjectNode op = post.putObject("post").put("summary", "Report one event, or a batch written all-or-nothing")
        .put("description", "Body: one event, an array of events, or {\"events\": [...]}. `office` defaults to the token's office; "
            + "`recordedAt` to now. Sending an eventId again writes nothing and answers duplicate: true.");
    ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/json").putObject("schema");
    ArrayNode oneOf = schema.putArray("oneOf");
    oneOf.addObject().put("$ref", "#/components/schemas/Event");
    oneOf.addObject().put("type", "array").putObject("items").put("$ref", "#/components/schemas/Event");
    ObjectNode batch = oneOf.addObject().put("type", "object");
    batch.putObject("properties").putObject("events").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Event");
    ObjectNode responses = op.putObject("responses");
    responses.putObject("202").put("description", "written and acknowledged by Kafka (or already written: duplicate)");
    String[][] errors = {{"400", "broken JSON"}, {"401", "no or unknown token"}, {"403", "another office's relationship"},
        {"409", "eventId already used for another event"}, {"413", "body or batch too large"}, {"415", "not application/json"},
        {"422", "invalid fields or unknown relationship"}, {"503", "Kafka unavailable; send again"}};
    for (String[] error : errors) {
      responses.putObject(error[0]).put("description", error[1]).putObject("content").putObject("application/json")
          .putObject("schema").put("$ref", "#/components/schemas/Error");
    }
    return post;
  }

  private static ObjectNode eventSchema(String type) {
    Schema schema = EventTypes.schema(type);
    ObjectNode json = JSON.createObjectNode().put("type", "object").put("description", String.valueOf(schema.getDoc()));
    ObjectNode properties = json.putObject("properties");
    properties.putObject(EventJson.TYPE).putArray("enum").add(type);
    ArrayNode required = json.putArray("required").add(EventJson.TYPE);
    for (Field field : schema.getField("envelope").schema().getFields()) {
      property(field, properties, required);
    }
    for (Field field : schema.getFields()) {
      if (!field.name().equals("envelope")) {
        property(field, properties, required);
      }
    }
    return json;
  }

  private static ObjectNode record(Schema schema) {
    ObjectNode json = JSON.createObjectNode().put("type", "object");
    ObjectNode properties = json.putObject("properties");
    ArrayNode required = json.putArray("required");
    schema.getFields().forEach(field -> property(field, properties, required));
    return json;
  }

  private static void property(Field field, ObjectNode properties, ArrayNode required) {
    ObjectNode property = type(field.schema());
    if (field.doc() != null) {
      property.put("description", field.doc());
    }
    properties.set(field.name(), property);
    boolean optional = field.hasDefaultValue() || field.schema().getType() == Schema.Type.UNION
        || field.name().equals("recordedAt") || field.name().equals("office");
    if (!optional) {
      required.add(field.name());
    }
  }

  private static ObjectNode type(Schema schema) {
    ObjectNode json = JSON.createObjectNode();
    switch (schema.getType()) {
      case UNION -> {
        return type(EventType.withoutNull(schema));
      }
      case STRING -> json.put("type", "string");
      case INT -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
          json.put("type", "string").put("format", "date");
        } else {
          json.put("type", "integer");
        }
      }
      case LONG -> {
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          json.put("type", "string").put("format", "date-time");
        } else {
          json.put("type", "integer");
        }
      }
      case BOOLEAN -> json.put("type", "boolean");
      case DOUBLE, FLOAT -> json.put("type", "number");
      case ENUM -> {
        json.put("type", "string");
        ArrayNode symbols = json.putArray("enum");
        schema.getEnumSymbols().forEach(symbols::add);
      }
      case ARRAY -> {
        json.put("type", "array");
        json.set("items", type(schema.getElementType()));
      }
      case RECORD -> {
        return record(schema);
      }
      default -> json.put("type", "string");
    }
    return json;
  }

  private static ObjectNode errorSchema() {
    ObjectNode error = JSON.createObjectNode().put("type", "object");
    ObjectNode properties = error.putObject("properties");
    properties.putObject("status").put("type", "integer");
    properties.putObject("error").put("type", "string");
    ObjectNode problem = properties.putObject("problems").put("type", "array").putObject("items").put("type", "object");
    problem.putObject("properties").putObject("path").put("type", "string");
    ((ObjectNode) problem.get("properties")).putObject("reason").put("type", "string");
    return error;
  }
}
