package org.amity.streams.model;

import static org.amity.streams.model.TestEvents.NOW;
import static org.amity.streams.model.TestEvents.ROTTERDAM;
import static org.amity.streams.model.TestEvents.agreement;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.amity.streams.model.TestEvents.exhibition;
import static org.amity.streams.model.TestEvents.forum;
import static org.amity.streams.model.TestEvents.programme;
import static org.amity.streams.model.TestEvents.project;
import static org.amity.streams.model.TestEvents.retraction;
import static org.amity.streams.model.TestEvents.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.amity.contract.PointRule;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.events.Milestone;
import org.amity.streams.model.ModelSettings.PointTable;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointsTest {
  private static final ModelSettings SETTINGS = ModelSettings.defaults();
  private static final Envelope ENVELOPE = envelope("e1", NOW, ROTTERDAM, Domain.CULTURE);

  private static Points points(SpecificRecord event) {
    return Points.of(event, SETTINGS);
  }

  @ParameterizedTest
  @CsvSource({"HEAD_OF_GOVERNMENT,10", "SENIOR_OFFICIAL,6", "DEPARTMENT,4", "BUSINESS,3", "ACADEMIC,3",
      "CIVIL_SOCIETY,3", "YOUTH,3"})
  void delegationsByLevelAreCourtesyNotSubstance(DelegationLevel level, int expected) {
    assertThat(points(delegation(ENVELOPE, Direction.INBOUND, level))).isEqualTo(new Points(expected, false));
  }

  @ParameterizedTest
  @CsvSource({"SISTER_CITY_ESTABLISHMENT,15", "FRIENDLY_COOPERATION_ESTABLISHMENT,12", "COOPERATION_AGREEMENT,10",
      "MEMORANDUM,10", "PROJECT_CONTRACT,10", "RENEWAL,8", "LETTER_OF_INTENT,8"})
  void agreementsByKindAreSubstantive(AgreementKind kind, int expected) {
    assertThat(points(agreement(ENVELOPE, kind))).isEqualTo(new Points(expected, true));
  }

  @ParameterizedTest
  @CsvSource({"LAUNCHED,8,true", "PHASE_COMPLETED,6,true", "COMPLETED,10,true", "CANCELLED,0,false"})
  void projectMilestonesAreSubstantiveUnlessWorthNothing(Milestone milestone, int expected, boolean substantive) {
    assertThat(points(project(ENVELOPE, milestone))).isEqualTo(new Points(expected, substantive));
  }

  @Test
  void otherExchanges() {
    assertThat(points(exhibition(ENVELOPE))).isEqualTo(new Points(5, false));
    assertThat(points(forum(ENVELOPE))).isEqualTo(new Points(4, false));
    assertThat(points(programme(ENVELOPE, null))).isEqualTo(new Points(4, true));
    assertThat(points(video(ENVELOPE))).isEqualTo(new Points(2, false));
  }

  @Test
  void aRetractionIsNoExchange() {
    assertThatThrownBy(() -> points(retraction("r1", "e1", NOW, ROTTERDAM)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EventRetracted");
  }

  @Test
  void exchangeTakesTheEnvelopeAndOnlyDelegationsHaveADirection() {
    Envelope envelope = envelope("v1", NOW, ROTTERDAM, Domain.CULTURE, Domain.SPORT);
    Exchange visit = Exchange.of(delegation(envelope, Direction.OUTBOUND, DelegationLevel.SENIOR_OFFICIAL), SETTINGS);
    Exchange programme = Exchange.of(programme(envelope, Direction.INBOUND), SETTINGS);

    assertThat(visit).isEqualTo(new Exchange("v1", NOW, 6, false, Set.of(Domain.CULTURE, Domain.SPORT),
        Direction.OUTBOUND, "DelegationVisited"));
    assertThat(programme.direction()).isNull();
    assertThat(programme.substantive()).isTrue();
  }

  @Test
  void settingsRefuseAPointTableWithALevelOrATypeMissing() {
    PointTable defaults = SETTINGS.points();
    Map<String, Integer> levels = new LinkedHashMap<>(defaults.byType().get("DelegationVisited").points());
    levels.remove("YOUTH");
    Map<String, PointRule> withoutYouth = new LinkedHashMap<>(defaults.byType());
    withoutYouth.put("DelegationVisited", new PointRule("level", levels));
    Map<String, PointRule> withoutForums = new LinkedHashMap<>(defaults.byType());
    withoutForums.remove("ForumHeld");

    assertThatThrownBy(() -> new PointTable(withoutYouth, defaults.substantiveTypes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YOUTH");
    assertThatThrownBy(() -> new PointTable(withoutForums, defaults.substantiveTypes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ForumHeld");
  }

  @Test
  void defaultsAreDesignMd() {
    assertThat(SETTINGS.halfLifeDays()).isEqualTo(180);
    assertThat(SETTINGS.momentumScale()).isEqualTo(15);
    assertThat(SETTINGS.weights()).isEqualTo(new ModelSettings.Weights(0.55, 0.15, 0.10, 0.20));
    assertThat(SETTINGS.bands()).isEqualTo(new ModelSettings.Bands(365, 10, 180, 25, 60, 365));
    assertThat(SETTINGS.points().substantiveTypes())
        .containsExactlyInAnyOrder("AgreementSigned", "ProjectMilestone", "ExchangeProgramme");
    assertThat(SETTINGS.modelVersion()).isEqualTo("vitality-1");
  }
}
