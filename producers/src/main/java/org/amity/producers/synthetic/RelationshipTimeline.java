package org.amity.producers.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ForumHeld;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events of one relationship: exchanges at random times (a Poisson process at the relationship's own
 * rate), each of a type drawn from the mix, and rarely a retraction of one of them. A retraction never
 * withdraws the relationship's last exchange, so the last exchange in the ground truth stands.
 */
final class RelationshipTimeline {
  static final long DAY_MS = 86_400_000L;
  private static final double YEAR_MS = 365.2425 * DAY_MS;
  /** Share of the single-relationship exchanges that are later retracted. */
  static final double RETRACTED_SHARE = 0.003;
  /** Share of forums that bring in other relationships of the same office. */
  static final double MULTILATERAL_SHARE = 0.35;
  private static final int MOST_OTHER_FORUM_PARTNERS = 4;
  private static final List<Domain> DOMAINS = List.of(Domain.values()).subList(0, Domain.values().length - 1);
  private static final int FOCUS_DOMAINS = 4;
  private static final List<String> RETRACTION_REASONS = List.of("Entered twice", "The visit was cancelled",
      "Recorded under the wrong partner", "Postponed to next year", "Recorded by mistake");

  /** The share of an exchange type that has no written body of its own ({@link EventBodies#fromSchema}). */
  static final int OTHER_TYPE_SHARE = 5;
  /** The event mix, in percent, of the types with a written body. */
  private static final Map<EventType, Integer> SHARES = shares();
  private static final Weighted<EventType> MIX = new Weighted<>(List.copyOf(SHARES.keySet()),
      SHARES.values().stream().mapToInt(Integer::intValue).toArray());

  private final SyntheticGenerator generator;
  private final RelationshipPlan plan;
  private final SyntheticGenerator.EventIds ids;
  private final SplittableRandom random;
  private final long start;
  private final long stop;
  private final List<Domain> focus;
  private final EventBodies bodies;

  RelationshipTimeline(SyntheticGenerator generator, RelationshipPlan plan, SyntheticGenerator.EventIds ids,
                       SplittableRandom random) {
    SyntheticSpec spec = generator.spec();
    this.generator = generator;
    this.plan = plan;
    this.ids = ids;
    this.random = random;
    this.start = spec.startInstant().toEpochMilli();
    this.stop = (plan.profile() == Profile.QUIET ? spec.quietInstant() : spec.endInstant()).toEpochMilli();
    this.focus = focusDomains();
    this.bodies = new EventBodies(plan, random, generator.lastDayOf(plan));
  }

  /** The relationship's events in time order. */
  List<SpecificRecord> events() {
    List<SpecificRecord> exchanges = exchanges();
    List<SpecificRecord> events = new ArrayList<>(exchanges);
    events.addAll(retractions(exchanges));
    events.sort(Comparator.comparing(event -> EventTypes.envelopeOf(event).getOccurredAt()));
    return events;
  }

  private List<SpecificRecord> exchanges() {
    List<SpecificRecord> exchanges = new ArrayList<>();
    double perMs = plan.eventsPerYear() / YEAR_MS;
    double at = start;
    while (true) {
      at += -Math.log(1 - random.nextDouble()) / perMs;
      if (at >= stop) {
        return exchanges;
      }
      exchanges.add(exchange(wholeSeconds((long) at), MIX.pick(random)));
    }
  }

  private static Map<EventType, Integer> shares() {
    Map<EventType, Integer> shares = new LinkedHashMap<>();
    shares.put(EventTypes.DELEGATION_VISITED, 28);
    shares.put(EventTypes.AGREEMENT_SIGNED, 7);
    shares.put(EventTypes.EXHIBITION_HELD, 8);
    shares.put(EventTypes.FORUM_HELD, 10);
    shares.put(EventTypes.PROJECT_MILESTONE, 9);
    shares.put(EventTypes.EXCHANGE_PROGRAMME, 14);
    shares.put(EventTypes.VIDEO_MEETING, 24);
    EventTypes.exchanges().forEach(type -> shares.putIfAbsent(type, OTHER_TYPE_SHARE));
    return shares;
  }

  private SpecificRecord exchange(long at, EventType type) {
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at, DAY_MS));
    boolean forum = type == EventTypes.FORUM_HELD;
    List<String> relationshipIds = forum ? forumParticipants(day) : List.of(plan.relationshipId());
    return bodies.of(type, envelope(at, relationshipIds, domains()), day);
  }

  /** This relationship, and for a multilateral forum up to four active relationships of the same office. */
  private List<String> forumParticipants(LocalDate day) {
    int partners = generator.spec().relationshipsPerOffice();
    if (partners < 2 || random.nextDouble() >= MULTILATERAL_SHARE) {
      return List.of(plan.relationshipId());
    }
    int wanted = 2 + random.nextInt(MOST_OTHER_FORUM_PARTNERS);
    List<String> ids = new ArrayList<>(wanted);
    ids.add(plan.relationshipId());
    for (int attempt = 0; attempt < 3 * wanted && ids.size() < wanted; attempt++) {
      RelationshipPlan other = generator.plan(plan.officeNumber(), 1 + random.nextInt(partners));
      if (takesPart(other, day) && !ids.contains(other.relationshipId())) {
        ids.add(other.relationshipId());
      }
    }
    return List.copyOf(ids);
  }

  /** Sparse partners stay away from forums; quiet ones come only while the whole forum is before they go quiet. */
  private boolean takesPart(RelationshipPlan other, LocalDate day) {
    return other.profile() == Profile.ACTIVE
        || other.profile() == Profile.QUIET
        && day.plusDays(EventBodies.LONGEST_FORUM_DAYS).isBefore(generator.spec().quietFrom());
  }

  private List<EventRetracted> retractions(List<SpecificRecord> exchanges) {
    List<EventRetracted> retractions = new ArrayList<>();
    for (int i = 0; i < exchanges.size() - 1; i++) {
      SpecificRecord target = exchanges.get(i);
      if (!(target instanceof ForumHeld) && random.nextDouble() < RETRACTED_SHARE) {
        retractions.add(retraction(EventTypes.envelopeOf(target)));
      }
    }
    return retractions;
  }

  private EventRetracted retraction(Envelope target) {
    long after = DAY_MS + random.nextLong(29 * DAY_MS);
    long at = wholeSeconds(Math.min(target.getOccurredAt().toEpochMilli() + after, stop - 1));
    EventRetracted retraction = new EventRetracted();
    retraction.setEnvelope(envelope(at, target.getRelationshipIds(), target.getDomains()));
    retraction.setRetractedEventId(target.getEventId());
    retraction.setReason(RETRACTION_REASONS.get(random.nextInt(RETRACTION_REASONS.size())));
    return retraction;
  }

  private Envelope envelope(long at, List<String> relationshipIds, List<Domain> domains) {
    Envelope envelope = new Envelope();
    envelope.setEventId(ids.next());
    envelope.setOccurredAt(Instant.ofEpochMilli(at));
    envelope.setRecordedAt(Instant.ofEpochMilli(at + DAY_MS / 4 + random.nextLong(4 * DAY_MS)));
    envelope.setOffice(plan.officeId());
    envelope.setRelationshipIds(relationshipIds);
    envelope.setDomains(domains);
    envelope.setSource(SyntheticGenerator.SOURCE);
    return envelope;
  }

  /** One to three distinct domains, mostly from the relationship's focus. */
  private List<Domain> domains() {
    int count = 1 + (random.nextInt(100) < 50 ? 0 : random.nextInt(100) < 70 ? 1 : 2);
    List<Domain> domains = new ArrayList<>(count);
    while (domains.size() < count) {
      Domain domain = random.nextInt(100) < 85 ? focus.get(random.nextInt(focus.size())) : anyDomain();
      if (!domains.contains(domain)) {
        domains.add(domain);
      }
    }
    return List.copyOf(domains);
  }

  private List<Domain> focusDomains() {
    List<Domain> focus = new ArrayList<>(FOCUS_DOMAINS);
    while (focus.size() < FOCUS_DOMAINS) {
      Domain domain = anyDomain();
      if (!focus.contains(domain)) {
        focus.add(domain);
      }
    }
    return List.copyOf(focus);
  }

  private Domain anyDomain() {
    return DOMAINS.get(random.nextInt(DOMAINS.size()));
  }

  private static long wholeSeconds(long epochMilli) {
    return epochMilli - Math.floorMod(epochMilli, 1000L);
  }
}
