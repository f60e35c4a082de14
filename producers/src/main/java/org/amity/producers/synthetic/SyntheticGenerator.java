package org.amity.producers.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.specific.SpecificRecord;

/**
 * Makes the offices, relationships and events a {@link SyntheticSpec} describes, the same every time.
 * Events come relationship by relationship, each relationship's in time order, without the whole set ever
 * being held in memory. Each relationship draws from its own random stream, seeded from the spec's seed and
 * the relationship's position, so what one relationship gets does not depend on how the others are consumed.
 */
public final class SyntheticGenerator {
  /** The envelope's source on every generated event. */
  public static final String SOURCE = "synthetic";

  private static final double SPARSE_SHARE = 0.2;
  private static final long PLAN_STREAM = 1;
  private static final long MASTER_DATA_STREAM = 2;
  private static final long EVENT_STREAM = 3;

  private static final Weighted<RelationshipKind> KINDS = new Weighted<>(
      List.of(RelationshipKind.SISTER_CITY, RelationshipKind.FRIENDLY_COOPERATION, RelationshipKind.PORT_PARTNERSHIP,
          RelationshipKind.OTHER), 50, 35, 10, 5);
  private static final Weighted<PartnerLevel> PARTNER_LEVELS = new Weighted<>(
      List.of(PartnerLevel.CITY, PartnerLevel.PROVINCE_OR_STATE, PartnerLevel.REGION, PartnerLevel.DISTRICT),
      75, 12, 5, 8);

  private final SyntheticSpec spec;

  public SyntheticGenerator(SyntheticSpec spec) {
    this.spec = spec;
  }

  public SyntheticSpec spec() {
    return spec;
  }

  /** "office-007" for office number 7. */
  public static String officeId(int officeNumber) {
    return "office-" + zeroPadded(officeNumber, 3);
  }

  public List<Office> offices() {
    return IntStream.rangeClosed(1, spec.offices()).mapToObj(SyntheticGenerator::office).toList();
  }

  /** Every relationship's plan, office by office. */
  public Stream<RelationshipPlan> plans() {
    return LongStream.range(0, spec.relationships()).mapToObj(this::plan);
  }

  /** The plan of a relationship by its office's number and its partner's number, both from 1. */
  public RelationshipPlan plan(int officeNumber, int partnerNumber) {
    return plan((long) (officeNumber - 1) * spec.relationshipsPerOffice() + partnerNumber - 1);
  }

  public Stream<Relationship> relationships() {
    return plans().map(this::relationship);
  }

  /**
   * Every event, relationship by relationship. Each relationship's own events (those keyed by it) are in
   * time order; a multilateral forum appears with the relationship that hosts it. Consume sequentially.
   */
  public Stream<SpecificRecord> events() {
    EventIds ids = new EventIds(spec.seed());
    return plans().flatMap(plan -> eventsOf(plan, ids).stream());
  }

  List<SpecificRecord> eventsOf(RelationshipPlan plan, EventIds ids) {
    return new RelationshipTimeline(this, plan, ids, random(plan.index(), EVENT_STREAM)).events();
  }

  private RelationshipPlan plan(long index) {
    int officeNumber = (int) (index / spec.relationshipsPerOffice()) + 1;
    int partnerNumber = (int) (index % spec.relationshipsPerOffice()) + 1;
    SplittableRandom random = random(index, PLAN_STREAM);
    Country country = Country.ALL.get(random.nextInt(Country.ALL.size()));
    Profile profile = profile(random);
    String officeId = officeId(officeNumber);
    String relationshipId = officeId + "/" + country.slug() + "-city-" + zeroPadded(partnerNumber, 5);
    double eventsPerYear = spec.eventsPerRelationshipPerYear() * activity(profile, random);
    return new RelationshipPlan(index, officeNumber, partnerNumber, officeId, relationshipId, country, profile,
        eventsPerYear);
  }

  private Profile profile(SplittableRandom random) {
    if (random.nextDouble() < spec.quietShare()) {
      return Profile.QUIET;
    }
    return random.nextDouble() < SPARSE_SHARE ? Profile.SPARSE : Profile.ACTIVE;
  }

  /**
   * How much more or less active than the average a relationship is. Sparse ones get 0.05 to 0.25 times
   * the average; the others 0.3 plus an exponential share with a long tail (a few get five times the
   * average), so that over all relationships the factor averages 1.
   */
  private static double activity(Profile profile, SplittableRandom random) {
    if (profile == Profile.SPARSE) {
      return 0.05 + 0.2 * random.nextDouble();
    }
    double othersMean = (1 - SPARSE_SHARE * 0.15) / (1 - SPARSE_SHARE);
    return 0.3 + (othersMean - 0.3) * -Math.log(1 - random.nextDouble());
  }

  private Relationship relationship(RelationshipPlan plan) {
    SplittableRandom random = random(plan.index(), MASTER_DATA_STREAM);
    RelationshipKind kind = KINDS.pick(random);
    Relationship relationship = new Relationship();
    relationship.setRelationshipId(plan.relationshipId());
    relationship.setOfficeId(plan.officeId());
    relationship.setPartnerId(plan.partnerId());
    relationship.setPartnerNameEn(partnerName(plan));
    relationship.setCountry(plan.country().code());
    relationship.setRegion(plan.country().region());
    relationship.setKind(kind);
    relationship.setPartnerLevel(
        kind == RelationshipKind.PORT_PARTNERSHIP ? PartnerLevel.PORT : PARTNER_LEVELS.pick(random));
    relationship.setEstablishedOn(spec.start().minusDays(30 + random.nextInt(40 * 365)));
    relationship.setStatus(random.nextInt(10) == 0 ? RelationshipStatus.LETTER_OF_INTENT : RelationshipStatus.FORMAL);
    relationship.setResponsibleOfficer("desk-" + (1 + random.nextInt(5)) + "@" + plan.officeId() + ".example");
    relationship.setUpdatedAt(spec.startInstant());
    relationship.setStatusHistory(List.of());
    return relationship;
  }

  /** "NL City 42". */
  static String partnerName(RelationshipPlan plan) {
    return plan.country().code() + " City " + plan.partnerNumber();
  }

  /** "Home City 7": where office 7 sits. */
  static String officeCity(RelationshipPlan plan) {
    return "Home City " + plan.officeNumber();
  }

  private static Office office(int number) {
    Office office = new Office();
    office.setOfficeId(officeId(number));
    office.setNameEn("Synthetic Foreign Affairs Office " + zeroPadded(number, 3));
    office.setNameZh("合成外事办公室" + zeroPadded(number, 3));
    office.setLevel(OfficeLevel.CITY);
    return office;
  }

  LocalDate lastDayOf(RelationshipPlan plan) {
    return (plan.profile() == Profile.QUIET ? spec.quietFrom() : spec.end()).minusDays(1);
  }

  private SplittableRandom random(long index, long stream) {
    return new SplittableRandom(mix(mix(spec.seed()) + index * 8 + stream));
  }

  /** A 64-bit finalizer (Stafford's mix 13): nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static String zeroPadded(int number, int width) {
    String digits = Integer.toString(number);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** Numbers the events of one pass in the order they are made: "syn-&lt;seed&gt;-&lt;n&gt;". */
  static final class EventIds {
    private final String prefix;
    private long next;

    EventIds(long seed) {
      this.prefix = "syn-" + seed + "-";
    }

    String next() {
      return prefix + next++;
    }
  }
}
