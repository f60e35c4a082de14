package org.amity.producers.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.amity.contract.EventType;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Envelope;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.Money;
import org.amity.events.ProgrammeKind;
import org.amity.events.ProjectMilestone;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The fields of each event type beyond the envelope, for one relationship; dates never pass its last day. */
final class EventBodies {
  static final int LONGEST_FORUM_DAYS = 3;

  private static final Weighted<DelegationLevel> VISIT_LEVELS = new Weighted<>(List.of(DelegationLevel.values()),
      6, 16, 28, 18, 12, 12, 8);
  private static final Weighted<DelegationLevel> MEETING_LEVELS = new Weighted<>(List.of(DelegationLevel.values()),
      4, 30, 45, 10, 6, 3, 2);
  private static final Weighted<AgreementKind> AGREEMENT_KINDS = new Weighted<>(List.of(AgreementKind.values()),
      15, 5, 8, 25, 20, 15, 12);
  private static final Weighted<GatheringKind> GATHERING_KINDS = new Weighted<>(List.of(GatheringKind.values()),
      35, 20, 15, 8, 7, 10, 5);
  private static final Weighted<Milestone> LATER_MILESTONES = new Weighted<>(
      List.of(Milestone.PHASE_COMPLETED, Milestone.COMPLETED, Milestone.CANCELLED), 50, 35, 15);
  private static final Weighted<Venue> VENUES = new Weighted<>(List.of(Venue.values()), 50, 35, 15);
  private static final List<String> LEADER_TITLES = List.of("Mayor", "Deputy Mayor", "Director", "Chairman",
      "President", "Chair", "Youth Leader");
  private static final List<String> SURNAMES = List.of("Jansen", "Martin", "Müller", "García", "Rossi", "Nowak",
      "Smith", "Yılmaz", "Sato", "Kim", "Nguyen", "Silva", "Dlamini", "Okafor", "Wang", "Li");
  private static final List<String> EXHIBITION_THEMES = List.of("Charming City Photo Exhibition",
      "Contemporary Art Exchange", "Trade and Investment Fair", "Heritage and Craft Exhibition",
      "Design Week Showcase", "Ports of the World");
  private static final List<String> VENUE_NAMES = List.of("City Museum", "Exhibition Centre", "Art Gallery",
      "Cultural Centre", "Convention Hall");
  private static final List<String> PROJECTS = List.of("Green port corridor", "Hospital partnership",
      "Electric bus fleet", "Water treatment plant", "Smart city pilot", "Vocational training centre");
  private static final List<String> MEETING_TOPICS = List.of("Annual exchange plan", "Student exchange project",
      "Trade fair preparation", "Anniversary celebrations", "Port cooperation", "Health cooperation");
  private static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR");

  private final RelationshipPlan plan;
  private final SplittableRandom random;
  private final LocalDate lastDay;
  private int projects;
  private boolean projectOpen;

  EventBodies(RelationshipPlan plan, SplittableRandom random, LocalDate lastDay) {
    this.plan = plan;
    this.random = random;
    this.lastDay = lastDay;
  }

  /** An event of the type: a written body where there is one, else one {@link #fromSchema from its schema}. */
  SpecificRecord of(EventType type, Envelope envelope, LocalDate day) {
    return switch (type.name()) {
      case "DelegationVisited" -> delegationVisited(envelope, day);
      case "AgreementSigned" -> agreementSigned(envelope, day);
      case "ExhibitionHeld" -> exhibitionHeld(envelope, day);
      case "ForumHeld" -> forumHeld(envelope, day);
      case "ProjectMilestone" -> projectMilestone(envelope, day);
      case "ExchangeProgramme" -> exchangeProgramme(envelope, day);
      case "VideoMeeting" -> videoMeeting(envelope);
      default -> fromSchema(type, envelope, day);
    };
  }

  /**
   * An event whose fields are drawn from its schema: a random symbol, a few words, a small number, money; the day
   * field is the day, any other date a few days later (never after the last day).
   */
  SpecificRecord fromSchema(EventType type, Envelope envelope, LocalDate day) {
    SpecificRecord event = (SpecificRecord) SpecificData.get().newRecord(null, type.schema());
    for (Schema.Field field : type.schema().getFields()) {
      Object value = field.name().equals(EventType.ENVELOPE) ? envelope
          : field.name().equals(type.dayField()) ? day : value(type, field, EventType.withoutNull(field.schema()), day);
      event.put(field.pos(), value);
    }
    return event;
  }

  private Object value(EventType type, Schema.Field field, Schema schema, LocalDate day) {
    return switch (schema.getType()) {
      case ENUM -> SpecificData.get().createEnum(pick(schema.getEnumSymbols()), schema);
      case STRING -> type.en() + " " + field.name() + " " + (1 + random.nextInt(100));
      case INT -> schema.getLogicalType() instanceof LogicalTypes.Date ? until(day, random.nextInt(5)) : 1 + random.nextInt(50);
      case LONG -> 1L + random.nextLong(10_000);
      case BOOLEAN -> random.nextBoolean();
      case RECORD -> schema.equals(Money.SCHEMA$) ? money() : null;
      default -> null;
    };
  }


  DelegationVisited delegationVisited(Envelope envelope, LocalDate day) {
    DelegationLevel level = VISIT_LEVELS.pick(random);
    DelegationVisited visit = new DelegationVisited();
    visit.setEnvelope(envelope);
    visit.setDirection(random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND);
    visit.setLevel(level);
    visit.setHeadcount(2 + random.nextInt(level == DelegationLevel.HEAD_OF_GOVERNMENT ? 30 : 12));
    visit.setLeader(LEADER_TITLES.get(level.ordinal()) + " " + pick(SURNAMES));
    visit.setStartDate(day);
    visit.setEndDate(until(day, random.nextInt(5)));
    return visit;
  }

  AgreementSigned agreementSigned(Envelope envelope, LocalDate day) {
    AgreementKind kind = AGREEMENT_KINDS.pick(random);
    AgreementSigned agreement = new AgreementSigned();
    agreement.setEnvelope(envelope);
    agreement.setKind(kind);
    agreement.setTitle(kind.name().replace('_', ' ').toLowerCase(Locale.ROOT) + " with "
        + SyntheticGenerator.partnerName(plan) + " (" + day.getYear() + ")");
    agreement.setSignedOn(day);
    if (kind != AgreementKind.SISTER_CITY_ESTABLISHMENT && kind != AgreementKind.FRIENDLY_COOPERATION_ESTABLISHMENT) {
      agreement.setValidUntil(day.plusYears(2 + random.nextInt(4)));
    }
    if (kind == AgreementKind.PROJECT_CONTRACT || (kind == AgreementKind.COOPERATION_AGREEMENT && random.nextBoolean())) {
      agreement.setValue(money());
    }
    return agreement;
  }

  ExhibitionHeld exhibitionHeld(Envelope envelope, LocalDate day) {
    Venue venue = VENUES.pick(random);
    ExhibitionHeld exhibition = new ExhibitionHeld();
    exhibition.setEnvelope(envelope);
    exhibition.setTitle(pick(EXHIBITION_THEMES) + " " + day.getYear());
    exhibition.setVenueName(pick(VENUE_NAMES));
    exhibition.setHeldIn(placeOf(venue));
    exhibition.setVenue(venue);
    exhibition.setVisitors(500L + random.nextLong(200_000));
    exhibition.setStartDate(day);
    exhibition.setEndDate(until(day, 3 + random.nextInt(60)));
    return exhibition;
  }

  ForumHeld forumHeld(Envelope envelope, LocalDate day) {
    GatheringKind kind = GATHERING_KINDS.pick(random);
    boolean multilateral = envelope.getRelationshipIds().size() > 1;
    Venue venue = multilateral ? Venue.HOME : VENUES.pick(random);
    ForumHeld forum = new ForumHeld();
    forum.setEnvelope(envelope);
    forum.setKind(kind);
    forum.setTitle(day.getYear() + " " + SyntheticGenerator.officeCity(plan) + " international friendship "
        + kind.name().toLowerCase(Locale.ROOT));
    forum.setVenue(venue);
    forum.setHeldIn(placeOf(venue));
    forum.setPartnerCount(envelope.getRelationshipIds().size() + (multilateral ? random.nextInt(10) : 0));
    forum.setParticipants(30 + random.nextInt(1500));
    forum.setStartDate(day);
    forum.setEndDate(until(day, random.nextInt(LONGEST_FORUM_DAYS)));
    return forum;
  }

  /** Each relationship runs one project at a time: launched, some phases, then completed or cancelled. */
  ProjectMilestone projectMilestone(Envelope envelope, LocalDate day) {
    Milestone milestone = projectOpen ? LATER_MILESTONES.pick(random) : Milestone.LAUNCHED;
    if (milestone == Milestone.LAUNCHED) {
      projects++;
    }
    projectOpen = milestone == Milestone.LAUNCHED || milestone == Milestone.PHASE_COMPLETED;
    ProjectMilestone project = new ProjectMilestone();
    project.setEnvelope(envelope);
    project.setProjectId(plan.relationshipId() + "#project-" + projects);
    project.setProjectName(PROJECTS.get((int) ((plan.index() + projects) % PROJECTS.size())));
    project.setMilestone(milestone);
    if (milestone == Milestone.LAUNCHED || milestone == Milestone.COMPLETED) {
      project.setValue(money());
    }
    project.setReachedOn(day);
    return project;
  }

  ExchangeProgramme exchangeProgramme(Envelope envelope, LocalDate day) {
    ProgrammeKind kind = ProgrammeKind.values()[random.nextInt(ProgrammeKind.values().length)];
    ExchangeProgramme programme = new ExchangeProgramme();
    programme.setEnvelope(envelope);
    programme.setKind(kind);
    programme.setTitle(kind.name().toLowerCase(Locale.ROOT) + " exchange with " + SyntheticGenerator.partnerName(plan)
        + " " + day.getYear());
    int way = random.nextInt(3);
    programme.setDirection(way == 0 ? null : way == 1 ? Direction.INBOUND : Direction.OUTBOUND);
    programme.setParticipants(5 + random.nextInt(60));
    programme.setStartDate(day);
    programme.setEndDate(until(day, 5 + random.nextInt(25)));
    return programme;
  }

  VideoMeeting videoMeeting(Envelope envelope) {
    VideoMeeting meeting = new VideoMeeting();
    meeting.setEnvelope(envelope);
    meeting.setTopic(pick(MEETING_TOPICS));
    meeting.setLevel(MEETING_LEVELS.pick(random));
    meeting.setParticipants(2 + random.nextInt(20));
    return meeting;
  }

  private String placeOf(Venue venue) {
    return switch (venue) {
      case HOME -> SyntheticGenerator.officeCity(plan);
      case PARTNER -> SyntheticGenerator.partnerName(plan);
      case ELSEWHERE -> null;
    };
  }

  private Money money() {
    long units = 10_000L + random.nextLong(50_000_000L);
    return new Money(units * 100, pick(CURRENCIES));
  }

  private LocalDate until(LocalDate day, int days) {
    LocalDate until = day.plusDays(days);
    return until.isAfter(lastDay) ? lastDay : until;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
