package org.amity.streams.app;

import static org.amity.streams.app.Reference.tally;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.daysBefore;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.project;
import static org.amity.streams.model.TestEvents.video;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.ActivityWindow;
import org.amity.aggregates.RelationshipActivity;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Milestone;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Activity over 30, 90 and 365 days: exchanges and their (undecayed) points, by domain and by direction. */
class ActivityWindowsTest {
  static final String ROTTERDAM = "shanghai/nl-rotterdam";

  @Test
  void eachWindowCountsItsExchangesAndPointsByDomainAndDirection() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      Instant at = nextScore(streams);
      List<SpecificRecord> events = List.of(
          delegation(envelope("mayor", daysBefore(at, 5), ROTTERDAM, Domain.GOVERNANCE), Direction.INBOUND,
              DelegationLevel.HEAD_OF_GOVERNMENT),
          exhibition(envelope("exhibition", daysBefore(at, 29.9), ROTTERDAM, Domain.CULTURE, Domain.TOURISM)),
          // exactly 30 days old: no longer in the last 30 days
          delegation(envelope("trade", daysBefore(at, 30), ROTTERDAM, Domain.ECONOMY_AND_TRADE), Direction.OUTBOUND,
              DelegationLevel.SENIOR_OFFICIAL),
          forum(envelope("forum", daysBefore(at, 89), ROTTERDAM, Domain.CULTURE)),
          delegation(envelope("hospital", daysBefore(at, 91), ROTTERDAM, Domain.HEALTH), Direction.OUTBOUND,
              DelegationLevel.DEPARTMENT),
          // worth no points, still an exchange recorded
          project(envelope("cancelled", daysBefore(at, 200), ROTTERDAM, Domain.HEALTH), Milestone.CANCELLED),
          video(envelope("call", daysBefore(at, 364), ROTTERDAM, Domain.CULTURE)),
          agreement(envelope("memo", daysBefore(at, 365), ROTTERDAM, Domain.GOVERNANCE), AgreementKind.MEMORANDUM));
      events.forEach(streams::send);
      streams.publish();

      RelationshipActivity activity = streams.activity(ROTTERDAM);
      assertThat(activity.getAt()).isEqualTo(at);
      assertThat(activity.getWindows()).extracting(ActivityWindow::getDays).containsExactly(30, 90, 365);

      ActivityWindow days30 = activity.getWindows().get(0);
      assertThat(days30.getTotal()).isEqualTo(tally(2, 15));
      assertThat(days30.getByDomain()).isEqualTo(Map.of(
          "GOVERNANCE", tally(1, 10), "CULTURE", tally(1, 5), "TOURISM", tally(1, 5)));
      assertThat(days30.getInbound()).isEqualTo(tally(1, 10));
      assertThat(days30.getOutbound()).isEqualTo(tally(0, 0));

      ActivityWindow days90 = activity.getWindows().get(1);
      assertThat(days90.getTotal()).isEqualTo(tally(4, 25));
      assertThat(days90.getByDomain()).isEqualTo(Map.of("GOVERNANCE", tally(1, 10), "CULTURE", tally(2, 9),
          "TOURISM", tally(1, 5), "ECONOMY_AND_TRADE", tally(1, 6)));
      assertThat(days90.getInbound()).isEqualTo(tally(1, 10));
      assertThat(days90.getOutbound()).isEqualTo(tally(1, 6));

      ActivityWindow days365 = activity.getWindows().get(2);
      assertThat(days365.getTotal()).isEqualTo(tally(7, 31));
      assertThat(days365.getByDomain()).isEqualTo(Map.of("GOVERNANCE", tally(1, 10), "CULTURE", tally(3, 11),
          "TOURISM", tally(1, 5), "ECONOMY_AND_TRADE", tally(1, 6), "HEALTH", tally(2, 4)));
      assertThat(days365.getInbound()).isEqualTo(tally(1, 10));
      assertThat(days365.getOutbound()).isEqualTo(tally(2, 10));

      Reference.assertSameActivity(activity, Reference.figures(ROTTERDAM, LONG_AGO, at, events).activity());
    }
  }

  @Test
  void anExchangeLeavesAWindowAsTheWallClockPassesWithoutNewEvents() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(relationship(ROTTERDAM, LONG_AGO));
      streams.send(exhibition(envelope("exhibition", daysBefore(nextScore(streams), 25), ROTTERDAM, Domain.CULTURE)));
      streams.publish();
      assertThat(streams.activity(ROTTERDAM).getWindows()).extracting(w -> w.getTotal().getCount())
          .containsExactly(1, 1, 1);

      streams.advance(Duration.ofDays(6));

      RelationshipActivity later = streams.activity(ROTTERDAM);
      assertThat(later.getAt()).isEqualTo(streams.now());
      assertThat(later.getWindows()).extracting(w -> w.getTotal().getCount()).containsExactly(0, 1, 1);
      assertThat(later.getWindows().get(0).getByDomain()).isEmpty();
    }
  }
}
