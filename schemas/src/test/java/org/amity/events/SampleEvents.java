package org.amity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.specific.SpecificRecord;

/** One record of every type on the topics, from the demo data set's facts (Shanghai and Rotterdam). */
public final class SampleEvents {
  public static final String ROTTERDAM = "shanghai/nl-rotterdam";

  private SampleEvents() {}

  public static Envelope envelope(String eventId, String relationshipId, LocalDate day, Domain... domains) {
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(day.atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)))
        .setRecordedAt(Instant.parse("2024-12-01T08:00:00Z"))
        .setOffice(relationshipId.substring(0, relationshipId.indexOf('/')))
        .setRelationshipIds(List.of(relationshipId))
        .setDomains(List.of(domains))
        .setSource("sample")
        .build();
  }

  public static Office office() {
    return Office.newBuilder().setOfficeId("shanghai").setNameEn("Shanghai Municipal Foreign Affairs Office")
        .setNameZh("上海市人民政府外事办公室").setLevel(OfficeLevel.CITY).build();
  }

  /** A city office of that id, for tests that need one registered. */
  public static Office office(String officeId) {
    return Office.newBuilder(office()).setOfficeId(officeId).setNameEn("Office " + officeId).setNameZh(null).build();
  }

  public static Relationship relationship() {
    return Relationship.newBuilder()
        .setRelationshipId(ROTTERDAM).setOfficeId("shanghai").setPartnerId("nl-rotterdam")
        .setPartnerNameEn("Rotterdam").setPartnerNameLocal("Rotterdam").setPartnerNameZh("鹿特丹")
        .setCountry("NL").setRegion("Europe")
        .setKind(RelationshipKind.SISTER_CITY).setPartnerLevel(PartnerLevel.CITY)
        .setEstablishedOn(LocalDate.of(1979, 5, 29)).setStatus(RelationshipStatus.FORMAL)
        .setResponsibleOfficer("europe-desk@shanghai.example").setUpdatedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build();
  }

  public static DelegationVisited delegationVisited() {
    return DelegationVisited.newBuilder()
        .setEnvelope(envelope("evt-rotterdam-2024-07", ROTTERDAM, LocalDate.of(2024, 7, 10),
            Domain.URBAN_DEVELOPMENT, Domain.PORTS_AND_LOGISTICS))
        .setDirection(Direction.INBOUND).setLevel(DelegationLevel.HEAD_OF_GOVERNMENT)
        .setHeadcount(12).setLeader("Mayor Ahmed Aboutaleb")
        .setStartDate(LocalDate.of(2024, 7, 10)).setEndDate(LocalDate.of(2024, 7, 12))
        .build();
  }

  public static AgreementSigned agreementSigned() {
    return AgreementSigned.newBuilder()
        .setEnvelope(envelope("evt-barcelona-mou-2024", "shanghai/es-barcelona", LocalDate.of(2024, 6, 3),
            Domain.PORTS_AND_LOGISTICS))
        .setKind(AgreementKind.MEMORANDUM).setTitle("Memorandum on port friendship")
        .setSignedOn(LocalDate.of(2024, 6, 3)).setValidUntil(LocalDate.of(2029, 6, 2))
        .build();
  }

  public static ExhibitionHeld exhibitionHeld() {
    return ExhibitionHeld.newBuilder()
        .setEnvelope(envelope("evt-pompidou-2024", "shanghai/fr-paris", LocalDate.of(2024, 9, 20), Domain.CULTURE))
        .setTitle("West Bund Museum x Centre Pompidou, second five-year programme")
        .setVenueName("West Bund Museum").setHeldIn("Shanghai").setVenue(Venue.HOME).setVisitors(2_000_000L)
        .setStartDate(LocalDate.of(2024, 9, 20))
        .build();
  }

  public static ForumHeld forumHeld() {
    Envelope envelope = envelope("evt-forum-2023", "shanghai/us-los-angeles", LocalDate.of(2023, 12, 1),
        Domain.GOVERNANCE, Domain.URBAN_DEVELOPMENT);
    envelope.setRelationshipIds(List.of("shanghai/us-los-angeles", "shanghai/za-johannesburg",
        "shanghai/tr-istanbul", "shanghai/pl-pomorskie", "shanghai/ve-carabobo"));
    return ForumHeld.newBuilder()
        .setEnvelope(envelope).setKind(GatheringKind.FORUM)
        .setTitle("2023 Shanghai International Friendship City Cooperation Forum")
        .setVenue(Venue.HOME).setHeldIn("Shanghai").setPartnerCount(13)
        .setStartDate(LocalDate.of(2023, 12, 1))
        .build();
  }

  public static ProjectMilestone projectMilestone() {
    return ProjectMilestone.newBuilder()
        .setEnvelope(envelope("evt-honduras-hospital", "shanghai/hn-tegucigalpa", LocalDate.of(2024, 3, 1), Domain.HEALTH))
        .setProjectId("hn-hospital").setProjectName("Hospital project").setMilestone(Milestone.LAUNCHED)
        .setValue(new Money(6_300_000_000L, "USD")).setReachedOn(LocalDate.of(2024, 3, 1))
        .build();
  }

  public static ExchangeProgramme exchangeProgramme() {
    return ExchangeProgramme.newBuilder()
        .setEnvelope(envelope("evt-hirakata-painting-2021", "shanghai-changning/jp-hirakata", LocalDate.of(2021, 8, 1),
            Domain.EDUCATION_AND_YOUTH, Domain.CULTURE))
        .setKind(ProgrammeKind.CULTURE).setTitle("Children's painting and calligraphy exchange")
        .setParticipants(40).setStartDate(LocalDate.of(2021, 8, 1))
        .build();
  }

  public static VideoMeeting videoMeeting() {
    return VideoMeeting.newBuilder()
        .setEnvelope(envelope("evt-papeete-video-2021", "shanghai-changning/pf-papeete", LocalDate.of(2021, 9, 28),
            Domain.EDUCATION_AND_YOUTH))
        .setTopic("Student exchange project").setLevel(DelegationLevel.SENIOR_OFFICIAL).setParticipants(8)
        .build();
  }

  public static EventRetracted eventRetracted() {
    return EventRetracted.newBuilder()
        .setEnvelope(envelope("evt-retract-1", ROTTERDAM, LocalDate.of(2024, 7, 15), Domain.OTHER))
        .setRetractedEventId("evt-rotterdam-2024-07-duplicate").setReason("Entered twice")
        .build();
  }

  /** One record of every type that has a topic, master data first. */
  public static List<SpecificRecord> everyType() {
    return List.of(office(), relationship(), delegationVisited(), agreementSigned(), exhibitionHeld(), forumHeld(),
        projectMilestone(), exchangeProgramme(), videoMeeting(), eventRetracted());
  }
}
