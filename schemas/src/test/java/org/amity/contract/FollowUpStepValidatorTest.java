package org.amity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.amity.aggregates.AlertKind;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.followups.Acknowledged;
import org.amity.followups.Assigned;
import org.amity.followups.Closed;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpStepValidatorTest {
  private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");
  private static final String ALERT = "shanghai/nl-rotterdam|WENT_DORMANT|2026-11-21T08:00:00Z";

  private static FollowUpStep step(Object action) {
    return FollowUpStep.newBuilder().setStepId("step-1").setAlertId(ALERT).setRelationshipId("shanghai/nl-rotterdam")
        .setOfficeId("shanghai").setActor("zhang.wei").setAt(AT).setAction(action).build();
  }

  private static ExchangePlanned.Builder visit() {
    return ExchangePlanned.newBuilder().setEventType("DelegationVisited").setPlannedOn(LocalDate.of(2027, 3, 15))
        .setVariant("SENIOR_OFFICIAL").setDirection(Direction.INBOUND).setDomains(List.of(Domain.CULTURE));
  }

  private static List<String> paths(FollowUpStep step) {
    return FollowUpStepValidator.problems(step).stream().map(Problem::path).toList();
  }

  @Test
  void wellFormedStepsHaveNoProblem() {
    assertThat(FollowUpStepValidator.problems(step(new Acknowledged(null)))).isEmpty();
    assertThat(FollowUpStepValidator.problems(step(visit().build()))).isEmpty();
    assertThat(FollowUpStepValidator.problems(step(ExchangePlanned.newBuilder().setEventType("VideoMeeting")
        .setPlannedOn(LocalDate.of(2026, 12, 20)).build()))).isEmpty();
    assertThat(FollowUpStepValidator.problems(step(new Assigned("li.na", LocalDate.of(2026, 12, 31), null))))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "stepId with a space; stepId",
      "another office's relationship; relationshipId",
      "relationship id in capitals; relationshipId",
      "alert of another relationship; alertId",
      "alert of an unknown kind; alertId",
      "blank actor; actor",
      "note with a control character; action.note",
      "note too long; action.note"})
  void aStepWithBadIdsOrTextIsRefusedNamingTheField(String what, String path) {
    FollowUpStep step = step(new Acknowledged(null));
    Consumer<FollowUpStep> change = switch (what) {
      case "stepId with a space" -> s -> s.setStepId("step 1");
      case "another office's relationship" -> s -> s.setOfficeId("jinan");
      case "relationship id in capitals" -> s -> s.setRelationshipId("Shanghai/NL-Rotterdam");
      case "alert of another relationship" -> s -> s.setAlertId("shanghai/us-sacramento|WENT_DORMANT|x");
      case "alert of an unknown kind" -> s -> s.setAlertId("shanghai/nl-rotterdam|FELL_ASLEEP|x");
      case "blank actor" -> s -> s.setActor(" ");
      case "note with a control character" -> s -> s.setAction(new Acknowledged("seen\u0007"));
      case "note too long" -> s -> s.setAction(new Acknowledged("长".repeat(EventValidator.TEXT_LIMIT + 1)));
      default -> throw new IllegalArgumentException(what);
    };
    change.accept(step);

    assertThat(paths(step)).contains(path);
  }

  @Test
  void eachReasonIsInChineseFirstThenEnglish() {
    FollowUpStep step = step(visit().setEventType("GiftExchanged").build());

    assertThat(FollowUpStepValidator.problems(step)).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("action.eventType");
      assertThat(problem.reason()).startsWith("须为交流类型之一").contains(" / must be one of the exchange types")
          .contains("GiftExchanged");
    });
  }

  @Test
  void aPlanNeedsWhatItsPointsDependOnAndOnlyThat() {
    assertThat(paths(step(visit().setVariant(null).build()))).containsExactly("action.variant");
    assertThat(paths(step(visit().setVariant("MAYOR").build()))).containsExactly("action.variant");
    assertThat(paths(step(visit().setEventType("ExhibitionHeld").setDirection(null).build())))
        .containsExactly("action.variant");
    assertThat(paths(step(visit().setEventType("AgreementSigned").setVariant("SISTER_CITY_ESTABLISHMENT").build())))
        .containsExactly("action.direction");
    assertThat(paths(step(visit().setDirection(null).build()))).containsExactly("action.direction");
    assertThat(paths(step(visit().setEventType("EventRetracted").build()))).containsExactly("action.eventType");
  }

  @Test
  void aPlanOrADueDayLiesFromTheStepsDayOnAndNotTooFarAhead() {
    assertThat(paths(step(visit().setPlannedOn(LocalDate.of(2026, 11, 1)).build()))).containsExactly("action.plannedOn");
    assertThat(paths(step(visit().setPlannedOn(LocalDate.of(2030, 1, 1)).build()))).containsExactly("action.plannedOn");
    assertThat(paths(step(visit().setDomains(List.of(Domain.CULTURE, Domain.CULTURE)).build())))
        .containsExactly("action.domains");
    assertThat(paths(step(new Assigned("li.na", LocalDate.of(2026, 12, 1), null)))).containsExactly("action.dueOn");
    assertThat(paths(step(new Assigned("", LocalDate.of(2026, 12, 31), null)))).containsExactly("action.officer");
  }

  @Test
  void closingNamesARecordedExchangeByAnEventId() {
    assertThat(paths(step(new Closed("a visit", null)))).containsExactly("action.exchangeEventId");
    assertThat(paths(step(new Closed("visit-2027-03", null)))).isEmpty();
  }

  @Test
  void theKindOfAnAlertIsReadFromItsId() {
    assertThat(FollowUpStepValidator.alertKindOf(ALERT, "shanghai/nl-rotterdam")).contains(AlertKind.WENT_DORMANT);
    assertThat(FollowUpStepValidator.alertKindOf(ALERT, "shanghai/nl-amsterdam")).isEmpty();
    assertThat(FollowUpStepValidator.alertKindOf("shanghai/nl-rotterdam|WENT_DORMANT|", "shanghai/nl-rotterdam"))
        .isEmpty();
  }
}
