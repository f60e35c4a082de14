package org.amity.producers.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.amity.contract.EventTypes;
import org.amity.events.Envelope;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * What an event says, as a SHA-256 hex string: equal for two sends of the same event, whenever they were
 * recorded and through whichever system or file they came ({@code recordedAt} and {@code source} are left out).
 * Tells a repeated send (same eventId, same content) from a clash (same eventId, other content).
 */
public final class EventFingerprint {
  private EventFingerprint() {}

  public static String of(SpecificRecord event) {
    SpecificRecord copy = SpecificData.get().deepCopy(event.getSchema(), event);
    Envelope envelope = EventTypes.envelopeOf(copy);
    envelope.setRecordedAt(Instant.EPOCH);
    envelope.setSource("");
    return HexFormat.of().formatHex(sha256(avroBytes(copy)));
  }

  private static byte[] avroBytes(SpecificRecord event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
