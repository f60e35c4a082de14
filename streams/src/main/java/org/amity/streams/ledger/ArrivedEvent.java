package org.amity.streams.ledger;

import java.util.Arrays;
import org.amity.serde.WireFormat;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An event as read from its topic, with its content key: Avro's CRC-64 of its binary encoding as it arrived (the
 * bytes after the wire format's header), so the event is not encoded again to hash it. The same bytes always give the
 * same key; the key decides, without regard to arrival order, between two different events sent with the same eventId
 * and recorded at the same moment. For an event written with the current schema it is the reference's
 * ({@link org.amity.streams.model.Events#contentKey}); two such events written under different schema versions may be
 * decided the other way than the reference decides them.
 */
public record ArrivedEvent(SpecificRecord event, long contentKey) {

  /** The event topics' serde: the events' own, each event read with its content key. */
  public static Serde<ArrivedEvent> serde(Serde<SpecificRecord> events) {
    return Serdes.serdeFrom((topic, arrived) -> events.serializer().serialize(topic, arrived.event()),
        new Reader(events.deserializer()));
  }

  private record Reader(Deserializer<SpecificRecord> events) implements Deserializer<ArrivedEvent> {
    @Override
    public ArrivedEvent deserialize(String topic, byte[] data) {
      return arrived(events.deserialize(topic, data), data);
    }

    @Override
    public ArrivedEvent deserialize(String topic, Headers headers, byte[] data) {
      return arrived(events.deserialize(topic, headers, data), data);
    }

    private static ArrivedEvent arrived(SpecificRecord event, byte[] data) {
      return event == null ? null : new ArrivedEvent(event,
          SchemaNormalization.fingerprint64(Arrays.copyOfRange(data, WireFormat.HEADER_SIZE, data.length)));
    }

    @Override
    public void close() {
      events.close();
    }
  }
}
