package org.amity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.partners.RelationshipKind;
import org.junit.jupiter.api.Test;

class DaysSinceTest {
  private static final Instant SCORED = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void wholeDaysAreFullTwentyFourHours() {
    Instant last = Instant.parse("2026-02-27T12:00:00Z");
    assertThat(DaysSince.between(last, SCORED)).isEqualTo(1);
    assertThat(DaysSince.between(last, Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo(2);
    assertThat(DaysSince.between(null, SCORED)).isNull();
  }

  @Test
  void aRecordsDayCountsGoOnFromTheMomentsTheyCountFrom() {
    RelationshipVitality scored = vitality(SCORED.minus(Duration.ofDays(5)), SCORED.minus(Duration.ofDays(40)));
    RelationshipVitality later = DaysSince.asOf(scored, SCORED.plus(Duration.ofDays(3)).plusSeconds(1));
    assertThat(later.getDaysSinceLastExchange()).isEqualTo(8);
    assertThat(later.getDaysSinceLastSubstantive()).isEqualTo(43);
    assertThat(later.getAt()).as("still the moment scored").isEqualTo(SCORED);
    assertThat(scored.getDaysSinceLastExchange()).as("the record itself is left as it is").isEqualTo(5);
  }

  @Test
  void aCountWithoutItsMomentOrAskedForBeforeTheScoringStaysAsScored() {
    RelationshipVitality noSubstantiveMoment = vitality(SCORED.minus(Duration.ofDays(5)), null);
    noSubstantiveMoment.setDaysSinceLastSubstantive(40);
    RelationshipVitality later = DaysSince.asOf(noSubstantiveMoment, SCORED.plus(Duration.ofDays(3)));
    assertThat(later.getDaysSinceLastSubstantive()).as("written before lastSubstantiveAt existed").isEqualTo(40);
    assertThat(DaysSince.asOf(noSubstantiveMoment, SCORED.minusSeconds(60)).getDaysSinceLastExchange())
        .as("a clock behind the scorer's").isEqualTo(5);
    RelationshipVitality none = vitality(null, null);
    assertThat(DaysSince.lastExchange(none, SCORED.plus(Duration.ofDays(3)))).isNull();
  }

  private static RelationshipVitality vitality(Instant lastExchange, Instant lastSubstantive) {
    return RelationshipVitality.newBuilder().setRelationshipId("shanghai/nl-rotterdam").setOfficeId("shanghai")
        .setPartnerId("nl-rotterdam").setPartnerNameEn("Rotterdam").setCountry("NL")
        .setKind(RelationshipKind.SISTER_CITY).setAt(SCORED).setScore(50).setBand(Band.ACTIVE).setMomentum(0.5)
        .setRawMomentum(10).setBreadth(0.5).setReciprocity(0).setSubstance(0.5).setTrend(0).setEarlierScore(50)
        .setDaysSinceLastExchange(DaysSince.between(lastExchange, SCORED)).setLastExchangeAt(lastExchange)
        .setDaysSinceLastSubstantive(DaysSince.between(lastSubstantive, SCORED)).setLastSubstantiveAt(lastSubstantive)
        .setTopContributors(List.of()).setExchanges(lastExchange == null ? 0 : 1).setModelVersion("vitality-1")
        .build();
  }
}
