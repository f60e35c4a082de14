package org.amity.streams.model;

import static org.amity.streams.model.TestEvents.DUNEDIN;
import static org.amity.streams.model.TestEvents.HIRAKATA;
import static org.amity.streams.model.TestEvents.NOW;
import static org.amity.streams.model.TestEvents.ROTTERDAM;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.daysAgo;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.programme;
import static org.amity.streams.model.TestEvents.project;
import static org.amity.streams.model.TestEvents.retraction;
import static org.amity.streams.model.TestEvents.video;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Milestone;
import org.amity.streams.model.Activity.Tally;
import org.amity.streams.model.Activity.Window;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ReferenceHistoryTest {
  private static final DelegationVisited MAYOR = delegation(envelope("mayor", daysAgo(20), ROTTERDAM,
      Domain.URBAN_DEVELOPMENT), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT);
  private static final DelegationVisited OFFICIAL = delegation(envelope("official", daysAgo(100), ROTTERDAM,
      Domain.PORTS_AND_LOGISTICS), Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL);

  private static Map<String, RelationshipFigures> figures(List<? extends SpecificRecord> events) {
    return ReferenceHistory.of(events, NOW);
  }

  /** A history with every complication: duplicates, retractions both ways, corrections, a multilateral forum. */
  private static List<SpecificRecord> messyHistory() {
    List<SpecificRecord> events = new ArrayList<>();
    events.add(MAYOR);
    events.add(MAYOR);
    events.add(OFFICIAL);
    events.add(agreement(envelope("renewal", daysAgo(300), ROTTERDAM, Domain.GOVERNANCE), AgreementKind.RENEWAL));
    events.add(exhibition(envelope("exhibition", daysAgo(50), HIRAKATA, Domain.CULTURE)));
    events.add(retraction("retract-exhibition", "exhibition", daysAgo(40), HIRAKATA));
    events.add(retraction("retract-ghost", "ghost", daysAgo(40), HIRAKATA));
    events.add(video(envelope("ghost", daysAgo(10), HIRAKATA, Domain.CULTURE)));
    events.add(project(envelope("launch", daysAgo(400), DUNEDIN, Domain.HEALTH), Milestone.LAUNCHED));
    events.add(project(envelope("launch-fixed", daysAgo(380), List.of(DUNEDIN), Domain.HEALTH)
        .setCorrects("launch").build(), Milestone.COMPLETED));
    events.add(forum(envelope("forum", daysAgo(60), List.of(ROTTERDAM, HIRAKATA, DUNEDIN), Domain.CULTURE).build()));
    events.add(programme(envelope("students", daysAgo(5), HIRAKATA, Domain.EDUCATION_AND_YOUTH), null));
    events.add(programme(envelope("students", daysAgo(5), HIRAKATA, Domain.EDUCATION_AND_YOUTH), null));
    return events;
  }

  @Test
  void orderDoesNotMatter() {
    List<SpecificRecord> events = messyHistory();
    Map<String, RelationshipFigures> expected = figures(events);
    Random random = new Random(42);

    for (int round = 0; round < 20; round++) {
      Collections.shuffle(events, random);
      assertThat(figures(events)).isEqualTo(expected);
    }
    assertThat(expected).containsOnlyKeys(ROTTERDAM, HIRAKATA, DUNEDIN);
  }

  @Test
  void duplicatesCountOnce() {
    RelationshipFigures once = figures(List.of(MAYOR, OFFICIAL)).get(ROTTERDAM);
    RelationshipFigures thrice = figures(List.of(MAYOR, OFFICIAL, MAYOR, MAYOR)).get(ROTTERDAM);

    assertThat(thrice).isEqualTo(once);
    assertThat(thrice.activity().window(30).total()).isEqualTo(new Tally(1, 10));
  }

  @Test
  void ofTwoDifferentEventsWithOneIdTheFirstRecordedCountsWhateverTheOrder() {
    DelegationVisited first = delegation(envelope("visit", daysAgo(20), List.of(ROTTERDAM), Domain.CULTURE)
        .setRecordedAt(daysAgo(19)).build(), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT);
    DelegationVisited second = delegation(envelope("visit", daysAgo(20), List.of(ROTTERDAM), Domain.CULTURE)
        .setRecordedAt(daysAgo(18)).build(), Direction.INBOUND, DelegationLevel.YOUTH);

    assertThat(ReferenceHistory.liveEvents(List.of(first, second))).containsExactly(first);
    assertThat(ReferenceHistory.liveEvents(List.of(second, first))).containsExactly(first);
  }

  @Test
  void aRetractionRemovesItsEventWhetherItComesBeforeOrAfter() {
    SpecificRecord retraction = retraction("retract-mayor", "mayor", daysAgo(10), ROTTERDAM);
    RelationshipFigures withoutMayor = figures(List.of(OFFICIAL)).get(ROTTERDAM);

    RelationshipFigures retractedAfter = figures(List.of(MAYOR, OFFICIAL, retraction)).get(ROTTERDAM);
    RelationshipFigures retractedBefore = figures(List.of(retraction, MAYOR, OFFICIAL)).get(ROTTERDAM);

    assertThat(retractedAfter).isEqualTo(withoutMayor);
    assertThat(retractedBefore).isEqualTo(withoutMayor);
    assertThat(retractedAfter.vitality().topContributors()).extracting(Vitality.Contributor::eventId)
        .containsExactly("official");
  }

  @Test
  void aRelationshipWhoseOnlyEventIsRetractedScoresAsNeverHavingHadOne() {
    RelationshipFigures figures = figures(List.of(retraction("retract-mayor", "mayor", NOW, ROTTERDAM), MAYOR))
        .get(ROTTERDAM);

    assertThat(figures.vitality().score()).isZero();
    assertThat(figures.vitality().daysSinceLastExchange()).isNull();
    assertThat(figures.activity().window(365).total()).isEqualTo(Activity.Tally.ZERO);
  }

  @Test
  void aCorrectionReplacesTheEventItNames() {
    DelegationVisited corrected = delegation(envelope("mayor-fixed", daysAgo(25), List.of(ROTTERDAM),
        Domain.CULTURE).setCorrects("mayor").build(), Direction.OUTBOUND, DelegationLevel.DEPARTMENT);

    RelationshipFigures figures = figures(List.of(corrected, MAYOR, OFFICIAL)).get(ROTTERDAM);

    assertThat(figures).isEqualTo(figures(List.of(OFFICIAL, corrected)).get(ROTTERDAM));
    assertThat(figures.activity().window(30).total()).isEqualTo(new Tally(1, 4));
    assertThat(figures.activity().window(30).direction(Direction.INBOUND)).isEqualTo(Tally.ZERO);
  }

  @Test
  void correctionsChainAndARetractedCorrectionNoLongerReplaces() {
    DelegationVisited second = delegation(envelope("mayor-2", daysAgo(20), List.of(ROTTERDAM), Domain.CULTURE)
        .setCorrects("mayor").build(), Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL);
    DelegationVisited third = delegation(envelope("mayor-3", daysAgo(20), List.of(ROTTERDAM), Domain.CULTURE)
        .setCorrects("mayor-2").build(), Direction.INBOUND, DelegationLevel.DEPARTMENT);
    SpecificRecord retractSecond = retraction("retract-2", "mayor-2", NOW, ROTTERDAM);

    assertThat(ReferenceHistory.liveEvents(List.of(third, MAYOR, second))).containsExactly(third);
    assertThat(ReferenceHistory.liveEvents(List.of(MAYOR, second, retractSecond))).containsExactly(MAYOR);
  }

  @Test
  void aMultilateralEventCountsForEachRelationship() {
    SpecificRecord forum = forum(envelope("forum", daysAgo(3), List.of(ROTTERDAM, HIRAKATA, DUNEDIN),
        Domain.CULTURE, Domain.TOURISM).build());

    Map<String, RelationshipFigures> figures = figures(List.of(forum, MAYOR));

    assertThat(figures).containsOnlyKeys(ROTTERDAM, HIRAKATA, DUNEDIN);
    assertThat(figures.get(HIRAKATA).activity().window(30).total()).isEqualTo(new Tally(1, 4));
    assertThat(figures.get(DUNEDIN).vitality()).isEqualTo(figures.get(HIRAKATA).vitality());
    assertThat(figures.get(ROTTERDAM).activity().window(30).total()).isEqualTo(new Tally(2, 14));
    assertThat(figures.get(ROTTERDAM).vitality().score()).isGreaterThan(figures.get(HIRAKATA).vitality().score());
  }

  @Test
  void activityOver30And90And365DaysByDomainAndDirection() {
    List<SpecificRecord> events = List.of(
        delegation(envelope("in-10", daysAgo(10), ROTTERDAM, Domain.CULTURE, Domain.SPORT), Direction.INBOUND,
            DelegationLevel.HEAD_OF_GOVERNMENT),
        delegation(envelope("out-30", daysAgo(30), ROTTERDAM, Domain.CULTURE), Direction.OUTBOUND,
            DelegationLevel.DEPARTMENT),
        agreement(envelope("memo-60", daysAgo(60), ROTTERDAM, Domain.ECONOMY_AND_TRADE), AgreementKind.MEMORANDUM),
        delegation(envelope("in-200", daysAgo(200), ROTTERDAM, Domain.CULTURE), Direction.INBOUND,
            DelegationLevel.BUSINESS),
        exhibition(envelope("exhibition-400", daysAgo(400), ROTTERDAM, Domain.CULTURE)),
        video(envelope("later", NOW.plusSeconds(60), ROTTERDAM, Domain.CULTURE)));

    Activity activity = figures(events).get(ROTTERDAM).activity();

    Window days30 = activity.window(30);
    assertThat(days30.total()).isEqualTo(new Tally(1, 10));
    assertThat(days30.byDomain()).isEqualTo(Map.of(Domain.CULTURE, new Tally(1, 10), Domain.SPORT, new Tally(1, 10)));
    assertThat(days30.byDirection()).isEqualTo(Map.of(Direction.INBOUND, new Tally(1, 10)));

    Window days90 = activity.window(90);
    assertThat(days90.total()).isEqualTo(new Tally(3, 24));
    assertThat(days90.domain(Domain.CULTURE)).isEqualTo(new Tally(2, 14));
    assertThat(days90.domain(Domain.ECONOMY_AND_TRADE)).isEqualTo(new Tally(1, 10));
    assertThat(days90.direction(Direction.OUTBOUND)).isEqualTo(new Tally(1, 4));

    Window days365 = activity.window(365);
    assertThat(days365.total()).isEqualTo(new Tally(4, 27));
    assertThat(days365.domain(Domain.CULTURE)).isEqualTo(new Tally(3, 17));
    assertThat(days365.direction(Direction.INBOUND)).isEqualTo(new Tally(2, 13));
    assertThat(days365.domain(Domain.HEALTH)).isEqualTo(Tally.ZERO);
    assertThat(activity.windows()).extracting(Window::days).containsExactly(30, 90, 365);
  }

  @Test
  void aRelationshipKnownOnlyByItsEstablishmentIsNew() {
    LocalDate lastMonth = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).minusDays(30);

    Map<String, RelationshipFigures> figures = ReferenceHistory.of(List.of(MAYOR), NOW,
        Map.of(HIRAKATA, lastMonth, ROTTERDAM, lastMonth), ModelSettings.defaults());

    assertThat(figures.get(HIRAKATA).vitality().band()).isEqualTo(Band.NEW);
    assertThat(figures.get(HIRAKATA).activity().window(365).total()).isEqualTo(Tally.ZERO);
    assertThat(figures.get(ROTTERDAM).vitality().band()).isEqualTo(Band.ACTIVE);
  }

  @Test
  void eventsAfterTheMomentAreIgnoredButTheirRelationshipIsKnown() {
    Instant before = daysAgo(30);

    RelationshipFigures figures = ReferenceHistory.of(List.of(MAYOR), before).get(ROTTERDAM);

    assertThat(figures.vitality().score()).isZero();
    assertThat(figures.vitality().band()).isEqualTo(Band.DORMANT);
    assertThat(figures.activity().window(365).total()).isEqualTo(Tally.ZERO);
  }
}
