package org.amity.producers.publish;

/** An eventId that was already used for an event with other content; a correction needs a new eventId. */
public class EventIdConflictException extends RuntimeException {
  private final String eventId;

  public EventIdConflictException(String eventId) {
    super("eventId " + eventId + " 已用于另一条内容不同的事件；要更改事件，请发送一条新事件并写明 \"corrects\": \"" + eventId
        + "\" / eventId " + eventId + " was already used for a different event; to change an event, send a new one with"
        + " \"corrects\": \"" + eventId + "\"");
    this.eventId = eventId;
  }

  public String eventId() {
    return eventId;
  }
}
