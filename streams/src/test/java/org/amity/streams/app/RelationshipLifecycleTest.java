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
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.junit.jupiter.api.Test;

/**
 * An ENDED relationship keeps its history but is not alive: no alert, not in its office's bands; a SUSPENDED one is
 * counted apart and raises no dormancy alert. Offices nest to any depth and every office has a rollup.
 */
class RelationshipLifecycleTest {
  static final String ROTTERDAM = "jinan/nl-rotterdam";
  static final String SACRAMENTO = "jinan/us-sacramento";
  static final String OSAKA = "jinan/jp-osaka";
  static final String HIRAKATA = "jinan-lixia/jp-hirakata";

  @Test
  void anEndedRelationshipRaisesNoAlertAcrossTheReviewsThatWouldFlagItNorWhenAnExchangeIsRecorded() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(office("jinan", null)).add(relationship(ROTTERDAM, LONG_AGO)).add(relationship(SACRAMENTO, LONG_AGO));
      Instant first = nextScore(streams);
      streams.send(mayor("mayor-rotterdam", ROTTERDAM, first.minus(Duration.ofHours(1))));
      streams.send(mayor("mayor-sacramento", SACRAMENTO, first.minus(Duration.ofHours(1))));
      streams.publish();
      streams.add(withStatus(relationship(ROTTERDAM, LONG_AGO), RelationshipStatus.ENDED));
      streams.publish();

      streams.advanceDays(400);
      streams.send(mayor("mayor-after-the-end", ROTTERDAM, streams.now()));
      streams.publish();

      assertThat(streams.alerts()).extracting(Alert::getRelationshipId).doesNotContain(ROTTERDAM).contains(SACRAMENTO);
      assertThat(streams.alerts()).filteredOn(a -> a.getRelationshipId().equals(SACRAMENTO)).extracting(Alert::getKind)
          .containsExactly(AlertKind.COOLING, AlertKind.WENT_DORMANT);
      assertThat(streams.vitality(ROTTERDAM).getStatus()).isEqualTo(RelationshipStatus.ENDED);
      assertThat(streams.vitality(ROTTERDAM).getExchanges()).as("its history still counts").isEqualTo(2);
    }
  }

  @Test
  void aSuspendedRelationshipRaisesNoDormancyAlert() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(office("jinan", null)).add(withStatus(relationship(ROTTERDAM, LONG_AGO), RelationshipStatus.SUSPENDED));
      Instant first = nextScore(streams);
      streams.send(mayor("mayor-rotterdam", ROTTERDAM, first.minus(Duration.ofHours(1))));
      streams.publish();

      streams.advanceDays(400);

      assertThat(streams.alerts()).extracting(Alert::getKind).doesNotContain(AlertKind.COOLING, AlertKind.WENT_DORMANT);
      assertThat(streams.vitality(ROTTERDAM).getStatus()).isEqualTo(RelationshipStatus.SUSPENDED);
    }
  }

  @Test
  void anEstablishmentRecordedAtTheLetterOfIntentProposesOnceToMakeTheRelationshipFormal() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(office("jinan", null)).add(withStatus(relationship(ROTTERDAM, LONG_AGO), RelationshipStatus.LETTER_OF_INTENT))
          .add(relationship(SACRAMENTO, LONG_AGO));
      Instant first = nextScore(streams);
      streams.send(agreement(envelope("establish-rotterdam", first.minus(Duration.ofHours(1)), ROTTERDAM, Domain.GOVERNANCE),
          AgreementKind.SISTER_CITY_ESTABLISHMENT));
      streams.send(agreement(envelope("establish-sacramento", first.minus(Duration.ofHours(1)), SACRAMENTO, Domain.GOVERNANCE),
          AgreementKind.SISTER_CITY_ESTABLISHMENT));
      streams.publish();
      streams.advanceDays(3);

      assertThat(streams.alerts()).filteredOn(a -> a.getKind() == AlertKind.FORMALISATION_PROPOSED)
          .extracting(Alert::getRelationshipId, Alert::getAgreementEventId)
          .containsExactly(tuple(ROTTERDAM, "establish-rotterdam"));
    }
  }

  @Test
  void endedAndSuspendedRelationshipsAreCountedApartFromTheBandsAtEveryLevelOfTheTree() {
    try (TopologyFixture streams = new TopologyFixture(START)) {
      streams.add(Office.newBuilder().setOfficeId("shandong").setNameEn("Shandong").setLevel(OfficeLevel.PROVINCE).build())
          .add(Office.newBuilder(office("jinan", "shandong")).setLevel(OfficeLevel.CITY).build())
          .add(office("jinan-lixia", "jinan"));
      streams.add(relationship(ROTTERDAM, LONG_AGO))
          .add(withStatus(relationship(SACRAMENTO, LONG_AGO), RelationshipStatus.ENDED))
          .add(withStatus(relationship(OSAKA, LONG_AGO), RelationshipStatus.SUSPENDED))
          .add(relationship(HIRAKATA, LONG_AGO));
      nextScore(streams);
      streams.publish().publish();

      OfficeRollup jinan = streams.rollups().get("jinan");
      assertThat(jinan.getOwn()).extracting(OfficeFigures::getRelationships, OfficeFigures::getDormant,
          OfficeFigures::getSuspended, OfficeFigures::getEnded).containsExactly(1, 1, 1, 1);
      assertThat(jinan.getWithDistricts()).extracting(OfficeFigures::getRelationships, OfficeFigures::getDormant,
          OfficeFigures::getSuspended, OfficeFigures::getEnded).containsExactly(2, 2, 1, 1);
      OfficeRollup shandong = streams.rollups().get("shandong");
      assertThat(shandong.getOwn().getRelationships()).as("the province keeps none itself").isZero();
      assertThat(shandong.getWithDistricts()).as("its city's and the city's district's")
          .isEqualTo(jinan.getWithDistricts());
      assertThat(streams.rollups().get("jinan-lixia").getRankByActivity()).isEqualTo(1);
    }
  }

  private static Relationship withStatus(Relationship relationship, RelationshipStatus status) {
    return Relationship.newBuilder(relationship).setStatus(status).build();
  }

  private static DelegationVisited mayor(String eventId, String relationshipId, Instant at) {
    return delegation(envelope(eventId, at, relationshipId, Domain.GOVERNANCE), Direction.INBOUND,
        DelegationLevel.HEAD_OF_GOVERNMENT);
  }
}
