package org.amity.streams.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amity.events.Envelope;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Small helpers over the generated event classes. */
public final class Events {
  private static final Map<Schema, DatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

  private Events() {}

  /**
   * The envelope every event carries.
   *
   * @throws IllegalArgumentException for a record without one
   */
  public static Envelope envelopeOf(SpecificRecord event) {
    Schema.Field field = event.getSchema().getField("envelope");
    if (field == null || !(event.get(field.pos()) instanceof Envelope envelope)) {
      throw new IllegalArgumentException(event.getSchema().getName() + " carries no envelope");
    }
    return envelope;
  }

  /**
   * A 64-bit hash of the whole event (Avro's CRC-64 of its binary encoding): the same event always gives the same
   * key. It decides, without regard to arrival order, between two different events sent with the same eventId. The
   * streams application takes it from the bytes as they arrived ({@code ArrivedEvent}): the same for an event written
   * with its own schema.
   */
  public static long contentKey(SpecificRecord event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    try {
      WRITERS.computeIfAbsent(event.getSchema(), SpecificDatumWriter::new).write(event, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SchemaNormalization.fingerprint64(bytes.toByteArray());
  }
}
