package org.amity.producers.demo;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Money;
import org.amity.events.ProjectMilestone;
import org.amity.events.VideoMeeting;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.Schema.Field;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
  private final DemoData demo = DemoData.build(TODAY);

  @Test
  void hasTheThreeOfficesWithChangningInsideShanghai() {
    Map<String, Office> offices = demo.offices().stream().collect(Collectors.toMap(Office::getOfficeId, Function.identity()));
    assertThat(offices).containsOnlyKeys("shanghai", "shanghai-changning", "jinan");
    assertThat(offices.get("shanghai-changning").getLevel()).isEqualTo(OfficeLevel.DISTRICT);
    assertThat(offices.get("shanghai-changning").getParentOfficeId()).isEqualTo("shanghai");
    assertThat(offices.get("shanghai").getParentOfficeId()).isNull();
    assertThat(offices.values()).allSatisfy(office -> {
      assertThat(office.getNameEn()).isNotBlank();
      assertThat(office.getNameZh()).contains("外事办公室");
    });
  }

  @Test
  void relationshipsAreWellFormedAndCoverTheNamedPartners() {
    List<Relationship> relationships = demo.relationships();
    Set<String> officeIds = demo.offices().stream().map(Office::getOfficeId).collect(toSet());
    assertThat(relationships).hasSizeGreaterThanOrEqualTo(35);
    assertThat(relationships).extracting(Relationship::getRelationshipId).doesNotHaveDuplicates();
    assertThat(relationships).allSatisfy(r -> {
      assertThat(r.getRelationshipId()).isEqualTo(r.getOfficeId() + "/" + r.getPartnerId());
      assertThat(officeIds).contains(r.getOfficeId());
      assertThat(r.getPartnerId()).matches("[a-z]{2}-[a-z0-9-]+").startsWith(r.getCountry().toLowerCase() + "-");
      assertThat(r.getCountry()).matches("[A-Z]{2}");
      assertThat(r.getPartnerNameEn()).isNotBlank();
      assertThat(r.getPartnerNameLocal()).isNotBlank();
      assertThat(r.getPartnerNameZh()).isNotBlank();
      assertThat(r.getRegion()).isNotBlank();
      assertThat(r.getResponsibleOfficer()).matches("[a-z-]+@[a-z.]+\\.example");
      assertThat(demo.intendedProfiles()).containsKey(r.getRelationshipId());
    });
    assertThat(relationships).extracting(Relationship::getRelationshipId).contains(
        "shanghai/nl-rotterdam", "shanghai/ie-cork", "shanghai/pe-lima", "shanghai/es-barcelona", "shanghai/eg-alexandria",
        "shanghai/us-new-york", "shanghai/cl-santiago", "shanghai/au-queensland", "shanghai/ae-dubai", "shanghai/de-cologne",
        "shanghai/de-hamburg-port", "shanghai/us-los-angeles", "shanghai/us-los-angeles-port", "shanghai/nz-auckland",
        "shanghai/nz-dunedin", "shanghai/tr-istanbul", "shanghai/us-san-francisco", "shanghai/za-johannesburg",
        "shanghai/pl-pomorskie", "shanghai/ve-carabobo", "shanghai/jp-nagasaki", "shanghai/kr-busan",
        "shanghai-changning/jp-hirakata", "shanghai-changning/pl-sopot", "shanghai-changning/pf-papeete",
        "shanghai-changning/by-minsk-sovetsky", "shanghai-changning/tr-karsiyaka", "shanghai-changning/gr-syros",
        "jinan/us-sacramento", "jinan/se-vasteras", "jinan/nl-leiden", "jinan/dk-sonderborg");
  }

  @Test
  void changningHasTwelvePartnersInElevenCountries() {
    List<Relationship> changning = demo.relationships().stream().filter(r -> r.getOfficeId().equals("shanghai-changning")).toList();
    assertThat(changning).hasSize(12);
    assertThat(changning.stream().map(Relationship::getCountry).distinct()).hasSize(11);
  }

  @Test
  void establishmentYearsFollowTheArticles() {
    Map<String, Relationship> byId = demo.relationships().stream()
        .collect(Collectors.toMap(Relationship::getRelationshipId, Function.identity()));
    assertThat(byId.get("shanghai/nz-dunedin").getEstablishedOn().getYear()).isEqualTo(1994);
    assertThat(byId.get("shanghai-changning/jp-hirakata").getEstablishedOn().getYear()).isEqualTo(1987);
    assertThat(byId.get("shanghai-changning/pf-papeete").getEstablishedOn().getYear()).isEqualTo(2017);
    assertThat(byId.get("shanghai-changning/by-minsk-sovetsky").getEstablishedOn()).hasYear(2021).hasMonthValue(6);
    assertThat(byId.get("shanghai/ve-carabobo").getEstablishedOn()).isEqualTo(LocalDate.of(2023, 12, 1));
    assertThat(byId.get("shanghai/ve-carabobo").getStatus()).isEqualTo(RelationshipStatus.LETTER_OF_INTENT);
  }

  @Test
  void everyEventNamesKnownRelationshipsOfItsOwnOffice() {
    Set<String> relationshipIds = demo.relationships().stream().map(Relationship::getRelationshipId).collect(toSet());
    assertThat(demo.events()).allSatisfy(event -> {
      Envelope envelope = EventTypes.envelopeOf(event);
      assertThat(envelope.getRelationshipIds()).isNotEmpty().doesNotHaveDuplicates()
          .allSatisfy(id -> {
            assertThat(relationshipIds).as(envelope.getEventId()).contains(id);
            assertThat(id).as(envelope.getEventId()).startsWith(envelope.getOffice() + "/");
          });
      assertThat(envelope.getDomains()).isNotEmpty().doesNotHaveDuplicates();
      assertThat(envelope.getSummary()).isNotBlank();
      assertThat(envelope.getSource()).startsWith("demo:");
    });
  }

  @Test
  void everyDateIsOnOrBeforeToday() {
    for (DemoData built : List.of(demo, DemoData.build(LocalDate.now()), DemoData.build(DemoData.earliestToday()))) {
      LocalDate today = built.today();
      assertThat(built.events()).allSatisfy(event -> {
        Envelope envelope = EventTypes.envelopeOf(event);
        assertThat(envelope.getOccurredAt()).as(envelope.getEventId())
            .isBefore(today.plusDays(1).atStartOfDay().toInstant(DemoEvents.OFFICE_TIME));
        assertThat(envelope.getRecordedAt()).as(envelope.getEventId()).isAfterOrEqualTo(envelope.getOccurredAt());
        for (Field field : event.getSchema().getFields()) {
          if (event.get(field.pos()) instanceof LocalDate date && !field.name().equals("validUntil")) {
            assertThat(date).as(envelope.getEventId() + " " + field.name()).isBeforeOrEqualTo(today);
          }
        }
      });
    }
  }

  @Test
  void everyEventPassesTheProducersValidation() {
    Set<String> relationshipIds = demo.relationships().stream().map(Relationship::getRelationshipId).collect(toSet());
    Clock clock = Clock.fixed(TODAY.atTime(LocalTime.NOON).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
    EventValidator validator = new EventValidator(relationshipIds::contains, clock);
    assertThat(demo.events()).allSatisfy(event ->
        assertThat(validator.problems(event, "")).as(DemoEvents.eventIdOf(event)).isEmpty());
  }

  @Test
  void generatedHistoryStartsAfterTheRelationshipWasEstablished() {
    Map<String, Relationship> byId = demo.relationships().stream()
        .collect(Collectors.toMap(Relationship::getRelationshipId, Function.identity()));
    assertThat(demo.generatedEvents()).allSatisfy(event -> {
      Relationship relationship = byId.get(EventTypes.keyOf(event));
      assertThat(DemoEvents.dayOf(event)).as(DemoEvents.eventIdOf(event)).isAfterOrEqualTo(relationship.getEstablishedOn());
    });
  }

  @Test
  void eventIdsAreUniqueAndNameWhatTheEventIs() {
    List<String> ids = demo.events().stream().map(DemoEvents::eventIdOf).toList();
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("demo:[a-z0-9/-]+:[a-z0-9-]+"));
    assertThat(demo.generatedEvents()).extracting(DemoEvents::eventIdOf)
        .allSatisfy(id -> assertThat(id).matches("demo:[a-z0-9-]+/[a-z0-9-]+:recent-\\d+"));
    assertThat(demo.factEvents()).extracting(DemoEvents::eventIdOf)
        .noneSatisfy(id -> assertThat(id).contains("recent"))
        .contains("demo:shanghai/nl-rotterdam:visit-2024-07");
    assertThat(demo.events()).hasSize(demo.factEvents().size() + demo.generatedEvents().size());
  }

  @Test
  void eventIdsAreStableAcrossDays() {
    DemoData later = DemoData.build(TODAY.plusDays(30));
    assertThat(eventIds(later.factEvents())).isEqualTo(eventIds(demo.factEvents()));
    assertThat(eventIds(later.generatedEvents())).isEqualTo(eventIds(demo.generatedEvents()));
    assertThat(later.factEvents()).isEqualTo(demo.factEvents());
    // the generated history moves with today: the same events, thirty days later
    Map<String, LocalDate> before = days(demo.generatedEvents());
    Map<String, LocalDate> after = days(later.generatedEvents());
    assertThat(before).allSatisfy((id, day) -> assertThat(after.get(id)).isEqualTo(day.plusDays(30)));
    assertThat(DemoData.build(TODAY.plusDays(365)).relationships()).isEqualTo(demo.relationships());
  }

  @Test
  void theSameDayGivesTheSameDataSet() {
    DemoData again = DemoData.build(TODAY);
    assertThat(again.events()).isEqualTo(demo.events());
    assertThat(again.relationships()).isEqualTo(demo.relationships());
    assertThat(again.offices()).isEqualTo(demo.offices());
    assertThat(again.intendedProfiles()).isEqualTo(demo.intendedProfiles());
  }

  @Test
  void eventsAreInTimeOrder() {
    List<SpecificRecord> events = demo.events();
    assertThat(IntStream.range(1, events.size())).allSatisfy(i -> assertThat(
        EventTypes.envelopeOf(events.get(i - 1)).getOccurredAt()).isBeforeOrEqualTo(EventTypes.envelopeOf(events.get(i)).getOccurredAt()));
  }

  @Test
  void everyEventTypeAndSeveralMultilateralEventsArePresent() {
    assertThat(demo.events()).extracting(event -> event.getSchema().getName()).containsAll(EventTypes.names());
    assertThat(demo.events()).filteredOn(event -> EventTypes.envelopeOf(event).getRelationshipIds().size() > 1)
        .hasSizeGreaterThanOrEqualTo(3)
        .anySatisfy(event -> assertThat(event).isInstanceOf(ForumHeld.class));
    assertThat(demo.relationships()).allSatisfy(r -> assertThat(demo.events())
        .as("events of " + r.getRelationshipId())
        .anySatisfy(event -> assertThat(EventTypes.envelopeOf(event).getRelationshipIds()).contains(r.getRelationshipId())));
  }

  @Test
  void theRetractionWithdrawsAnEventOfTheSameRelationships() {
    Map<String, SpecificRecord> byId = demo.events().stream()
        .collect(Collectors.toMap(DemoEvents::eventIdOf, Function.identity()));
    List<EventRetracted> retractions = demo.events().stream()
        .filter(EventRetracted.class::isInstance).map(EventRetracted.class::cast).toList();
    assertThat(retractions).isNotEmpty().allSatisfy(retraction -> {
      SpecificRecord retracted = byId.get(retraction.getRetractedEventId());
      assertThat(retracted).as(retraction.getRetractedEventId()).isNotNull();
      assertThat(EventTypes.envelopeOf(retracted).getRelationshipIds())
          .isEqualTo(retraction.getEnvelope().getRelationshipIds());
      assertThat(retraction.getEnvelope().getOccurredAt()).isAfter(EventTypes.envelopeOf(retracted).getOccurredAt());
    });
  }

  @Test
  void theFactsAreThereAtTheirRealDates() {
    Map<String, SpecificRecord> facts = demo.factEvents().stream()
        .collect(Collectors.toMap(DemoEvents::eventIdOf, Function.identity()));

    DelegationVisited rotterdam = (DelegationVisited) facts.get("demo:shanghai/nl-rotterdam:visit-2024-07");
    assertThat(rotterdam.getDirection()).isEqualTo(Direction.INBOUND);
    assertThat(rotterdam.getLevel()).isEqualTo(DelegationLevel.HEAD_OF_GOVERNMENT);
    assertThat(rotterdam.getStartDate()).hasYear(2024).hasMonthValue(7);

    ForumHeld forum = (ForumHeld) facts.get("demo:shanghai:friendship-city-forum-2023");
    assertThat(forum.getStartDate()).isEqualTo(LocalDate.of(2023, 12, 1));
    assertThat(forum.getPartnerCount()).isEqualTo(13);
    assertThat(forum.getEnvelope().getRelationshipIds()).hasSizeGreaterThan(4)
        .contains("shanghai/ve-carabobo", "shanghai/us-los-angeles", "shanghai/za-johannesburg", "shanghai/tr-istanbul",
            "shanghai/pl-pomorskie");

    AgreementSigned carabobo = (AgreementSigned) facts.get("demo:shanghai/ve-carabobo:letter-of-intent-2023");
    assertThat(carabobo.getKind()).isEqualTo(AgreementKind.LETTER_OF_INTENT);
    assertThat(carabobo.getSignedOn()).isEqualTo(LocalDate.of(2023, 12, 1));

    ProjectMilestone hospital = (ProjectMilestone) facts.get("demo:shanghai/hn-tegucigalpa:hospital-2024");
    assertThat(hospital.getValue()).isEqualTo(new Money(6_300_000_000L, "USD"));
    assertThat(facts.get("demo:shanghai/nz-dunedin:silver-fern-farms-investment")).isInstanceOf(ProjectMilestone.class);

    ForumHeld go = (ForumHeld) facts.get("demo:shanghai:go-tournament-2024");
    assertThat(go.getKind()).isEqualTo(GatheringKind.TOURNAMENT);
    assertThat(go.getEnvelope().getRelationshipIds()).containsExactlyInAnyOrder("shanghai/jp-nagasaki", "shanghai/kr-busan");

    ExhibitionHeld pompidou = (ExhibitionHeld) facts.get("demo:shanghai/fr-paris:pompidou-programme-2019");
    assertThat(pompidou.getVisitors()).isEqualTo(2_000_000L);
    assertThat(((AgreementSigned) facts.get("demo:shanghai/fr-paris:pompidou-renewal-2024")).getSignedOn())
        .hasYear(2024).hasMonthValue(9);

    ExhibitionHeld jinanExhibition = (ExhibitionHeld) facts.get("demo:jinan:commodity-exhibition-2019");
    assertThat(jinanExhibition.getEndDate()).isEqualTo(LocalDate.of(2019, 10, 17));

    assertThat(DemoEvents.dayOf(facts.get("demo:shanghai-changning/pf-papeete:video-meeting-2021-09-28")))
        .isEqualTo(LocalDate.of(2021, 9, 28));
    assertThat(facts.get("demo:shanghai-changning/pf-papeete:video-meeting-2021-09-28")).isInstanceOf(VideoMeeting.class);
    assertThat(DemoEvents.dayOf(facts.get("demo:shanghai-changning/by-minsk-sovetsky:consul-general-2021-08-03")))
        .isEqualTo(LocalDate.of(2021, 8, 3));
    assertThat(((AgreementSigned) facts.get("demo:shanghai-changning/by-minsk-sovetsky:sister-city-2021")).getSignedOn())
        .hasYear(2021).hasMonthValue(6);
  }

  @Test
  void hirakataPaintingExchangeRunsEveryYearSince1988() {
    List<ExchangeProgramme> paintings = demo.factEvents().stream()
        .filter(ExchangeProgramme.class::isInstance).map(ExchangeProgramme.class::cast)
        .filter(p -> DemoEvents.eventIdOf(p).startsWith("demo:shanghai-changning/jp-hirakata:painting-exchange-"))
        .toList();
    Set<Integer> years = paintings.stream().map(p -> p.getStartDate().getYear()).collect(toSet());
    assertThat(years).containsAll(IntStream.rangeClosed(1988, 2021).boxed().toList());
    assertThat(paintings).allSatisfy(p -> {
      String year = Integer.toString(p.getStartDate().getYear());
      assertThat(DemoEvents.eventIdOf(p)).endsWith("-" + year);
      assertThat(p.getTitle()).endsWith(year).doesNotContain("{year}");
    });
  }

  @Test
  void refusesADayBeforeTheFactsAreHistory() {
    LocalDate earliest = DemoData.earliestToday();
    assertThat(earliest).isEqualTo(LocalDate.of(2025, 12, 30));
    assertThatThrownBy(() -> DemoData.build(earliest.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(earliest.toString());
  }

  private static Set<String> eventIds(List<SpecificRecord> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(event -> ids.add(DemoEvents.eventIdOf(event)));
    return ids;
  }

  private static Map<String, LocalDate> days(List<SpecificRecord> events) {
    return events.stream().collect(Collectors.toMap(DemoEvents::eventIdOf, DemoEvents::dayOf));
  }
}
