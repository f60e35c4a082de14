package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipYield;
import org.amity.aggregates.YearYield;
import org.amity.aggregates.YieldEvent;
import org.amity.producers.demo.DemoData;
import org.amity.streams.app.TopologyFixture;
import org.junit.jupiter.api.Test;

/**
 * What the demo's partnerships yield, as the streams topology publishes it, against the figures worked out by hand
 * from demo/facts.json (built for a day when the generated recent history lies after 2024).
 */
class DemoYieldsTest {
  private static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

  @Test
  void tegucigalpaAndHirakataYieldWhatTheirFactsSay() {
    try (TopologyFixture streams = demoStreams()) {

      // Tegucigalpa, 2024: the hospital project launched at US$63,000,000 (6,300,000,000 cents), and 60 officials at
      // the training courses for foreign civil servants, which name it among six partners
      YearYield tegucigalpa2024 = year(latest(streams, "shanghai/hn-tegucigalpa"), 2024);
      assertThat(tegucigalpa2024.getMoney()).isEqualTo(Map.of("USD", 6_300_000_000L));
      assertThat(tegucigalpa2024.getPeople()).isEqualTo(Map.of("ExchangeProgramme", 60L));
      assertThat(tegucigalpa2024.getEvents()).extracting(YieldEvent::getEventId)
          .containsExactly("demo:shanghai/hn-tegucigalpa:hospital-2024", "demo:shanghai:civil-servant-training-2024");

      // Hirakata: 40 children in the painting and calligraphy exchange every August; the ledger keeps ten years, so
      // on 2027-06-01 the years 2017 to 2024: 8 years, 320 children
      RelationshipYield hirakata = latest(streams, "shanghai-changning/jp-hirakata");
      List<YearYield> upTo2024 = hirakata.getYears().stream().filter(year -> year.getYear() <= 2024).toList();
      assertThat(upTo2024).extracting(YearYield::getYear).containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023,
          2024);
      assertThat(upTo2024).allSatisfy(year -> {
        assertThat(year.getPeople()).isEqualTo(Map.of("ExchangeProgramme", 40L));
        assertThat(year.getMoney()).isEmpty();
        assertThat(year.getEvents()).singleElement().extracting(YieldEvent::getEventId)
            .isEqualTo("demo:shanghai-changning/jp-hirakata:painting-exchange-" + year.getYear());
      });
    }
  }

  @Test
  void shanghaiYieldsIn2024WhatItsFactsSayEachEventOnceAndWithChangningTheChildrensExchange() {
    try (TopologyFixture streams = demoStreams()) {

      // Shanghai's own 2024 facts with figures: the hospital project in Tegucigalpa (US$63,000,000), the video
      // meeting with Cologne on elderly care (8), the Rotterdam delegation (12), and the training courses for foreign
      // civil servants (60 officials, once, though they name six partners)
      OfficeYield shanghai = streams.officeYields().get("shanghai/2024");
      assertThat(shanghai.getOwn().getMoney()).isEqualTo(Map.of("USD", 6_300_000_000L));
      assertThat(shanghai.getOwn().getPeople())
          .isEqualTo(Map.of("VideoMeeting", 8L, "DelegationVisited", 12L, "ExchangeProgramme", 60L));
      assertThat(shanghai.getOwn().getEvents()).isEqualTo(
          Map.of("ProjectMilestone", 1, "VideoMeeting", 1, "DelegationVisited", 1, "ExchangeProgramme", 1));
      // with Changning: its 40 children of the painting and calligraphy exchange with Hirakata
      assertThat(shanghai.getWithDistricts().getMoney()).isEqualTo(Map.of("USD", 6_300_000_000L));
      assertThat(shanghai.getWithDistricts().getPeople())
          .isEqualTo(Map.of("VideoMeeting", 8L, "DelegationVisited", 12L, "ExchangeProgramme", 100L));
      assertThat(streams.officeYields().get("shanghai-changning/2024").getOwn().getPeople())
          .isEqualTo(Map.of("ExchangeProgramme", 40L));
    }
  }

  /** The demo's offices, relationships and events; yields published, then the office board's. */
  private static TopologyFixture demoStreams() {
    DemoData demo = DemoData.build(TODAY);
    TopologyFixture streams = new TopologyFixture(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant());
    demo.offices().forEach(streams::add);
    demo.relationships().forEach(streams::add);
    demo.events().forEach(streams::send);
    return streams.publish().publish();
  }

  private static RelationshipYield latest(TopologyFixture streams, String relationshipId) {
    List<RelationshipYield> log = streams.yieldLog(relationshipId);
    assertThat(log).as(relationshipId).isNotEmpty();
    return log.get(log.size() - 1);
  }

  private static YearYield year(RelationshipYield yield, int year) {
    return yield.getYears().stream().filter(y -> y.getYear() == year).findFirst().orElseThrow();
  }
}
