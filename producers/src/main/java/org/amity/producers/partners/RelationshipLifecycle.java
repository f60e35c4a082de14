package org.amity.producers.partners;

import static org.amity.partners.RelationshipStatus.ENDED;
import static org.amity.partners.RelationshipStatus.FORMAL;
import static org.amity.partners.RelationshipStatus.LETTER_OF_INTENT;
import static org.amity.partners.RelationshipStatus.SUSPENDED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amity.contract.Problem;
import org.amity.labels.Labels;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.amity.partners.StatusChange;

/**
 * How a relationship's status may move, and the history of its moves: a letter of intent becomes formal (or is
 * dropped), a formal relationship may be suspended and resumed, and ended; an ended one may be re-opened. Each
 * move is kept with the day it took effect.
 */
public final class RelationshipLifecycle {
  private static final Map<RelationshipStatus, Set<RelationshipStatus>> MOVES = Map.of(
      LETTER_OF_INTENT, EnumSet.of(FORMAL, SUSPENDED, ENDED),
      FORMAL, EnumSet.of(SUSPENDED, ENDED),
      SUSPENDED, EnumSet.of(FORMAL, ENDED),
      ENDED, EnumSet.of(FORMAL, LETTER_OF_INTENT));

  private RelationshipLifecycle() {}

  /**
   * The relationship with its status history: that of the version before, with a move added when the status
   * changed (on {@code since}, or today). A new relationship starts with its status since its establishment.
   */
  public static Relationship withHistory(Optional<Relationship> before, Relationship after, LocalDate since, LocalDate today) {
    List<StatusChange> history = new ArrayList<>(before.map(Relationship::getStatusHistory).orElse(List.of()));
    RelationshipStatus previous = before.map(Relationship::getStatus).orElse(null);
    if (before.isPresent() && history.isEmpty()) {
      history.add(new StatusChange(previous, firstDay(before.get(), today)));
    }
    if (before.isEmpty() && wasFormalFirst(after, since)) {
      history.add(new StatusChange(FORMAL, after.getEstablishedOn()));
    }
    if (previous != after.getStatus()) {
      LocalDate day = since != null ? since : before.isEmpty() ? firstDay(after, today) : today;
      history.add(new StatusChange(after.getStatus(), day));
    }
    return Relationship.newBuilder(after).setStatusHistory(history).build();
  }

  /** Problems with moving from the version before to this one on {@code since} (null: today). */
  public static List<Problem> problems(Optional<Relationship> before, Relationship after, LocalDate since, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    RelationshipStatus from = before.map(Relationship::getStatus).orElse(null);
    RelationshipStatus to = after.getStatus();
    if (from != null && from != to && !MOVES.get(from).contains(to)) {
      problems.add(Problem.of("status", "状态不能从“" + Labels.zh(from) + "”改为“" + Labels.zh(to) + "”；可改为："
              + words(MOVES.get(from)),
          "cannot move from " + from + " to " + to + "; it may move to " + MOVES.get(from)));
    }
    if (since == null) {
      return problems;
    }
    if (since.isAfter(today) || since.getYear() < 1900) {
      problems.add(Problem.of("statusSince", "日期须在 1900-01-01 与今天之间，而非 " + since,
          "must be between 1900-01-01 and today, not " + since));
    }
    Optional<LocalDate> lastMove = before.map(Relationship::getStatusHistory).filter(h -> !h.isEmpty())
        .map(h -> h.get(h.size() - 1).getSince());
    if (from != to && lastMove.isPresent() && since.isBefore(lastMove.get())) {
      problems.add(Problem.of("statusSince", "不能早于上一次状态变更（" + lastMove.get() + "）",
          "must not be before the last change of status (" + lastMove.get() + "), not " + since));
    }
    return problems;
  }

  /** A relationship registered already suspended or ended, since a day after its establishment, was formal before. */
  private static boolean wasFormalFirst(Relationship r, LocalDate since) {
    return (r.getStatus() == SUSPENDED || r.getStatus() == ENDED) && since != null && r.getEstablishedOn() != null
        && since.isAfter(r.getEstablishedOn());
  }

  private static LocalDate firstDay(Relationship relationship, LocalDate today) {
    return relationship.getEstablishedOn() != null ? relationship.getEstablishedOn() : today;
  }

  private static String words(Set<RelationshipStatus> statuses) {
    return String.join("、", statuses.stream().map(Labels::zh).toList());
  }
}
