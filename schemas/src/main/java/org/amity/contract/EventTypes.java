package org.amity.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amity.events.Envelope;
import org.amity.topics.TopicSpec;
import org.amity.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The event types, by the name an office system uses for them ("DelegationVisited"), with their topics. */
public final class EventTypes {
  private static final Map<String, TopicSpec> BY_NAME = new LinkedHashMap<>();

  static {
    for (TopicSpec topic : Topics.EVENTS) {
      BY_NAME.put(schemaOf(topic).getName(), topic);
    }
  }

  private EventTypes() {}

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  public static Optional<TopicSpec> topic(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static Schema schema(String name) {
    return schemaOf(BY_NAME.get(name));
  }

  public static TopicSpec topicOf(SpecificRecord event) {
    return topic(event.getSchema().getName()).orElseThrow(
        () -> new IllegalArgumentException(event.getSchema().getFullName() + " is not an event type"));
  }

  /** Every event type has an envelope as its field "envelope". */
  public static Envelope envelopeOf(SpecificRecord event) {
    Object envelope = event.get(event.getSchema().getField("envelope").pos());
    return (Envelope) envelope;
  }

  /** The topic key: the envelope's first relationship id. */
  public static String keyOf(SpecificRecord event) {
    return envelopeOf(event).getRelationshipIds().get(0);
  }

  private static Schema schemaOf(TopicSpec topic) {
    try {
      return SpecificData.get().getSchema(Class.forName(topic.value()));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated class " + topic.value(), e);
    }
  }
}
