package org.amity.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a value the serializer is given: a record, an enum, or a primitive, as Confluent's. */
final class AvroSchemas {
  private AvroSchemas() {}

  static Schema schemaOf(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof CharSequence) {
      return Schema.create(Schema.Type.STRING);
    }
    if (value instanceof Integer) {
      return Schema.create(Schema.Type.INT);
    }
    if (value instanceof Long) {
      return Schema.create(Schema.Type.LONG);
    }
    if (value instanceof Boolean) {
      return Schema.create(Schema.Type.BOOLEAN);
    }
    if (value instanceof Double) {
      return Schema.create(Schema.Type.DOUBLE);
    }
    if (value instanceof Float) {
      return Schema.create(Schema.Type.FLOAT);
    }
    if (value instanceof byte[] || value instanceof ByteBuffer) {
      return Schema.create(Schema.Type.BYTES);
    }
    throw new SerializationException("Cannot write a " + value.getClass().getName()
        + " as Avro: expected an Avro record, enum or fixed, or a string, number, boolean or bytes");
  }
}
