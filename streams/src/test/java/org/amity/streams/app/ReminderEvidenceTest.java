package org.amity.streams.app;

import static org.amity.streams.app.TopologyFixture.office;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.app.VitalityRulesTest.LONG_AGO;
import static org.amity.streams.app.VitalityRulesTest.START;
import static org.amity.streams.app.VitalityRulesTest.nextScore;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.AgreementKind;
import org.amity.events.AgreementSigned;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.junit.jupiter.api.Test;

/**
 * A reminder's evidence is the relationship's figures after every event of one write: an imported history whose
 * agreement row comes first, published while the rest of the rows still arrive, raises its expiry alert only once
 * the input has settled, with the final figures.
 */
class ReminderEvidenceTest {
  static final String SACRAMENTO = "jinan/us-sacramento";

  @Test
  void anExpiryAlertRaisedDuringAnImportCarriesTheFiguresAfterTheWholeImport() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(office("jinan", null)).add(relationship(SACRAMENTO, LONG_AGO));
      Instant now = nextScore(streams);
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      AgreementSigned memorandum = agreement(envelope("memorandum-2023", now.minus(Duration.ofDays(1000)), SACRAMENTO,
          Domain.ECONOMY_AND_TRADE), AgreementKind.MEMORANDUM);
      memorandum.setValidUntil(today.plusDays(30));
      streams.send(memorandum);
      streams.publish();
      for (int visit = 0; visit < 4; visit++) {
        streams.send(delegation(envelope("visit-" + visit, now.minus(Duration.ofDays(200 + 30 * visit)), SACRAMENTO,
            Domain.CULTURE), Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL));
        streams.advance(Duration.ofMillis(500));
      }
      assertThat(streams.alerts()).as("held while rows still arrive").isEmpty();

      streams.advance(Duration.ofSeconds(3));

      Alert expiring = streams.alerts().stream().filter(a -> a.getKind() == AlertKind.AGREEMENT_EXPIRING).findFirst()
          .orElseThrow();
      RelationshipVitality after = streams.vitality(SACRAMENTO);
      assertThat(after.getExchanges()).isEqualTo(5);
      assertThat(expiring.getScore()).isEqualTo(after.getScore());
      assertThat(expiring.getBand()).isEqualTo(after.getBand());
      assertThat(expiring.getLastExchangeAt()).isEqualTo(after.getLastExchangeAt());
      assertThat(streams.alerts()).filteredOn(a -> a.getKind() == AlertKind.AGREEMENT_EXPIRING).hasSize(1);
    }
  }
}
