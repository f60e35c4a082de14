package org.amity.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amity.registry.RegisteredSchema;
import org.amity.registry.RegistryException;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in Confluent's wire format: magic byte 0, the schema's registry id as a 4-byte
 * big-endian int, then the Avro binary encoding. Works for specific and generic records and primitives.
 */
public class AvroSerializer<T> implements Serializer<T> {
  /** Each thread's encoder, pointed at the next record's output every time. */
  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  static {
    ContractClasses.trust();
  }

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private boolean isKey;
  private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  public AvroSerializer() {}

  /** A serializer that uses this registry client instead of one made from {@code schema.registry.url}. */
  public AvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs, registry == null);
    this.isKey = isKey;
    if (registry == null) {
      registry = config.registry().newClient();
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = AvroSchemas.schemaOf(data);
    String subject = config.subjectNameStrategy(isKey).subject(topic, isKey, schema);
    RegisteredSchema writerSchema = writerSchema(subject, schema);
    return encode(writerSchema.id(), writerSchema.schema(), data);
  }

  private RegisteredSchema writerSchema(String subject, Schema schema) {
    try {
      if (config.useLatestVersion()) {
        return latest(subject);
      }
      if (config.autoRegisterSchemas()) {
        return new RegisteredSchema(subject, registry.register(subject, schema), 0, schema);
      }
      return new RegisteredSchema(subject, registry.lookup(subject, schema).id(), 0, schema);
    } catch (RegistryException e) {
      throw new SerializationException("Cannot get a schema id for subject '" + subject + "' ("
          + (config.useLatestVersion() ? "latest version" : config.autoRegisterSchemas() ? "registering" : "looking up")
          + " schema " + schema.getFullName() + "): " + e.getMessage() + " [error code " + e.errorCode() + "]", e);
    }
  }

  private RegisteredSchema latest(String subject) {
    long now = System.currentTimeMillis();
    CachedLatest cached = latestBySubject.get(subject);
    if (cached != null && (config.latestCacheTtlSeconds() < 0 || now < cached.expiresAt())) {
      return cached.schema();
    }
    RegisteredSchema latest = registry.latest(subject);
    latestBySubject.put(subject, new CachedLatest(latest, now + config.latestCacheTtlSeconds() * 1000));
    return latest;
  }

  private byte[] encode(int id, Schema schema, Object data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(WireFormat.ID_SIZE).putInt(id).array());
    try {
      // buffered: a direct encoder writes the stream byte by byte, each write synchronized
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
      ENCODERS.set(encoder);
      writers.computeIfAbsent(schema, s -> writerFor(s, data)).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write " + schema.getFullName() + " with schema id " + id
          + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(Schema schema, Object data) {
    if (data instanceof SpecificRecord) {
      return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
    }
    return new GenericDatumWriter<>(schema);
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private record CachedLatest(RegisteredSchema schema, long expiresAt) {}
}
