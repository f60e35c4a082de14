package org.amity.producers.demo;

import static org.amity.producers.demo.DemoHistory.Kind.AGREEMENT;
import static org.amity.producers.demo.DemoHistory.Kind.EXHIBITION;
import static org.amity.producers.demo.DemoHistory.Kind.PROGRAMME;
import static org.amity.producers.demo.DemoHistory.Kind.VIDEO;
import static org.amity.producers.demo.DemoHistory.Kind.VISIT_EITHER_WAY;
import static org.amity.producers.demo.DemoHistory.Kind.VISIT_IN;
import static org.amity.producers.demo.DemoHistory.Kind.VISIT_OUT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ProgrammeKind;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.producers.demo.DemoFiles.DemoRelationship;
import org.apache.avro.specific.SpecificRecord;

/**
 * The believable history around the facts: for each relationship, events in the months before {@code today} that
 * fit its intended profile. Which events a relationship gets, and how many days before today each falls, come from
 * a random generator seeded with {@link #SEED} and the relationship id, never from today: the same relationships get
 * the same events (with the same eventIds, {@code demo:<relationshipId>:recent-<n>}) whatever day the demo is built
 * for, only their dates move with today.
 */
final class DemoHistory {
  static final long SEED = 20_241_204L;
  static final String SOURCE = "demo:generated";

  enum Kind { VISIT_IN, VISIT_OUT, VISIT_EITHER_WAY, PROGRAMME, EXHIBITION, AGREEMENT, VIDEO }

  /** One event of a profile's pattern: its kind, and the range of days before today it falls in. */
  private record Slot(Kind kind, int fromDaysAgo, int toDaysAgo) {}

  /**
   * THRIVING: a delegation each way, an agreement, an exhibition and programmes across every theme within a year.
   * ACTIVE: a working-level visit, a programme and a video call within six months.
   * COOLING: the last exchanges 190 to 330 days ago. DORMANT: one video call 400 to 700 days ago.
   */
  private static final Map<Profile, List<Slot>> PATTERNS = Map.of(
      Profile.THRIVING, List.of(new Slot(VIDEO, 5, 25), new Slot(VISIT_IN, 20, 70), new Slot(PROGRAMME, 45, 120),
          new Slot(EXHIBITION, 80, 200), new Slot(VISIT_OUT, 120, 220), new Slot(AGREEMENT, 160, 300),
          new Slot(PROGRAMME, 250, 340)),
      Profile.ACTIVE, List.of(new Slot(VISIT_EITHER_WAY, 20, 90), new Slot(PROGRAMME, 60, 150), new Slot(VIDEO, 100, 170)),
      Profile.COOLING, List.of(new Slot(PROGRAMME, 190, 260), new Slot(VISIT_EITHER_WAY, 230, 330)),
      Profile.DORMANT, List.of(new Slot(VIDEO, 400, 700)));

  private final Relationship relationship;
  private final List<Domain> themes;
  private final String place;
  private final String partner;
  private final Random random;
  private final String source;

  private DemoHistory(DemoRelationship demo, String place, Random random, String source) {
    this.relationship = demo.relationship();
    this.themes = demo.themes();
    this.place = place;
    this.partner = relationship.getPartnerNameEn();
    this.random = random;
    this.source = source;
  }

  /** The generated events of one relationship, for the demo built on {@code today}; {@code place} names the office's city. */
  static List<SpecificRecord> generate(DemoRelationship relationship, String place, LocalDate today) {
    return new DemoHistory(relationship, place, new Random(SEED * 31 + relationship.id().hashCode()), SOURCE)
        .events(PATTERNS.get(relationship.profile()), today);
  }

  /**
   * One more event of a kind lively relationships have, recorded on {@code today}: what the demo's simulation adds.
   * It started long enough ago to be over (an exhibition runs for weeks), since events record exchanges that happened.
   */
  static SpecificRecord another(DemoRelationship relationship, String place, LocalDate today, Random random, String source) {
    List<Slot> kinds = PATTERNS.get(Profile.THRIVING);
    Kind kind = kinds.get(random.nextInt(kinds.size())).kind();
    int daysAgo = switch (kind) {
      case VIDEO, AGREEMENT -> 1;
      case VISIT_IN, VISIT_OUT, VISIT_EITHER_WAY -> 4;
      case PROGRAMME -> 12;
      case EXHIBITION -> 45;
    };
    return new DemoHistory(relationship, place, random, source).events(List.of(new Slot(kind, daysAgo, daysAgo)), today)
        .get(0);
  }

  private List<SpecificRecord> events(List<Slot> pattern, LocalDate today) {
    List<SpecificRecord> events = new ArrayList<>();
    int firstTheme = random.nextInt(themes.size());
    for (int i = 0; i < pattern.size(); i++) {
      Slot slot = pattern.get(i);
      LocalDate day = today.minusDays(slot.fromDaysAgo() + random.nextInt(slot.toDaysAgo() - slot.fromDaysAgo() + 1));
      Domain theme = themes.get((firstTheme + i) % themes.size());
      Domain nextTheme = themes.get((firstTheme + i + 1) % themes.size());
      String eventId = "demo:" + relationship.getRelationshipId() + ":recent-" + (i + 1);
      events.add(switch (slot.kind()) {
        case VISIT_IN -> visit(eventId, day, Direction.INBOUND, headOfGovernmentIfAny(), List.of(theme, nextTheme));
        case VISIT_OUT -> visit(eventId, day, Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL, List.of(theme, nextTheme));
        case VISIT_EITHER_WAY -> visit(eventId, day, random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
            List.of(DelegationLevel.DEPARTMENT, DelegationLevel.BUSINESS, DelegationLevel.ACADEMIC).get(random.nextInt(3)),
            List.of(theme, nextTheme));
        case PROGRAMME -> programme(eventId, day, theme);
        case EXHIBITION -> exhibition(eventId, day, theme);
        case AGREEMENT -> agreement(eventId, day, theme);
        case VIDEO -> video(eventId, day, theme);
      });
    }
    return events;
  }

  private DelegationLevel headOfGovernmentIfAny() {
    return relationship.getPartnerLevel() == PartnerLevel.PORT ? DelegationLevel.SENIOR_OFFICIAL : DelegationLevel.HEAD_OF_GOVERNMENT;
  }

  private DelegationVisited visit(String eventId, LocalDate day, Direction direction, DelegationLevel level, List<Domain> domains) {
    List<Domain> distinct = domains.stream().distinct().toList();
    String leader = level != DelegationLevel.HEAD_OF_GOVERNMENT ? null : switch (relationship.getPartnerLevel()) {
      case CITY -> "Mayor of " + partner;
      case PROVINCE_OR_STATE -> "Governor of " + partner;
      case DISTRICT -> "Head of " + partner;
      default -> "Head of government of " + partner;
    };
    String summary = direction == Direction.INBOUND
        ? "Delegation from " + partner + " (" + label(level) + ") in " + place + ": " + labels(distinct) + "."
        : place + " delegation (" + label(level) + ") to " + partner + ": " + labels(distinct) + ".";
    return DelegationVisited.newBuilder()
        .setEnvelope(envelope(eventId, day, distinct, summary))
        .setDirection(direction).setLevel(level)
        .setHeadcount(4 + random.nextInt(16)).setLeader(leader)
        .setStartDate(day).setEndDate(day.plusDays(1 + random.nextInt(3)))
        .build();
  }

  private ExchangeProgramme programme(String eventId, LocalDate day, Domain theme) {
    ProgrammeKind kind = switch (theme) {
      case EDUCATION_AND_YOUTH -> ProgrammeKind.STUDENTS;
      case CULTURE, OTHER -> ProgrammeKind.CULTURE;
      case SPORT -> ProgrammeKind.SPORT;
      case TOURISM, HEALTH -> ProgrammeKind.PROFESSIONAL;
      default -> ProgrammeKind.TRAINING;
    };
    String title = switch (theme) {
      case EDUCATION_AND_YOUTH -> "Student exchange with " + partner;
      case CULTURE -> "Artists' residency exchange with " + partner;
      case SPORT -> "Youth sport exchange with " + partner;
      case TOURISM -> "Tourism professionals' exchange with " + partner;
      case HEALTH -> "Exchange of medical staff with " + partner;
      case ECONOMY_AND_TRADE -> "Trade and investment training course with " + partner;
      case SCIENCE_AND_TECHNOLOGY -> "Innovation and technology training course with " + partner;
      case URBAN_DEVELOPMENT -> "Urban planning training course with " + partner;
      case PORTS_AND_LOGISTICS -> "Port management training course with " + partner;
      case ENVIRONMENT -> "Low-carbon city training course with " + partner;
      case GOVERNANCE -> "Public administration training course with " + partner;
      case SOCIAL_AFFAIRS -> "Elderly-care training course with " + partner;
      case OTHER -> "Friendship exchange with " + partner;
    };
    Direction direction = random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
    return ExchangeProgramme.newBuilder()
        .setEnvelope(envelope(eventId, day, List.of(theme), title + (direction == Direction.INBOUND ? ", in " + place : ", in " + partner) + "."))
        .setKind(kind).setTitle(title).setDirection(direction)
        .setParticipants(8 + random.nextInt(33))
        .setStartDate(day).setEndDate(day.plusDays(2 + random.nextInt(10)))
        .build();
  }

  private ExhibitionHeld exhibition(String eventId, LocalDate day, Domain theme) {
    boolean atHome = random.nextBoolean();
    String title = switch (theme) {
      case ECONOMY_AND_TRADE -> "Products of " + partner;
      case CULTURE -> "Art of " + partner;
      case EDUCATION_AND_YOUTH -> "Children's drawings from " + place + " and " + partner;
      case TOURISM -> "Discover " + (atHome ? partner : place);
      case PORTS_AND_LOGISTICS -> "Green ports and shipping: " + place + " and " + partner;
      case ENVIRONMENT -> "Green cities: " + place + " and " + partner;
      case SCIENCE_AND_TECHNOLOGY -> "Innovation from " + (atHome ? partner : place);
      case URBAN_DEVELOPMENT -> "Cities of tomorrow: " + place + " and " + partner;
      default -> "Friendship between " + place + " and " + partner;
    };
    return ExhibitionHeld.newBuilder()
        .setEnvelope(envelope(eventId, day, List.of(theme), "Exhibition \"" + title + "\" in " + (atHome ? place : partner) + "."))
        .setTitle(title).setHeldIn(atHome ? place : partner).setVenue(atHome ? Venue.HOME : Venue.PARTNER)
        .setVisitors(1_000L * (2 + random.nextInt(40)))
        .setStartDate(day).setEndDate(day.plusDays(14 + random.nextInt(30)))
        .build();
  }

  private AgreementSigned agreement(String eventId, LocalDate day, Domain theme) {
    boolean renewal = random.nextBoolean();
    String title = renewal
        ? "Cooperation memorandum with " + partner + " renewed for five years"
        : "Memorandum of understanding with " + partner + " on " + label(theme);
    return AgreementSigned.newBuilder()
        .setEnvelope(envelope(eventId, day, List.of(theme), title + "."))
        .setKind(renewal ? AgreementKind.RENEWAL : AgreementKind.MEMORANDUM).setTitle(title)
        .setSignedOn(day).setValidUntil(day.plusYears(5).minusDays(1))
        .build();
  }

  private VideoMeeting video(String eventId, LocalDate day, Domain theme) {
    String topic = "Follow-up on " + label(theme);
    return VideoMeeting.newBuilder()
        .setEnvelope(envelope(eventId, day, List.of(theme), "Video meeting with " + partner + ": " + topic.toLowerCase(Locale.ROOT) + "."))
        .setTopic(topic).setLevel(DelegationLevel.DEPARTMENT).setParticipants(3 + random.nextInt(8))
        .build();
  }

  private Envelope envelope(String eventId, LocalDate day, List<Domain> domains, String summary) {
    return DemoEvents.envelope(eventId, relationship.getOfficeId(), List.of(relationship.getRelationshipId()), day,
        domains, source, summary);
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String labels(List<Domain> domains) {
    return domains.stream().map(DemoHistory::label).collect(Collectors.joining(", "));
  }
}
