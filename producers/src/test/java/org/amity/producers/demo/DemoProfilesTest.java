package org.amity.producers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.VideoMeeting;
import org.amity.partners.Relationship;
import org.amity.producers.demo.SimpleVitality.Band;
import org.amity.producers.demo.SimpleVitality.Score;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo data has the intended spread: under the model of docs/design.md each relationship is in its intended band. */
class DemoProfilesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

  static Stream<LocalDate> todays() {
    return Stream.of(DAY, LocalDate.now(), DemoData.earliestToday(), LocalDate.of(2027, 6, 1), LocalDate.of(2030, 1, 1));
  }

  @ParameterizedTest
  @MethodSource("todays")
  void everyRelationshipIsInItsIntendedBand(LocalDate today) {
    DemoData demo = DemoData.build(today);
    List<String> mismatches = new ArrayList<>();
    for (Relationship relationship : demo.relationships()) {
      Score score = SimpleVitality.score(relationship, demo.events(), today);
      Profile intended = demo.intendedProfiles().get(relationship.getRelationshipId());
      if (!score.band().name().equals(intended.name())) {
        mismatches.add(relationship.getRelationshipId() + ": intended " + intended + ", computed " + score);
      }
    }
    assertThat(mismatches).as("relationships out of their intended band on " + today).isEmpty();
  }

  @Test
  void theBandsHoldEveryWeekForTwoYears() {
    LocalDate start = DemoData.earliestToday();
    List<String> mismatches = new ArrayList<>();
    for (LocalDate today = start; today.isBefore(start.plusYears(2)); today = today.plusWeeks(1)) {
      DemoData demo = DemoData.build(today);
      for (Relationship relationship : demo.relationships()) {
        Band band = SimpleVitality.score(relationship, demo.events(), today).band();
        Profile intended = demo.intendedProfiles().get(relationship.getRelationshipId());
        if (!band.name().equals(intended.name())) {
          mismatches.add(today + " " + relationship.getRelationshipId() + ": intended " + intended + ", computed " + band);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyProfileIsRepresented() {
    DemoData demo = DemoData.build(DAY);
    Map<Band, Integer> counts = new EnumMap<>(Band.class);
    for (Relationship relationship : demo.relationships()) {
      counts.merge(SimpleVitality.score(relationship, demo.events(), DAY).band(), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(Band.THRIVING, Band.ACTIVE, Band.COOLING, Band.DORMANT);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(4));
    printTable(demo);
  }

  @Test
  void jinanHasPartnersThatAreNotActiveEnough() {
    DemoData demo = DemoData.build(DAY);
    assertThat(demo.relationships()).filteredOn(r -> r.getOfficeId().equals("jinan"))
        .extracting(r -> SimpleVitality.score(r, demo.events(), DAY).band())
        .contains(Band.DORMANT, Band.COOLING, Band.THRIVING);
  }

  // The oracle itself, against the calibration in docs/design.md.

  @Test
  void oneMayoralVisitTodayAndNothingElseIsAboutThirtyAndActive() {
    Relationship relationship = DemoData.build(DAY).relationships().get(0);
    Score score = SimpleVitality.score(relationship, List.of(visit(relationship, DAY, Direction.INBOUND)), DAY);
    assertThat(score.vitality()).isBetween(28, 33);
    assertThat(score.band()).isEqualTo(Band.ACTIVE);
  }

  @Test
  void oneVideoCallAYearIsCoolingAtBestAndDormantMostOfTheYear() {
    Relationship relationship = DemoData.build(DAY).relationships().get(0);
    List<SpecificRecord> call = List.of(video(relationship, DAY.minusDays(365)), video(relationship, DAY));
    int dormantDays = 0;
    for (int day = 0; day < 365; day++) {
      Band band = SimpleVitality.score(relationship, call, DAY.plusDays(day)).band();
      assertThat(band).isIn(Band.COOLING, Band.DORMANT);
      dormantDays += band == Band.DORMANT ? 1 : 0;
    }
    assertThat(dormantDays).isGreaterThan(365 / 2);
  }

  @Test
  void silenceTurnsAThrivingRelationshipCoolingThenDormant() {
    DemoData demo = DemoData.build(DAY);
    Relationship rotterdam = demo.relationships().stream()
        .filter(r -> r.getRelationshipId().equals("shanghai/nl-rotterdam")).findFirst().orElseThrow();
    assertThat(SimpleVitality.score(rotterdam, demo.events(), DAY).band()).isEqualTo(Band.THRIVING);
    assertThat(SimpleVitality.score(rotterdam, demo.events(), DAY.plusDays(200)).band()).isEqualTo(Band.COOLING);
    assertThat(SimpleVitality.score(rotterdam, demo.events(), DAY.plusDays(400)).band()).isEqualTo(Band.DORMANT);
  }

  private static void printTable(DemoData demo) {
    StringBuilder table = new StringBuilder("relationship | intended | computed | V | m b r s | days since last\n");
    for (Relationship relationship : demo.relationships()) {
      Score s = SimpleVitality.score(relationship, demo.events(), demo.today());
      table.append(String.format("%s | %s | %s | %d | %.2f %.2f %.2f %.2f | %s%n", relationship.getRelationshipId(),
          demo.intendedProfiles().get(relationship.getRelationshipId()), s.band(), s.vitality(), s.momentum(),
          s.breadth(), s.reciprocity(), s.substance(), s.daysSinceLastExchange()));
    }
    System.out.println(table);
  }

  private static Envelope envelope(Relationship relationship, String eventId, LocalDate day, Domain domain) {
    Instant at = day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
    return Envelope.newBuilder().setEventId(eventId).setOccurredAt(at).setRecordedAt(at)
        .setOffice(relationship.getOfficeId()).setRelationshipIds(List.of(relationship.getRelationshipId()))
        .setDomains(List.of(domain)).setSource("test").build();
  }

  private static DelegationVisited visit(Relationship relationship, LocalDate day, Direction direction) {
    return DelegationVisited.newBuilder().setEnvelope(envelope(relationship, "visit-" + day, day, Domain.URBAN_DEVELOPMENT))
        .setDirection(direction).setLevel(DelegationLevel.HEAD_OF_GOVERNMENT).setStartDate(day).build();
  }

  private static VideoMeeting video(Relationship relationship, LocalDate day) {
    return VideoMeeting.newBuilder().setEnvelope(envelope(relationship, "video-" + day, day, Domain.CULTURE))
        .setLevel(DelegationLevel.DEPARTMENT).build();
  }
}
