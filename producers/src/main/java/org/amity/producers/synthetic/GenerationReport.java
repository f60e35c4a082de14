package org.amity.producers.synthetic;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amity.contract.Topics;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a run generated (and wrote, unless it was a dry run).
 *
 * @param eventsByType events per event type, by the type's simple name ("DelegationVisited"), in the order
 *                     of the topic catalog, zeros included
 */
public record GenerationReport(long offices, long relationships, Map<String, Long> eventsByType, long events,
                               Duration elapsed) {

  public GenerationReport {
    eventsByType = Collections.unmodifiableMap(new LinkedHashMap<>(eventsByType));
  }

  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : events / seconds;
  }

  /** Counts records as they go by, and the time since it was made. */
  static final class Counter {
    private final long started = System.nanoTime();
    private final Map<Class<?>, long[]> byType = new LinkedHashMap<>();
    private long offices;
    private long relationships;
    private long events;

    Counter() {
      for (TopicSpec topic : Topics.EVENTS) {
        byType.put(classOf(topic), new long[1]);
      }
    }

    void office() {
      offices++;
    }

    void relationship() {
      relationships++;
    }

    void event(SpecificRecord event) {
      long[] count = byType.get(event.getClass());
      if (count == null) {
        throw new IllegalArgumentException(event.getClass().getName() + " is not an event type");
      }
      count[0]++;
      events++;
    }

    GenerationReport report() {
      Map<String, Long> counts = new LinkedHashMap<>();
      byType.forEach((type, count) -> counts.put(type.getSimpleName(), count[0]));
      return new GenerationReport(offices, relationships, counts, events, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Class<?> classOf(TopicSpec topic) {
      try {
        return Class.forName(topic.value());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("no generated class " + topic.value(), e);
      }
    }
  }
}
