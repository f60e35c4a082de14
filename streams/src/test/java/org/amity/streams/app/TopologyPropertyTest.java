package org.amity.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.events.ExchangeProgramme;
import org.amity.events.ExhibitionHeld;
import org.amity.events.ForumHeld;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.ProgrammeKind;
import org.amity.events.ProjectMilestone;
import org.amity.events.Venue;
import org.amity.events.VideoMeeting;
import org.amity.streams.model.Events;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topology against the reference: a random history of a few relationships, sent in a random order, gives the
 * same vitality and activity as {@link ReferenceHistory#of} at the instant the topology scored.
 *
 * <p>A history is a list of steps: a new exchange (any type, level, kind, milestone, direction, domains; dated over
 * the three years before the wall clock, a few in the future, some exactly on a window's edge; naming one relationship
 * or, multilateral, two or three), an identical duplicate of an event already made, a retraction of an exchange
 * already made (naming the same relationships, as the contract says), or a correction of an exchange already made (a
 * correction of a correction makes a chain). The events are then shuffled, so that a retraction or a correction may
 * arrive before the event it concerns, and a duplicate before its original.
 *
 * <p>Every field of each relationship's vitality record is compared: doubles within 1e-9, the rest exactly, the
 * top contributors one by one; and every activity window, tally by tally. The record's {@code exchanges},
 * {@code lastExchangeAt} and {@code lastSubstantiveAt} are checked against the reference's standing events rather
 * than its figures: the exchanges that count for vitality at that instant (worth points, not after it), the latest
 * of them, and the latest substantive one.
 *
 * <p>Each try runs on a fresh TopologyTestDriver, so that no try sees another's state; opening and closing its
 * RocksDB stores takes most of a try's time (about 0.2 s), hence 100 tries (20–30 s).
 */
class TopologyPropertyTest {
  static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  /** When the first emit punctuation scores. */
  static final Instant AT = NOW.plus(TopologyFixture.EMIT);
  static final List<String> RELATIONSHIPS = List.of("shanghai/nl-rotterdam", "shanghai/jp-hirakata",
      "shanghai/nz-dunedin", "shanghai/de-hamburg");
  static final long DAY_MS = Duration.ofDays(1).toMillis();

  enum Kind { DELEGATION, AGREEMENT, PROJECT, EXHIBITION, FORUM, PROGRAMME, VIDEO }

  /** What a new exchange (or a correction's replacement) is: all choices, resolved when the history is built. */
  record ExchangeSpec(Kind kind, int variant, Direction direction, boolean directionKnown, Set<Domain> domains,
      Instant occurredAt, long recordedAfterMs, List<Integer> relationships) {}

  sealed interface Step permits Fresh, Duplicate, Retract, Correct {}

  record Fresh(ExchangeSpec spec) implements Step {}

  /** Sends an event already made again, identical; {@code target} picks it among those made so far. */
  record Duplicate(int target) implements Step {}

  record Retract(int target, long recordedAfterMs) implements Step {}

  /** Replaces an exchange already made; the replacement names the same relationships or its own. */
  record Correct(int target, ExchangeSpec replacement, boolean sameRelationships) implements Step {}

  /** A history: the relationships, the day each was established (null: unknown), the events made and as sent. */
  record Case(int relationships, List<LocalDate> establishedOn, List<SpecificRecord> made, List<SpecificRecord> sent) {

    List<String> relationshipIds() {
      return RELATIONSHIPS.subList(0, relationships);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("relationships established on " + establishedOn + "; sent in order:");
      sent.forEach(event -> text.append("\n  ").append(event));
      return text.toString();
    }
  }

  @Property(tries = 100)
  void theTopologyAgreesWithTheReference(@ForAll("histories") Case history) {
    collectStatistics(history);
    ModelSettings settings = StreamsSettings.defaults().model();
    try (TopologyFixture streams = new TopologyFixture(NOW)) {
      Map<String, LocalDate> establishedOn = new HashMap<>();
      for (int i = 0; i < history.relationships(); i++) {
        String id = RELATIONSHIPS.get(i);
        establishedOn.put(id, history.establishedOn().get(i));
        streams.add(TopologyFixture.relationship(id, history.establishedOn().get(i)));
      }
      history.sent().forEach(streams::send);
      streams.publish();
      assertThat(streams.deadLetters()).as("dead letters").isEmpty();

      List<String> differences = new ArrayList<>();
      for (String id : history.relationshipIds()) {
        differences.addAll(ReferenceComparison.differences(id, streams.vitality(id), streams.activity(id),
            history.sent(), establishedOn.get(id), settings));
      }
      assertThat(differences).as("topology against reference").isEmpty();
    }
  }

  // ---- what the generator covers

  private static void collectStatistics(Case history) {
    Map<String, Integer> firstSent = new HashMap<>();
    for (int i = 0; i < history.sent().size(); i++) {
      firstSent.putIfAbsent(Events.envelopeOf(history.sent().get(i)).getEventId(), i);
    }
    Set<String> corrections = new HashSet<>();
    Set<String> made = new HashSet<>();
    boolean retractionFirst = false;
    boolean retractionAfter = false;
    boolean chain = false;
    boolean retractedCorrection = false;
    boolean multilateral = false;
    boolean future = false;
    for (SpecificRecord event : history.made()) {
      Envelope envelope = Events.envelopeOf(event);
      if (!made.add(envelope.getEventId())) {
        continue;
      }
      if (event instanceof EventRetracted retraction) {
        Integer target = firstSent.get(retraction.getRetractedEventId());
        retractionFirst |= target != null && firstSent.get(envelope.getEventId()) < target;
        retractionAfter |= target != null && firstSent.get(envelope.getEventId()) > target;
        retractedCorrection |= corrections.contains(retraction.getRetractedEventId());
        continue;
      }
      if (envelope.getCorrects() != null) {
        chain |= corrections.contains(envelope.getCorrects());
        corrections.add(envelope.getEventId());
      }
      multilateral |= new HashSet<>(envelope.getRelationshipIds()).size() > 1;
      future |= envelope.getOccurredAt().isAfter(AT);
    }
    boolean duplicate = history.made().size() > made.size();
    Statistics.label("retraction sent before its event").collect(retractionFirst);
    Statistics.label("retraction sent after its event").collect(retractionAfter);
    Statistics.label("correction of a correction").collect(chain);
    Statistics.label("retracted correction").collect(retractedCorrection);
    Statistics.label("multilateral event").collect(multilateral);
    Statistics.label("identical duplicate").collect(duplicate);
    Statistics.label("event in the future").collect(future);
    int tens = history.made().size() / 10 * 10;
    Statistics.label("events made").collect(tens + "-" + (tens + 9));
    for (String label : List.of("retraction sent before its event", "retraction sent after its event",
        "correction of a correction", "retracted correction", "multilateral event", "identical duplicate",
        "event in the future")) {
      Statistics.label(label).coverage(coverage -> coverage.check(true).count(n -> n >= 3));
    }
  }

  // ---- generators

  @Provide
  Arbitrary<Case> histories() {
    Arbitrary<Integer> relationships = Arbitraries.integers().between(2, RELATIONSHIPS.size());
    Arbitrary<List<LocalDate>> establishedOn = establishment().list().ofSize(RELATIONSHIPS.size());
    Arbitrary<List<Step>> steps = step().list().ofMinSize(1).ofMaxSize(40)
        .withSizeDistribution(RandomDistribution.uniform());
    return Combinators.combine(relationships, establishedOn, steps)
        .as((count, established, plan) -> {
          List<SpecificRecord> made = build(plan, count);
          return Tuple.of(count, established.subList(0, count), made);
        })
        .flatMap(built -> Arbitraries.shuffle(built.get3())
            .map(order -> new Case(built.get1(), built.get2(), built.get3(), order)));
  }

  private static Arbitrary<LocalDate> establishment() {
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.integers().between(2, 60).map(years -> today.minusYears(years))),
        Tuple.of(3, Arbitraries.integers().between(0, 500).map(today::minusDays)),
        Tuple.of(2, Arbitraries.just(null)));
  }

  private static Arbitrary<Step> step() {
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 1000);
    Arbitrary<Long> after = Arbitraries.longs().between(0, 60 * DAY_MS);
    return Arbitraries.frequencyOf(
        Tuple.of(8, exchange().map(Fresh::new)),
        Tuple.of(2, target.map(Duplicate::new)),
        Tuple.of(2, Combinators.combine(target, after).as(Retract::new)),
        Tuple.of(3, Combinators.combine(target, exchange(), Arbitraries.of(true, true, false))
            .as(Correct::new)));
  }

  private static Arbitrary<ExchangeSpec> exchange() {
    Arbitrary<Kind> kind = Arbitraries.of(Kind.class);
    Arbitrary<Integer> variant = Arbitraries.integers().between(0, 6);
    Arbitrary<Direction> direction = Arbitraries.of(Direction.class);
    Arbitrary<Boolean> directionKnown = Arbitraries.of(true, true, false);
    Arbitrary<Set<Domain>> domains = Arbitraries.of(Domain.class).set().ofMaxSize(3);
    Arbitrary<Long> recordedAfter = Arbitraries.longs().between(0, 10 * DAY_MS);
    Arbitrary<List<Integer>> relationships = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0, RELATIONSHIPS.size() - 1).list().ofSize(1)),
        Tuple.of(1, Arbitraries.integers().between(0, RELATIONSHIPS.size() - 1).list().ofMinSize(2).ofMaxSize(3)));
    return Combinators.combine(kind, variant, direction, directionKnown, domains, occurredAt(), recordedAfter,
        relationships).as(ExchangeSpec::new);
  }

  /** Mostly within three years before the scoring instant, some in the future, some on a window's edge (± 1 ms). */
  private static Arbitrary<Instant> occurredAt() {
    Arbitrary<Instant> past = Arbitraries.longs().between(0, 3 * 365 * DAY_MS).map(AT::minusMillis);
    Arbitrary<Instant> future = Arbitraries.longs().between(1, 45 * DAY_MS).map(AT::plusMillis);
    Arbitrary<Instant> edge = Combinators.combine(Arbitraries.of(0, 30, 90, 180, 365, 730),
            Arbitraries.longs().between(-1, 1))
        .as((days, ms) -> AT.minusMillis(days * DAY_MS + ms));
    return Arbitraries.frequencyOf(Tuple.of(16, past), Tuple.of(2, future), Tuple.of(2, edge));
  }

  // ---- building a history from its steps

  /** The events the steps make, in the order made (duplicates included). */
  static List<SpecificRecord> build(List<Step> steps, int relationships) {
    List<SpecificRecord> made = new ArrayList<>();
    List<SpecificRecord> exchanges = new ArrayList<>();
    int next = 0;
    for (Step step : steps) {
      if (step instanceof Fresh fresh) {
        SpecificRecord event = event(fresh.spec(), "e" + next++, null, null, relationships);
        made.add(event);
        exchanges.add(event);
      } else if (step instanceof Duplicate duplicate && !made.isEmpty()) {
        made.add(made.get(duplicate.target() % made.size()));
      } else if (step instanceof Retract retract && !exchanges.isEmpty()) {
        Envelope target = Events.envelopeOf(exchanges.get(retract.target() % exchanges.size()));
        Instant recordedAt = target.getRecordedAt().plusMillis(retract.recordedAfterMs());
        Envelope envelope = Envelope.newBuilder()
            .setEventId("r" + next++)
            .setOccurredAt(recordedAt)
            .setRecordedAt(recordedAt)
            .setOffice("shanghai")
            .setRelationshipIds(target.getRelationshipIds())
            .setDomains(List.of())
            .setSource("test")
            .build();
        made.add(EventRetracted.newBuilder().setEnvelope(envelope).setRetractedEventId(target.getEventId())
            .setReason("recorded by mistake").build());
      } else if (step instanceof Correct correct && !exchanges.isEmpty()) {
        Envelope target = Events.envelopeOf(exchanges.get(correct.target() % exchanges.size()));
        SpecificRecord event = event(correct.replacement(), "c" + next++, target.getEventId(),
            correct.sameRelationships() ? target.getRelationshipIds() : null, relationships);
        made.add(event);
        exchanges.add(event);
      }
    }
    return made;
  }

  private static SpecificRecord event(ExchangeSpec spec, String eventId, String corrects, List<String> relationshipIds,
      int relationships) {
    List<String> ids = relationshipIds != null ? relationshipIds
        : spec.relationships().stream().map(i -> RELATIONSHIPS.get(i % relationships)).toList();
    Envelope envelope = Envelope.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(spec.occurredAt())
        .setRecordedAt(spec.occurredAt().plusMillis(spec.recordedAfterMs()))
        .setOffice("shanghai")
        .setRelationshipIds(List.copyOf(ids))
        .setDomains(List.copyOf(new LinkedHashSet<>(spec.domains())))
        .setSource("test")
        .setCorrects(corrects)
        .build();
    LocalDate day = LocalDate.ofInstant(spec.occurredAt(), ZoneOffset.UTC);
    int v = spec.variant();
    return switch (spec.kind()) {
      case DELEGATION -> DelegationVisited.newBuilder().setEnvelope(envelope).setDirection(spec.direction())
          .setLevel(pick(DelegationLevel.values(), v)).setStartDate(day).build();
      case AGREEMENT -> AgreementSigned.newBuilder().setEnvelope(envelope).setKind(pick(AgreementKind.values(), v))
          .setTitle("agreement").setSignedOn(day).setValidUntil(v % 2 == 0 ? null : day.plusYears(v)).build();
      case PROJECT -> ProjectMilestone.newBuilder().setEnvelope(envelope).setProjectId("p" + v % 3)
          .setProjectName("project").setMilestone(pick(Milestone.values(), v)).setReachedOn(day).build();
      case EXHIBITION -> ExhibitionHeld.newBuilder().setEnvelope(envelope).setTitle("exhibition")
          .setVenue(pick(Venue.values(), v)).setStartDate(day).build();
      case FORUM -> ForumHeld.newBuilder().setEnvelope(envelope).setKind(pick(GatheringKind.values(), v))
          .setTitle("forum").setVenue(pick(Venue.values(), v)).setStartDate(day).build();
      case PROGRAMME -> ExchangeProgramme.newBuilder().setEnvelope(envelope).setKind(pick(ProgrammeKind.values(), v))
          .setTitle("programme").setDirection(spec.directionKnown() ? spec.direction() : null).setStartDate(day)
          .build();
      case VIDEO -> VideoMeeting.newBuilder().setEnvelope(envelope).setLevel(pick(DelegationLevel.values(), v))
          .build();
    };
  }

  private static <T> T pick(T[] values, int variant) {
    return values[variant % values.length];
  }
}
