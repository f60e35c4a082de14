package org.amity.streams.model;

import java.nio.charset.StandardCharsets;
import org.amity.events.Envelope;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/** Small helpers over the generated event classes. */
public final class Events {
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
   * A 64-bit hash of the whole event (Avro's CRC-64 of its text form): the same event always gives the same key.
   * It decides, without regard to arrival order, between two different events sent with the same eventId.
   */
  public static long contentKey(SpecificRecord event) {
    return SchemaNormalization.fingerprint64(event.toString().getBytes(StandardCharsets.UTF_8));
  }
}
