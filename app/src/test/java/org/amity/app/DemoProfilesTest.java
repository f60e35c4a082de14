package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.VideoMeeting;
import org.amity.partners.Relationship;
import org.amity.producers.demo.DemoData;
import org.amity.streams.model.Band;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.model.ReferenceHistory;
import org.amity.streams.model.Vitality;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo data has the intended spread: under the streams application's own model each relationship is in its band. */
class DemoProfilesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  static Stream<LocalDate> todays() {
    return Stream.of(DAY, LocalDate.now(), DemoData.earliestToday(), LocalDate.of(2027, 6, 1), LocalDate.of(2030, 1, 1));
  }

  @ParameterizedTest
  @MethodSource("todays")
  void everyRelationshipIsInItsIntendedBand(LocalDate today) {
    assertThat(mismatches(DemoData.build(today), today)).as("relationships out of their intended band on " + today).isEmpty();
  }

  @Test
  void theBandsHoldEveryWeekForTwoYears() {
    LocalDate start = DemoData.earliestToday();
    List<String> mismatches = new ArrayList<>();
    for (LocalDate today = start; today.isBefore(start.plusYears(2)); today = today.plusWeeks(1)) {
      mismatches.addAll(mismatches(DemoData.build(today), today));
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyProfileIsRepresented() {
    DemoData demo = DemoData.build(DAY);
    Map<Band, Integer> counts = new EnumMap<>(Band.class);
    bands(demo, DAY).values().forEach(band -> counts.merge(band, 1, Integer::sum));
    assertThat(counts).containsOnlyKeys(Band.THRIVING, Band.ACTIVE, Band.COOLING, Band.DORMANT);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(4));
  }

  @Test
  void jinanHasPartnersThatAreNotActiveEnough() {
    Map<String, Band> bands = bands(DemoData.build(DAY), DAY);
    assertThat(bands.entrySet().stream().filter(e -> e.getKey().startsWith("jinan/")).map(Map.Entry::getValue))
        .contains(Band.DORMANT, Band.COOLING, Band.THRIVING);
  }

  @Test
  void oneMayoralVisitTodayAndNothingElseIsAboutThirtyAndActive() {
    Relationship relationship = DemoData.build(DAY).relationships().get(0);
    Vitality score = score(relationship, List.of(visit(relationship, DAY)), DAY);
    assertThat(score.score()).isBetween(28, 33);
    assertThat(score.band()).isEqualTo(Band.ACTIVE);
  }

  @Test
  void oneVideoCallAYearIsCoolingAtBestAndDormantMostOfTheYear() {
    Relationship relationship = DemoData.build(DAY).relationships().get(0);
    List<SpecificRecord> calls = List.of(video(relationship, DAY.minusDays(365)), video(relationship, DAY));
    int dormantDays = 0;
    for (int day = 0; day < 365; day++) {
      Band band = score(relationship, calls, DAY.plusDays(day)).band();
      assertThat(band).isIn(Band.COOLING, Band.DORMANT);
      dormantDays += band == Band.DORMANT ? 1 : 0;
    }
    assertThat(dormantDays).isGreaterThan(365 / 2);
  }

  @Test
  void silenceTurnsAThrivingRelationshipCoolingThenDormant() {
    DemoData demo = DemoData.build(DAY);
    assertThat(bands(demo, DAY).get("shanghai/nl-rotterdam")).isEqualTo(Band.THRIVING);
    assertThat(bands(demo, DAY.plusDays(200)).get("shanghai/nl-rotterdam")).isEqualTo(Band.COOLING);
    assertThat(bands(demo, DAY.plusDays(400)).get("shanghai/nl-rotterdam")).isEqualTo(Band.DORMANT);
  }

  private static List<String> mismatches(DemoData demo, LocalDate today) {
    Map<String, Band> bands = bands(demo, today);
    List<String> mismatches = new ArrayList<>();
    demo.intendedProfiles().forEach((id, intended) -> {
      Band computed = bands.get(id);
      if (computed == null || !intended.name().equals(computed.name())) {
        mismatches.add(today + " " + id + ": intended " + intended + ", computed " + computed);
      }
    });
    return mismatches;
  }

  /** Every demo relationship's band at noon in China on {@code today}, as the streams application computes it. */
  private static Map<String, Band> bands(DemoData demo, LocalDate today) {
    Map<String, LocalDate> established = demo.relationships().stream()
        .filter(r -> r.getEstablishedOn() != null)
        .collect(Collectors.toMap(Relationship::getRelationshipId, Relationship::getEstablishedOn));
    return ReferenceHistory.of(demo.events(), noon(today), established, ModelSettings.defaults()).entrySet().stream()
        .filter(e -> demo.intendedProfiles().containsKey(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().vitality().band()));
  }

  private static Vitality score(Relationship relationship, List<SpecificRecord> events, LocalDate today) {
    return ReferenceHistory.of(events, noon(today), Map.of(), ModelSettings.defaults())
        .get(relationship.getRelationshipId()).vitality();
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(CHINA);
  }

  private static Envelope envelope(Relationship relationship, String eventId, LocalDate day, Domain domain) {
    Instant at = day.atTime(10, 0).toInstant(CHINA);
    return Envelope.newBuilder().setEventId(eventId).setOccurredAt(at).setRecordedAt(at)
        .setOffice(relationship.getOfficeId()).setRelationshipIds(List.of(relationship.getRelationshipId()))
        .setDomains(List.of(domain)).setSource("test").build();
  }

  private static DelegationVisited visit(Relationship relationship, LocalDate day) {
    return DelegationVisited.newBuilder().setEnvelope(envelope(relationship, "visit-" + day, day, Domain.URBAN_DEVELOPMENT))
        .setDirection(Direction.INBOUND).setLevel(DelegationLevel.HEAD_OF_GOVERNMENT).setStartDate(day).build();
  }

  private static VideoMeeting video(Relationship relationship, LocalDate day) {
    return VideoMeeting.newBuilder().setEnvelope(envelope(relationship, "video-" + day, day, Domain.CULTURE))
        .setLevel(DelegationLevel.DEPARTMENT).build();
  }
}
