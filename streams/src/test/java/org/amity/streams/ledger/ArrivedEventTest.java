package org.amity.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.WireFormat;
import org.amity.streams.app.AmitySerdes;
import org.amity.streams.model.Events;
import org.amity.streams.model.TestEvents;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ArrivedEventTest {
  private static final String TOPIC = "amity.events.delegation-visited";
  private final Serde<SpecificRecord> events = new AmitySerdes(
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID())).values();
  private final Serde<ArrivedEvent> arrived = ArrivedEvent.serde(events);

  @Test
  void theContentKeyOfTheBytesAsWrittenIsTheReferencesKeyOfTheEvent() throws IOException {
    DelegationVisited visit = visit("visit-1", 12);

    ArrivedEvent read = read(visit);

    assertThat(read.event()).isEqualTo(visit);
    assertThat(read.contentKey()).isEqualTo(SchemaNormalization.fingerprint64(encoding(visit)))
        .isEqualTo(Events.contentKey(visit));
  }

  @Test
  void theSameEventSentTwiceHasOneKeyAndADifferentEventUnderTheSameIdAnother() {
    assertThat(read(visit("visit-1", 12)).contentKey()).isEqualTo(read(visit("visit-1", 12)).contentKey());
    assertThat(read(visit("visit-1", 12)).contentKey()).isNotEqualTo(read(visit("visit-1", 13)).contentKey());
  }

  @Test
  void aTombstoneIsReadAsNothing() {
    assertThat(arrived.deserializer().deserialize(TOPIC, null)).isNull();
  }

  private ArrivedEvent read(SpecificRecord event) {
    byte[] wire = events.serializer().serialize(TOPIC, event);
    assertThat(Arrays.copyOfRange(wire, WireFormat.HEADER_SIZE, wire.length)).isNotEmpty();
    return arrived.deserializer().deserialize(TOPIC, wire);
  }

  private static byte[] encoding(DelegationVisited visit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new SpecificDatumWriter<DelegationVisited>(DelegationVisited.getClassSchema()).write(visit, encoder);
    return bytes.toByteArray();
  }

  private static DelegationVisited visit(String eventId, int headcount) {
    DelegationVisited visit = TestEvents.delegation(TestEvents.envelope(eventId, Instant.parse("2026-03-01T09:00:00Z"),
        "shanghai/nl-rotterdam", Domain.CULTURE), Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL);
    visit.setHeadcount(headcount);
    return visit;
  }
}
