package org.amity.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amity.registry.RegistryException;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values in Confluent's wire format. Bad bytes never give a null or a partial record: a wrong magic
 * byte, a payload too short for the header, an unknown schema id, a truncated or over-long Avro body each
 * raise a {@link SerializationException} that says which. A null payload (a tombstone) reads as null.
 * With {@code specific.avro.reader=true} records come back as their generated classes, otherwise generic.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  static {
    ContractClasses.trust();
  }

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  public AvroDeserializer() {}

  /** A deserializer that uses this registry client instead of one made from {@code schema.registry.url}. */
  public AvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs, registry == null);
    if (registry == null) {
      registry = config.registry().newClient();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    int id = schemaId(topic, data);
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    Object value;
    try {
      value = readerFor(topic, id).read(null, decoder);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
             | ClassCastException e) {
      throw new SerializationException("Truncated or corrupt Avro payload on topic '" + topic + "' (schema id "
          + id + ", " + data.length + " bytes): " + e, e);
    }
    if (!isEnd(decoder)) {
      throw new SerializationException("Corrupt Avro payload on topic '" + topic + "' (schema id " + id
          + "): bytes left over after the record; the payload does not match its schema");
    }
    return (T) value;
  }

  private static int schemaId(String topic, byte[] data) {
    if (data.length < WireFormat.HEADER_SIZE) {
      throw new SerializationException("Truncated payload on topic '" + topic + "': " + data.length
          + " bytes, too short for the Confluent wire format header (magic byte and 4-byte schema id)");
    }
    if (data[0] != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x on topic '%s': expected 0x00 (Confluent wire format); not an Avro record written with a schema registry",
          data[0], topic));
    }
    return ByteBuffer.wrap(data, 1, WireFormat.ID_SIZE).getInt();
  }

  private DatumReader<Object> readerFor(String topic, int id) {
    DatumReader<Object> reader = readers.get(id);
    if (reader == null) {
      reader = newReader(topic, id);
      readers.put(id, reader);
    }
    return reader;
  }

  private DatumReader<Object> newReader(String topic, int id) {
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (RegistryException e) {
      String what = e.errorCode() == RegistryException.SCHEMA_NOT_FOUND ? "Unknown schema id " + id : "Cannot fetch schema id " + id;
      throw new SerializationException(what + " on topic '" + topic + "': " + e.getMessage(), e);
    }
    if (!config.specificAvroReader() || !isNamed(writer)) {
      return new GenericDatumReader<>(writer);
    }
    SpecificData specificData = new SpecificData();
    Class<?> type = specificData.getClass(writer);
    if (type == null || type == Object.class) {
      throw new SerializationException("No generated class " + writer.getFullName()
          + " on the classpath to read schema id " + id + " on topic '" + topic + "' (specific.avro.reader=true)");
    }
    Schema reader = SpecificData.get().getSchema(type);
    return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(type));
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  private static boolean isEnd(BinaryDecoder decoder) {
    try {
      return decoder.isEnd();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
