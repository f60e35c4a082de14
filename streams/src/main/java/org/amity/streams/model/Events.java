package org.amity.streams.model;

import org.amity.events.Envelope;
import org.apache.avro.Schema;
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
}
