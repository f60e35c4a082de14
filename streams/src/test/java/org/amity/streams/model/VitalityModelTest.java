package org.amity.streams.model;

import static org.amity.streams.model.TestEvents.NOW;
import static org.amity.streams.model.TestEvents.ROTTERDAM;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.daysAgo;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.plain;
import static org.amity.streams.model.TestEvents.substantive;
import static org.amity.streams.model.TestEvents.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VitalityModelTest {
  private static final ModelSettings SETTINGS = ModelSettings.defaults();
  private static final VitalityModel MODEL = new VitalityModel(SETTINGS);

  private static Vitality score(List<Exchange> exchanges) {
    return MODEL.score(exchanges, NOW, null);
  }

  private static Exchange exchange(SpecificRecord event) {
    return Exchange.of(event, SETTINGS);
  }

  @Nested
  class Calibration {
    @Test
    void oneMayoralVisitTodayIsActiveAroundThirty() {
      Exchange mayor = exchange(delegation(envelope("mayor", NOW, ROTTERDAM, Domain.URBAN_DEVELOPMENT),
          Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT));

      Vitality vitality = score(List.of(mayor));

      assertThat(vitality.score()).isBetween(27, 33);
      assertThat(vitality.band()).isEqualTo(Band.ACTIVE);
    }

    @Test
    void aYearWithVisitsBothWaysAnExhibitionAndARenewalIsThrivingAroundSixtyEight() {
      List<Exchange> year = List.of(
          exchange(delegation(envelope("out", daysAgo(270), ROTTERDAM, Domain.ECONOMY_AND_TRADE),
              Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL)),
          exchange(delegation(envelope("in", daysAgo(150), ROTTERDAM, Domain.ECONOMY_AND_TRADE,
              Domain.PORTS_AND_LOGISTICS), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT)),
          exchange(exhibition(envelope("exhibition", daysAgo(90), ROTTERDAM, Domain.CULTURE))),
          exchange(agreement(envelope("renewal", daysAgo(30), ROTTERDAM, Domain.CULTURE), AgreementKind.RENEWAL)));

      Vitality vitality = score(year);

      assertThat(vitality.score()).isBetween(64, 72);
      assertThat(vitality.band()).isEqualTo(Band.THRIVING);
      assertThat(vitality.breadth()).isEqualTo(0.75);
      assertThat(vitality.reciprocity()).isEqualTo(1.0);
      assertThat(vitality.substance()).isEqualTo(0.4);
    }

    @Test
    void oneVideoCallAYearIsCoolingAtBestAndDormantMostOfTheYear() {
      List<Exchange> calls = new ArrayList<>();
      for (int year = 0; year < 5; year++) {
        calls.add(new Exchange("call-" + year, daysAgo(365 * year), 2, false, java.util.Set.of(Domain.CULTURE), null,
            "VideoMeeting"));
      }
      Map<Band, Integer> daysPerBand = new EnumMap<>(Band.class);
      for (int day = 0; day < 365; day++) {
        Band band = MODEL.score(calls, NOW.plus(Duration.ofDays(day)), null).band();
        daysPerBand.merge(band, 1, Integer::sum);
      }

      assertThat(daysPerBand).containsOnlyKeys(Band.COOLING, Band.DORMANT);
      assertThat(daysPerBand.get(Band.DORMANT)).isGreaterThan(365 / 2);
    }
  }

  @Nested
  class Momentum {
    @Test
    void pointsHalveEveryHalfLife() {
      assertThat(score(List.of(plain("e", daysAgo(180), 10))).rawMomentum()).isCloseTo(5.0, within(1e-9));
      assertThat(score(List.of(plain("e", daysAgo(360), 10))).rawMomentum()).isCloseTo(2.5, within(1e-9));
      assertThat(score(List.of(plain("e", NOW, 10))).rawMomentum()).isEqualTo(10.0);
    }

    @Test
    void isNormalisedWithScaleFifteen() {
      Vitality vitality = score(List.of(plain("a", NOW, 10), plain("b", NOW, 5)));

      assertThat(vitality.rawMomentum()).isEqualTo(15.0);
      assertThat(vitality.momentum()).isCloseTo(1 - Math.exp(-1), within(1e-12));
    }

    @Test
    void exchangesAfterTheMomentScoredAreIgnored() {
      List<Exchange> past = List.of(plain("a", daysAgo(10), 5, Domain.CULTURE));
      List<Exchange> withFuture = List.of(past.get(0), plain("b", NOW.plusSeconds(1), 10, Domain.SPORT));

      assertThat(score(withFuture)).usingRecursiveComparison().ignoringFields("stableUntil").isEqualTo(score(past));
      assertThat(score(withFuture).stableUntil()).as("the figures change when the later exchange happens")
          .isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void anExchangeWorthNothingDoesNotCount() {
      Exchange cancelled = new Exchange("cancelled", NOW, 0, false, java.util.Set.of(Domain.HEALTH), null,
          "ProjectMilestone");
      Vitality vitality = score(List.of(visit("v", daysAgo(200), 10, Direction.INBOUND, Domain.CULTURE), cancelled));

      assertThat(vitality.daysSinceLastExchange()).isEqualTo(200);
      assertThat(vitality.breadth()).isEqualTo(0.25);
    }
  }

  @Nested
  class Breadth {
    @Test
    void capsAtFourDomains() {
      Vitality vitality = score(List.of(plain("a", daysAgo(10), 1, Domain.CULTURE, Domain.SPORT, Domain.HEALTH),
          plain("b", daysAgo(20), 1, Domain.TOURISM, Domain.ENVIRONMENT)));

      assertThat(vitality.breadth()).isEqualTo(1.0);
    }

    @Test
    void countsDistinctDomainsOfTheLast365DaysOnly() {
      Vitality vitality = score(List.of(
          plain("a", daysAgo(10), 1, Domain.CULTURE),
          plain("b", daysAgo(364.9), 1, Domain.CULTURE, Domain.SPORT),
          plain("c", daysAgo(365), 1, Domain.HEALTH, Domain.TOURISM, Domain.ENVIRONMENT)));

      assertThat(vitality.breadth()).isEqualTo(0.5);
    }

    @Test
    void otherIsNoDomainOfItsOwn() {
      assertThat(score(List.of(plain("a", NOW, 1, Domain.OTHER))).breadth()).isZero();
    }
  }

  @Nested
  class Reciprocity {
    @Test
    void isFewerWayOverMoreWay() {
      Vitality vitality = score(List.of(
          visit("i1", daysAgo(10), 4, Direction.INBOUND),
          visit("i2", daysAgo(100), 4, Direction.INBOUND),
          visit("i3", daysAgo(700), 4, Direction.INBOUND),
          visit("o1", daysAgo(300), 4, Direction.OUTBOUND)));

      assertThat(vitality.reciprocity()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void isZeroWhenOneSidedOrNone() {
      assertThat(score(List.of(visit("i1", daysAgo(10), 4, Direction.INBOUND),
          visit("i2", daysAgo(20), 4, Direction.INBOUND))).reciprocity()).isZero();
      assertThat(score(List.of(plain("a", NOW, 5))).reciprocity()).isZero();
    }

    @Test
    void forgetsVisitsOlderThan730Days() {
      Vitality vitality = score(List.of(visit("i", daysAgo(10), 4, Direction.INBOUND),
          visit("o", daysAgo(730), 4, Direction.OUTBOUND)));

      assertThat(vitality.reciprocity()).isZero();
    }
  }

  @Nested
  class Substance {
    @Test
    void capsAtTwentyPoints() {
      Vitality vitality = score(List.of(substantive("a", daysAgo(10), 10), substantive("b", daysAgo(20), 10),
          substantive("c", daysAgo(30), 15)));

      assertThat(vitality.substance()).isEqualTo(1.0);
    }

    @Test
    void ignoresNonSubstantiveAndOlderThan730Days() {
      Vitality vitality = score(List.of(substantive("renewal", daysAgo(700), 8),
          substantive("old", daysAgo(730), 15), plain("visit", daysAgo(5), 10)));

      assertThat(vitality.substance()).isEqualTo(0.4);
      assertThat(vitality.daysSinceLastSubstantive()).isEqualTo(700);
      assertThat(vitality.daysSinceLastExchange()).isEqualTo(5);
    }

    @Test
    void noneGivesNull() {
      Vitality vitality = score(List.of(plain("visit", daysAgo(5), 10)));

      assertThat(vitality.substance()).isZero();
      assertThat(vitality.daysSinceLastSubstantive()).isNull();
    }
  }

  @Test
  void theFormulaWeighsTheFourComponents() {
    Components parts = MODEL.components(15, 2, 1, 1, 10);

    assertThat(parts.momentum()).isCloseTo(1 - Math.exp(-1), within(1e-12));
    assertThat(parts.breadth()).isEqualTo(0.5);
    assertThat(parts.reciprocity()).isEqualTo(1.0);
    assertThat(parts.substance()).isEqualTo(0.5);
    assertThat(parts.score()).isEqualTo((int) Math.round(100 * (0.55 * (1 - Math.exp(-1)) + 0.075 + 0.1 + 0.1)));
    assertThat(parts.score()).isEqualTo(62);
    assertThat(MODEL.components(1000, 12, 3, 3, 100).score()).isEqualTo(100);
    assertThat(MODEL.components(0, 0, 0, 0, 0).score()).isZero();
  }

  @Nested
  class Bands {
    @Test
    void scoreThresholds() {
      assertThat(MODEL.band(9, 0, null, NOW)).isEqualTo(Band.DORMANT);
      assertThat(MODEL.band(10, 0, null, NOW)).isEqualTo(Band.COOLING);
      assertThat(MODEL.band(24, 0, null, NOW)).isEqualTo(Band.COOLING);
      assertThat(MODEL.band(25, 0, null, NOW)).isEqualTo(Band.ACTIVE);
      assertThat(MODEL.band(59, 0, null, NOW)).isEqualTo(Band.ACTIVE);
      assertThat(MODEL.band(60, 0, null, NOW)).isEqualTo(Band.THRIVING);
    }

    @Test
    void silenceThresholds() {
      assertThat(MODEL.band(90, 179, null, NOW)).isEqualTo(Band.THRIVING);
      assertThat(MODEL.band(90, 180, null, NOW)).isEqualTo(Band.COOLING);
      assertThat(MODEL.band(90, 364, null, NOW)).isEqualTo(Band.COOLING);
      assertThat(MODEL.band(90, 365, null, NOW)).isEqualTo(Band.DORMANT);
      assertThat(MODEL.band(90, null, null, NOW)).isEqualTo(Band.DORMANT);
    }

    /** A rich relationship whose last exchanges all happened on one day, {@code last}. */
    private List<Exchange> richUntil(Instant last) {
      return List.of(
          visit("in", last, 10, Direction.INBOUND, Domain.CULTURE, Domain.SPORT),
          visit("out", last, 10, Direction.OUTBOUND, Domain.HEALTH, Domain.TOURISM),
          substantive("agreement", last, 15),
          substantive("project", last, 10),
          plain("exhibition", last, 5));
    }

    @Test
    void silenceOf179And180Days() {
      Instant last = daysAgo(500);
      List<Exchange> rich = richUntil(last);

      Vitality after179 = MODEL.score(rich, last.plus(Duration.ofDays(180)).minusMillis(1), null);
      Vitality after180 = MODEL.score(rich, last.plus(Duration.ofDays(180)), null);

      assertThat(after179.daysSinceLastExchange()).isEqualTo(179);
      assertThat(after179.band()).isEqualTo(Band.THRIVING);
      assertThat(after180.daysSinceLastExchange()).isEqualTo(180);
      assertThat(after180.score()).isGreaterThanOrEqualTo(60);
      assertThat(after180.band()).isEqualTo(Band.COOLING);
    }

    @Test
    void silenceOf364And365Days() {
      Instant last = daysAgo(500);
      List<Exchange> rich = richUntil(last);

      Vitality after364 = MODEL.score(rich, last.plus(Duration.ofDays(365)).minusMillis(1), null);
      Vitality after365 = MODEL.score(rich, last.plus(Duration.ofDays(365)), null);

      assertThat(after364.daysSinceLastExchange()).isEqualTo(364);
      assertThat(after364.band()).isEqualTo(Band.COOLING);
      assertThat(after365.score()).isGreaterThanOrEqualTo(25);
      assertThat(after365.band()).isEqualTo(Band.DORMANT);
    }

    @Test
    void newWhileYoungWithoutExchanges() {
      LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

      Vitality young = MODEL.score(List.of(), NOW, today.minusDays(364));
      Vitality yearOld = MODEL.score(List.of(), NOW, today.minusDays(365));
      Vitality unknownAge = MODEL.score(List.of(), NOW, null);
      Vitality youngWithAVisit = MODEL.score(
          List.of(visit("mayor", NOW, 10, Direction.INBOUND, Domain.CULTURE)), NOW, today.minusDays(10));

      assertThat(young.band()).isEqualTo(Band.NEW);
      assertThat(young.daysSinceLastExchange()).isNull();
      assertThat(young.forecastDormantOn()).isEqualTo(today.plusDays(1));
      assertThat(yearOld.band()).isEqualTo(Band.DORMANT);
      assertThat(unknownAge.band()).isEqualTo(Band.DORMANT);
      assertThat(youngWithAVisit.band()).isEqualTo(Band.ACTIVE);
    }

    @Test
    void newIsReadInTheConfiguredZone() {
      // 2025-06-01T20:00Z is already 2 June in Shanghai.
      Instant evening = Instant.parse("2025-06-01T20:00:00Z");
      LocalDate established = LocalDate.parse("2024-06-02");
      VitalityModel shanghai = new VitalityModel(SETTINGS.withZone(java.time.ZoneId.of("Asia/Shanghai")));

      assertThat(MODEL.score(List.of(), evening, established).band()).isEqualTo(Band.NEW);
      assertThat(shanghai.score(List.of(), evening, established).band()).isEqualTo(Band.DORMANT);
    }
  }

  @Nested
  class Trend {
    @Test
    void comparesWithTheScoreNinetyDaysEarlier() {
      List<Exchange> exchanges = List.of(visit("old", daysAgo(120), 10, Direction.INBOUND, Domain.CULTURE),
          visit("new", daysAgo(30), 6, Direction.OUTBOUND, Domain.SPORT));

      Vitality now = score(exchanges);
      Vitality earlier = MODEL.score(exchanges, NOW.minus(Duration.ofDays(90)), null);

      assertThat(now.earlierScore()).isEqualTo(earlier.score());
      assertThat(now.trend()).isEqualTo(now.score() - earlier.score());
      assertThat(now.trend()).isPositive();
    }

    @Test
    void fallsWhenNothingHappens() {
      Vitality vitality = score(List.of(visit("mayor", daysAgo(100), 10, Direction.INBOUND, Domain.CULTURE)));

      assertThat(vitality.earlierScore()).isEqualTo(
          score(List.of(visit("mayor", NOW.minus(Duration.ofDays(10)), 10, Direction.INBOUND, Domain.CULTURE)))
              .score());
      assertThat(vitality.trend()).isNegative();
    }

    @Test
    void fromNothingIsTheWholeScore() {
      Vitality vitality = score(List.of(visit("mayor", daysAgo(30), 10, Direction.INBOUND, Domain.CULTURE)));

      assertThat(vitality.earlierScore()).isZero();
      assertThat(vitality.trend()).isEqualTo(vitality.score()).isPositive();
    }
  }

  @Nested
  class Forecast {
    private static final double DIP_OLD_VISITS_DAYS_AGO = 600;

    private void assertDormantFirstOn(List<Exchange> exchanges, LocalDate day) {
      Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      assertThat(MODEL.score(exchanges, endOfDay, null).band()).isEqualTo(Band.DORMANT);
      assertThat(MODEL.score(exchanges, endOfDay.minus(Duration.ofDays(1)), null).band()).isNotEqualTo(Band.DORMANT);
    }

    @Test
    void aVisit200DaysAgoTurnsDormant365DaysAfterIt() {
      Instant visitedAt = daysAgo(200);
      List<Exchange> exchanges = List.of(visit("mayor", visitedAt, 10, Direction.INBOUND, Domain.CULTURE,
          Domain.SPORT, Domain.HEALTH, Domain.TOURISM));

      Vitality vitality = score(exchanges);

      LocalDate expected = LocalDate.ofInstant(visitedAt.plus(Duration.ofDays(365)), ZoneOffset.UTC);
      assertThat(vitality.band()).isEqualTo(Band.COOLING);
      assertThat(vitality.forecastDormantOn()).isEqualTo(expected);
      assertDormantFirstOn(exchanges, expected);
    }

    @Test
    void earlierWhenTheScoreFallsBelowTenFirst() {
      Instant visitedAt = daysAgo(200);
      List<Exchange> exchanges = List.of(visit("official", visitedAt, 6, Direction.INBOUND, Domain.CULTURE));

      Vitality vitality = score(exchanges);

      LocalDate silenceDay = LocalDate.ofInstant(visitedAt.plus(Duration.ofDays(365)), ZoneOffset.UTC);
      assertThat(vitality.score()).isGreaterThanOrEqualTo(10);
      assertThat(vitality.forecastDormantOn()).isBefore(silenceDay).isAfter(LocalDate.ofInstant(NOW, ZoneOffset.UTC));
      assertDormantFirstOn(exchanges, vitality.forecastDormantOn());
    }

    /** The first day whose end finds the band DORMANT, scoring day by day; null when none within the horizon. */
    private LocalDate firstDormantDayByDay(List<Exchange> exchanges) {
      LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
      for (LocalDate day = today; !day.isAfter(today.plusDays(366)); day = day.plusDays(1)) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        if (MODEL.score(exchanges, endOfDay, null).band() == Band.DORMANT) {
          return day;
        }
      }
      return null;
    }

    /** Weak and fading now, it dips below 10 in about 97 days; at day 130 old one-way visits leave the window. */
    @Test
    void isTheDipBelowTenEvenWhenReciprocityRecoversAfterIt() {
      List<Exchange> exchanges = new java.util.ArrayList<>(List.of(
          visit("came", daysAgo(30), 1, Direction.INBOUND, Domain.OTHER),
          visit("went", daysAgo(30), 1, Direction.OUTBOUND, Domain.OTHER),
          plain("met", daysAgo(30), 1, Domain.OTHER)));
      for (int i = 0; i < 3; i++) {
        exchanges.add(visit("went-long-ago-" + i, daysAgo(DIP_OLD_VISITS_DAYS_AGO), 1, Direction.OUTBOUND, Domain.OTHER));
      }
      LocalDate forecast = score(exchanges).forecastDormantOn();
      LocalDate recovered = LocalDate.ofInstant(daysAgo(DIP_OLD_VISITS_DAYS_AGO - 730 - 1), ZoneOffset.UTC);

      assertThat(score(exchanges).band()).isNotEqualTo(Band.DORMANT);
      assertThat(forecast).isEqualTo(firstDormantDayByDay(exchanges)).isBefore(recovered);
      Instant afterRecovery = recovered.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      assertThat(MODEL.score(exchanges, afterRecovery, null).band())
          .as("the old one-way visits have left the window: delegations go both ways again").isNotEqualTo(Band.DORMANT);
    }

    @Test
    void isTheFirstDayWhoseEndFindsTheBandDormantForVariedHistories() {
      java.util.Random random = new java.util.Random(20261121);
      for (int history = 0; history < 300; history++) {
        List<Exchange> exchanges = new java.util.ArrayList<>();
        for (int i = random.nextInt(history % 10 == 0 ? 40 : 6); i > 0; i--) {
          Direction direction = random.nextInt(4) == 0 ? null : Direction.values()[random.nextInt(2)];
          exchanges.add(new Exchange("e" + i, daysAgo(random.nextInt(800 * 24) / 24.0),
              new int[] {0, 1, 2, 3, 4, 6, 8, 10}[random.nextInt(8)], random.nextInt(4) == 0,
              java.util.Set.of(Domain.values()[random.nextInt(Domain.values().length)]), direction, "X"));
        }
        Vitality vitality = score(exchanges);
        if (vitality.band() != Band.DORMANT) {
          assertThat(vitality.forecastDormantOn()).as("history %d: %s", history, exchanges)
              .isEqualTo(firstDormantDayByDay(exchanges));
        }
      }
    }

    @Test
    void noneWhenAlreadyDormant() {
      Vitality vitality = score(List.of(visit("old", daysAgo(400), 10, Direction.INBOUND, Domain.CULTURE)));

      assertThat(vitality.band()).isEqualTo(Band.DORMANT);
      assertThat(vitality.forecastDormantOn()).isNull();
    }

    @Test
    void aNewRelationshipTurnsDormantWhenItIsAYearOld() {
      LocalDate established = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(100);

      Vitality vitality = MODEL.score(List.of(), NOW, established);

      assertThat(vitality.forecastDormantOn()).isEqualTo(established.plusDays(365));
    }
  }

  @Test
  void topContributorsAreTheThreeLargestMomentaToday() {
    Vitality vitality = score(List.of(
        visit("mayor", daysAgo(180), 10, Direction.INBOUND),
        substantive("agreement", NOW, 8),
        plain("video", NOW, 2),
        plain("exhibition", daysAgo(30), 5)));

    assertThat(vitality.topContributors()).extracting(Vitality.Contributor::eventId)
        .containsExactly("agreement", "mayor", "exhibition");
    assertThat(vitality.topContributors().get(0)).isEqualTo(
        new Vitality.Contributor("agreement", "AgreementSigned", NOW, 8.0));
    assertThat(vitality.topContributors().get(1).pointsToday()).isCloseTo(5.0, within(1e-9));
    assertThat(vitality.topContributors().get(2).pointsToday()).isCloseTo(5 * Math.pow(2, -30 / 180.0), within(1e-9));
  }

  @Test
  void orderDoesNotMatter() {
    List<Exchange> exchanges = new ArrayList<>();
    Random random = new Random(7);
    Domain[] domains = Domain.values();
    for (int i = 0; i < 40; i++) {
      Direction direction = i % 3 == 0 ? Direction.values()[random.nextInt(2)] : null;
      exchanges.add(new Exchange("e" + i, daysAgo(random.nextInt(900) + random.nextDouble()), 1 + random.nextInt(15),
          random.nextBoolean(), java.util.Set.of(domains[random.nextInt(domains.length)]), direction, "Any"));
    }
    Vitality expected = score(exchanges);

    for (int round = 0; round < 5; round++) {
      Collections.shuffle(exchanges, random);
      assertThat(score(exchanges)).isEqualTo(expected);
    }
  }

  @Test
  void namesTheVersionOfItsSettings() {
    assertThat(score(List.of()).modelVersion()).isEqualTo(SETTINGS.version());
    ModelSettings otherHalfLife = SETTINGS.toBuilder().halfLifeDays(90).build();
    assertThat(new VitalityModel(otherHalfLife).score(List.of(), NOW, null).modelVersion())
        .isEqualTo(otherHalfLife.version()).isNotEqualTo(SETTINGS.version());
  }
}
