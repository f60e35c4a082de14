package org.amity.producers.publish;

/** An eventId that was already used for an event with other content; a correction needs a new eventId. */
public class EventIdConflictException extends RuntimeException {
  private final String eventId;

  public EventIdConflictException(String eventId) {
    super("eventId " + eventId + " was already used for a different event; to change an event, send a new one with \"corrects\": \""
        + eventId + "\"");
    this.eventId = eventId;
  }

  public String eventId() {
    return eventId;
  }
}
