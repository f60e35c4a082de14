package org.amity.producers.partners;

import static org.amity.partners.RelationshipStatus.ENDED;
import static org.amity.partners.RelationshipStatus.FORMAL;
import static org.amity.partners.RelationshipStatus.LETTER_OF_INTENT;
import static org.amity.partners.RelationshipStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.amity.contract.Problem;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.partners.StatusChange;
import org.junit.jupiter.api.Test;

/** A relationship's status moves as relationships do, and every move is kept with its day. */
class RelationshipLifecycleTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @Test
  void keepsEveryMoveWithTheDayItTookEffect() {
    Relationship intent = RelationshipLifecycle.withHistory(Optional.empty(), relationship(LETTER_OF_INTENT), null, TODAY);
    Relationship formal = RelationshipLifecycle.withHistory(Optional.of(intent), relationship(FORMAL), LocalDate.of(2019, 5, 1), TODAY);
    Relationship suspended = RelationshipLifecycle.withHistory(Optional.of(formal), relationship(SUSPENDED), null, TODAY);
    Relationship renamed = RelationshipLifecycle.withHistory(Optional.of(suspended), relationship(SUSPENDED), null, TODAY);
    assertThat(renamed.getStatusHistory()).containsExactly(
        new StatusChange(LETTER_OF_INTENT, LocalDate.of(2018, 3, 1)),
        new StatusChange(FORMAL, LocalDate.of(2019, 5, 1)),
        new StatusChange(SUSPENDED, TODAY));
  }

  @Test
  void aRelationshipWrittenBeforeHistoryWasKeptStartsItsHistoryWithItsStatusSinceEstablishment() {
    Relationship old = relationship(FORMAL);
    Relationship ended = RelationshipLifecycle.withHistory(Optional.of(old), relationship(ENDED), LocalDate.of(2025, 1, 1), TODAY);
    assertThat(ended.getStatusHistory()).containsExactly(new StatusChange(FORMAL, LocalDate.of(2018, 3, 1)),
        new StatusChange(ENDED, LocalDate.of(2025, 1, 1)));
  }

  @Test
  void aRelationshipRegisteredAlreadyEndedWasFormalFromItsEstablishmentUntilItEnded() {
    Relationship ended = RelationshipLifecycle.withHistory(Optional.empty(), relationship(ENDED), LocalDate.of(2025, 6, 30), TODAY);
    assertThat(ended.getStatusHistory()).containsExactly(new StatusChange(FORMAL, LocalDate.of(2018, 3, 1)),
        new StatusChange(ENDED, LocalDate.of(2025, 6, 30)));
  }

  @Test
  void refusesMovesThatRelationshipsDoNotMakeNamingTheMovesThatAreOpen() {
    assertThat(problems(FORMAL, LETTER_OF_INTENT, null)).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("正式", "意向", "暂停", "已终止", "FORMAL", "LETTER_OF_INTENT"));
    assertThat(problems(SUSPENDED, LETTER_OF_INTENT, null)).extracting(Problem::path).containsExactly("status");
    assertThat(problems(LETTER_OF_INTENT, FORMAL, null)).isEmpty();
    assertThat(problems(FORMAL, SUSPENDED, null)).isEmpty();
    assertThat(problems(SUSPENDED, FORMAL, null)).isEmpty();
    assertThat(problems(FORMAL, ENDED, null)).isEmpty();
    assertThat(problems(ENDED, FORMAL, null)).as("re-opened").isEmpty();
  }

  @Test
  void refusesAMoveDatedInTheFutureOrBeforeTheLastMove() {
    assertThat(problems(FORMAL, ENDED, TODAY.plusDays(1))).extracting(Problem::path).containsExactly("statusSince");
    Relationship suspended = RelationshipLifecycle.withHistory(Optional.of(relationship(FORMAL)), relationship(SUSPENDED),
        LocalDate.of(2024, 6, 1), TODAY);
    assertThat(RelationshipLifecycle.problems(Optional.of(suspended), relationship(ENDED), LocalDate.of(2024, 5, 31), TODAY))
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("2024-06-01"));
  }

  private static java.util.List<Problem> problems(RelationshipStatus from, RelationshipStatus to, LocalDate since) {
    return RelationshipLifecycle.problems(Optional.of(relationship(from)), relationship(to), since, TODAY);
  }

  private static Relationship relationship(RelationshipStatus status) {
    return Relationship.newBuilder().setRelationshipId("jinan/us-sacramento").setOfficeId("jinan").setPartnerId("us-sacramento")
        .setPartnerNameEn("Sacramento").setPartnerNameZh("萨克拉门托").setCountry("US").setKind(RelationshipKind.SISTER_CITY)
        .setPartnerLevel(PartnerLevel.CITY).setEstablishedOn(LocalDate.of(2018, 3, 1)).setStatus(status)
        .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
  }
}
