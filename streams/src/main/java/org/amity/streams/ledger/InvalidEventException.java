package org.amity.streams.ledger;

import java.util.List;
import java.util.stream.Collectors;
import org.amity.contract.Problem;

/**
 * A record on an event topic breaks the contract (a negative headcount, a date in year 3000, another office's
 * relationship, a record of another type, a tombstone): it goes to the dead letters, naming the rule.
 */
public final class InvalidEventException extends RuntimeException {
  public InvalidEventException(String eventId, String origin, List<Problem> problems) {
    super("invalid event " + eventId + " (read at " + origin + "): "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
  }

  private InvalidEventException(String message) {
    super(message);
  }

  /** A record that is no event, or not one of the topic's type. */
  static InvalidEventException wrongType(String recordName, String topic, String origin) {
    return new InvalidEventException("not an event of this topic (read at " + origin + "): " + recordName
        + " does not belong on " + topic);
  }

  /** A record without a value: events are withdrawn with an EventRetracted, never deleted. */
  static InvalidEventException tombstone(String key, String origin) {
    return new InvalidEventException("a tombstone on an event topic (read at " + origin + ", key " + key
        + "): events are withdrawn with EventRetracted, never deleted");
  }
}
