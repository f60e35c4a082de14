package org.amity.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.Topics;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ForumHeld;
import org.amity.events.Milestone;
import org.amity.events.ProjectMilestone;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {
  private static final LocalDate END = LocalDate.of(2025, 1, 1);
  /** 20 offices × 50 relationships × 3 years: about 30,000 events. */
  private static final SyntheticSpec SPEC = SyntheticSpec.of(20, 50, 3, END, 42);
  private static List<SpecificRecord> events;

  @BeforeAll
  static void generate() {
    events = new SyntheticGenerator(SPEC).events().toList();
  }

  @Test
  void theSameSpecGivesTheSameEvents() {
    SyntheticSpec spec = SyntheticSpec.of(10, 100, 5, END, 7);
    List<SpecificRecord> first = new SyntheticGenerator(spec).events().limit(5000).toList();
    List<SpecificRecord> second = new SyntheticGenerator(spec).events().limit(5000).toList();

    assertThat(first).hasSize(5000);
    assertThat(ids(second)).isEqualTo(ids(first));
    assertThat(second).isEqualTo(first);
    assertThat(envelopes(second).stream().map(Envelope::getOccurredAt).toList())
        .isEqualTo(envelopes(first).stream().map(Envelope::getOccurredAt).toList());
    assertThat(new SyntheticGenerator(spec).relationships().toList())
        .isEqualTo(new SyntheticGenerator(spec).relationships().toList());
  }

  @Test
  void anotherSeedGivesOtherEvents() {
    List<SpecificRecord> seven = new SyntheticGenerator(SyntheticSpec.of(2, 10, 2, END, 7)).events().limit(200).toList();
    List<SpecificRecord> eight = new SyntheticGenerator(SyntheticSpec.of(2, 10, 2, END, 8)).events().limit(200).toList();

    assertThat(ids(seven).get(0)).isEqualTo("syn-7-0");
    assertThat(ids(eight).get(0)).isEqualTo("syn-8-0");
    assertThat(envelopes(eight).stream().map(Envelope::getOccurredAt).toList())
        .isNotEqualTo(envelopes(seven).stream().map(Envelope::getOccurredAt).toList());
  }

  @Test
  void theEventCountIsAboutTenPerRelationshipYear() {
    // 1000 relationships × 3 years × 10, less the last year of the 10% that go quiet
    assertThat(events.size()).isBetween(26_000, 32_000);
  }

  @Test
  void everyEventTypeAndEveryKindAppears() {
    Set<String> types = events.stream().map(e -> e.getClass().getName()).collect(Collectors.toSet());
    assertThat(types).containsExactlyInAnyOrderElementsOf(Topics.EVENTS.stream().map(TopicSpec::value).toList());

    List<DelegationVisited> visits = ofType(DelegationVisited.class);
    assertThat(visits.stream().map(DelegationVisited::getDirection).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Direction.values());
    assertThat(visits.stream().map(DelegationVisited::getLevel).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(DelegationLevel.values());
    assertThat(ofType(AgreementSigned.class).stream().map(AgreementSigned::getKind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(AgreementKind.values());
    assertThat(ofType(ProjectMilestone.class).stream().map(ProjectMilestone::getMilestone).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Milestone.values());
  }

  @Test
  void theMixLeansOnVisitsAndVideoMeetingsAndRetractionsAreRare() {
    Map<Class<?>, Long> byType = events.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
    double all = events.size();

    assertThat(byType.get(DelegationVisited.class) / all).isBetween(0.25, 0.31);
    assertThat(byType.get(org.amity.events.VideoMeeting.class) / all).isBetween(0.21, 0.27);
    assertThat(byType.get(EventRetracted.class) / all).isBetween(0.0005, 0.006);
  }

  @Test
  void everyEventIsSaneAndPassesTheValidator() {
    Set<String> relationships = relationshipIds(SPEC);
    Instant start = SPEC.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = END.atStartOfDay().toInstant(ZoneOffset.UTC);
    EventValidator validator = new EventValidator(relationships::contains, Clock.fixed(end, ZoneOffset.UTC));

    for (SpecificRecord event : events) {
      Envelope envelope = EventTypes.envelopeOf(event);
      assertThat(envelope.getOccurredAt()).isBetween(start, end.minusMillis(1));
      assertThat(envelope.getRecordedAt()).isAfter(envelope.getOccurredAt())
          .isBefore(envelope.getOccurredAt().plusSeconds(5 * 86_400));
      assertThat(envelope.getOffice()).matches("office-0[0-2][0-9]");
      assertThat(envelope.getRelationshipIds()).isNotEmpty().doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(id).startsWith(envelope.getOffice() + "/"))
          .allSatisfy(id -> assertThat(relationships).contains(id));
      assertThat(envelope.getDomains()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
      assertThat(envelope.getSource()).isEqualTo("synthetic");
      assertThat(validator.problems(event, "")).as(envelope.getEventId()).isEmpty();
    }
    assertThat(ids(events)).doesNotHaveDuplicates();
  }

  @Test
  void someForumsAreMultilateral() {
    List<ForumHeld> forums = ofType(ForumHeld.class);
    List<ForumHeld> multilateral = forums.stream().filter(f -> f.getEnvelope().getRelationshipIds().size() > 1).toList();

    assertThat(multilateral.size()).isBetween(forums.size() / 5, forums.size() / 2);
    assertThat(multilateral).allSatisfy(forum -> {
      assertThat(forum.getEnvelope().getRelationshipIds()).hasSizeBetween(2, 5);
      assertThat(forum.getPartnerCount()).isGreaterThanOrEqualTo(forum.getEnvelope().getRelationshipIds().size());
    });
  }

  @Test
  void eachRelationshipsOwnEventsAreInTimeOrder() {
    Map<String, Instant> lastByKey = new HashMap<>();
    for (SpecificRecord event : events) {
      Envelope envelope = EventTypes.envelopeOf(event);
      Instant previous = lastByKey.put(EventTypes.keyOf(event), envelope.getOccurredAt());
      if (previous != null) {
        assertThat(envelope.getOccurredAt()).as(envelope.getEventId()).isAfterOrEqualTo(previous);
      }
    }
  }

  @Test
  void aRetractionWithdrawsAnEarlierEventOfTheSameRelationshipThatIsNotItsLast() {
    Map<String, Envelope> byId = new HashMap<>();
    Map<String, Instant> lastExchange = new HashMap<>();
    for (SpecificRecord event : events) {
      if (!(event instanceof EventRetracted)) {
        Envelope envelope = EventTypes.envelopeOf(event);
        byId.put(envelope.getEventId(), envelope);
        lastExchange.merge(EventTypes.keyOf(event), envelope.getOccurredAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<EventRetracted> retractions = ofType(EventRetracted.class);
    assertThat(retractions).isNotEmpty().allSatisfy(retraction -> {
      Envelope target = byId.get(retraction.getRetractedEventId());
      assertThat(target).as(retraction.getRetractedEventId()).isNotNull();
      assertThat(retraction.getEnvelope().getRelationshipIds()).isEqualTo(target.getRelationshipIds()).hasSize(1);
      assertThat(retraction.getEnvelope().getOccurredAt()).isAfterOrEqualTo(target.getOccurredAt());
      assertThat(target.getOccurredAt()).isBefore(lastExchange.get(target.getRelationshipIds().get(0)));
    });
  }

  @Test
  void officesAndRelationshipsAreComplete() {
    SyntheticGenerator generator = new SyntheticGenerator(SPEC);
    List<Office> offices = generator.offices();
    List<Relationship> relationships = generator.relationships().toList();

    assertThat(offices).hasSize(20);
    assertThat(offices.get(6).getOfficeId()).isEqualTo("office-007");
    assertThat(relationships).hasSize(1000);
    assertThat(relationships.stream().map(Relationship::getRelationshipId)).doesNotHaveDuplicates();
    assertThat(relationships).allSatisfy(relationship -> {
      assertThat(relationship.getRelationshipId())
          .matches("office-0[0-2][0-9]/[a-z]{2}-city-[0-9]{5}")
          .isEqualTo(relationship.getOfficeId() + "/" + relationship.getPartnerId())
          .contains("/" + relationship.getCountry().toLowerCase() + "-city-");
      assertThat(relationship.getEstablishedOn()).isBefore(SPEC.start());
      assertThat(relationship.getKind()).isNotNull();
      assertThat(relationship.getStatus()).isNotNull();
    });
    assertThat(relationships.get(41).getRelationshipId()).startsWith("office-001/").endsWith("-city-00042");
  }

  @Test
  void relationshipsDifferInActivity() {
    Map<String, Long> perRelationship = events.stream()
        .collect(Collectors.groupingBy(EventTypes::keyOf, Collectors.counting()));
    Map<Profile, List<Long>> byProfile = new HashMap<>();
    new SyntheticGenerator(SPEC).plans().forEach(plan -> byProfile.computeIfAbsent(plan.profile(), p -> new ArrayList<>())
        .add(perRelationship.getOrDefault(plan.relationshipId(), 0L)));

    double sparse = average(byProfile.get(Profile.SPARSE));
    double active = average(byProfile.get(Profile.ACTIVE));
    assertThat(sparse).isLessThan(active / 4);
    assertThat(byProfile.get(Profile.ACTIVE).stream().mapToLong(Long::longValue).max().orElseThrow())
        .isGreaterThan(3 * (long) active);
    assertThat(byProfile.get(Profile.SPARSE).size()).isBetween(140, 220);
  }

  @Test
  void streamingAMillionEventsDoesNotKeepThemInMemory() {
    SyntheticSpec spec = SyntheticSpec.of(100, 100, 10, END, 3).withEventsPerRelationshipPerYear(11);
    Iterator<SpecificRecord> iterator = new SyntheticGenerator(spec).events().iterator();
    WeakReference<SpecificRecord> first = new WeakReference<>(iterator.next());
    long count = 1;
    while (count < 1_000_000 && iterator.hasNext()) {
      iterator.next();
      count++;
    }

    long usedAfterGc = usedHeapAfterGc(first);
    assertThat(first.get()).as("the first event is still held somewhere").isNull();
    assertThat(usedAfterGc).as("heap in use after a million events").isLessThan(256L << 20);
    assertThat(count).isEqualTo(1_000_000);
    assertThat(iterator.hasNext()).isTrue();
    Reference.reachabilityFence(iterator);
  }

  static Set<String> relationshipIds(SyntheticSpec spec) {
    return new SyntheticGenerator(spec).plans().map(RelationshipPlan::relationshipId).collect(Collectors.toSet());
  }

  private static long usedHeapAfterGc(WeakReference<?> reference) {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 5 && reference.get() != null; i++) {
      System.gc();
    }
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static double average(List<Long> counts) {
    return counts.stream().mapToLong(Long::longValue).average().orElseThrow();
  }

  private static <T> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<Envelope> envelopes(List<SpecificRecord> records) {
    return records.stream().map(EventTypes::envelopeOf).toList();
  }

  private static List<String> ids(List<SpecificRecord> records) {
    return envelopes(records).stream().map(Envelope::getEventId).toList();
  }
}
