package org.amity.streams.ledger;

import java.util.List;
import java.util.stream.Collectors;
import org.amity.contract.Problem;

/** An event on a topic breaks the contract (a negative headcount, a date in year 3000): it goes to the dead letters. */
public final class InvalidEventException extends RuntimeException {
  public InvalidEventException(String eventId, String origin, List<Problem> problems) {
    super("invalid event " + eventId + " (read at " + origin + "): "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
  }
}
