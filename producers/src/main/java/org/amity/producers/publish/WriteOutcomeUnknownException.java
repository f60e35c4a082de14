package org.amity.producers.publish;

/**
 * Kafka did not confirm whether a write was committed before the publisher closed: it may still land. Sending the
 * same events again is safe, as an eventId is written at most once.
 */
public class WriteOutcomeUnknownException extends RuntimeException {
  public WriteOutcomeUnknownException(Throwable cause) {
    super("Kafka has not confirmed whether the write was committed (" + cause.getMessage() + ")", cause);
  }
}
