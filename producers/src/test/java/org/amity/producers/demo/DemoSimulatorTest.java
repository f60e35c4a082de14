package org.amity.producers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.events.Envelope;
import org.amity.producers.demo.DemoFiles.DemoRelationship;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class DemoSimulatorTest {
  private static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final DemoSimulator simulator = new DemoSimulator(clock, new Random(7));
  private final List<SpecificRecord> events = IntStream.range(0, 600).mapToObj(i -> simulator.next()).toList();

  @Test
  void everySimulatedEventIsValidNewAndRecordedNow() {
    Set<String> relationships = new HashSet<>();
    DemoFiles.relationships().forEach(r -> relationships.add(r.relationship().getRelationshipId()));
    EventValidator validator = new EventValidator(relationships::contains, clock);
    Set<String> ids = new HashSet<>();
    for (SpecificRecord event : events) {
      assertThat(validator.problems(event, "event")).as(event.toString()).isEmpty();
      Envelope envelope = EventTypes.envelopeOf(event);
      assertThat(envelope.getRecordedAt()).isEqualTo(NOW);
      assertThat(envelope.getOccurredAt()).isBefore(NOW);
      assertThat(envelope.getSource()).isEqualTo(DemoSimulator.SOURCE);
      assertThat(ids.add(envelope.getEventId())).as("event id %s is new", envelope.getEventId()).isTrue();
    }
  }

  @Test
  void livelyRelationshipsGetMoreEventsAndEveryKindOccurs() {
    Map<String, Profile> profiles = new HashMap<>();
    DemoFiles.relationships().forEach(r -> profiles.put(r.relationship().getRelationshipId(), r.profile()));
    Map<Profile, Long> perProfile = new HashMap<>();
    Map<Profile, Long> relationshipsPerProfile = new HashMap<>();
    for (DemoRelationship relationship : DemoFiles.relationships()) {
      relationshipsPerProfile.merge(relationship.profile(), 1L, Long::sum);
    }
    Set<String> types = new HashSet<>();
    for (SpecificRecord event : events) {
      Profile profile = profiles.get(EventTypes.envelopeOf(event).getRelationshipIds().get(0));
      perProfile.merge(profile, 1L, Long::sum);
      types.add(event.getClass().getSimpleName());
    }
    double thriving = perProfile.get(Profile.THRIVING) / (double) relationshipsPerProfile.get(Profile.THRIVING);
    double dormant = perProfile.getOrDefault(Profile.DORMANT, 0L) / (double) relationshipsPerProfile.get(Profile.DORMANT);
    assertThat(thriving).isGreaterThan(3 * dormant);
    assertThat(dormant).isPositive();
    assertThat(types).containsExactlyInAnyOrder("DelegationVisited", "ExchangeProgramme", "ExhibitionHeld",
        "AgreementSigned", "VideoMeeting");
  }
}
