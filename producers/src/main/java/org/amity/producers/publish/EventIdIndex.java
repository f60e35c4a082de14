package org.amity.producers.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.amity.producers.kafka.CompactedTopicView;
import org.amity.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every eventId written, with the fingerprint of its content and where it landed, from the compacted
 * {@code amity.event-ids} topic. An id is reserved while its event is being written, so that two
 * concurrent sends of one event write it once.
 */
final class EventIdIndex implements AutoCloseable {

  enum Outcome { NEW, DUPLICATE, CONFLICT }

  /** What the index keeps per eventId; stored as "fingerprint topic partition offset". */
  record Entry(String fingerprint, String topic, int partition, long offset) {
    String encode() {
      return fingerprint + " " + topic + " " + partition + " " + offset;
    }

    static Entry decode(String value) {
      String[] parts = value.split(" ");
      return new Entry(parts[0], parts[1], Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
    }
  }

  private final CompactedTopicView<String> written;
  private final Map<String, String> reserved = new HashMap<>();

  EventIdIndex(Map<String, Object> clientConfig, Duration timeout) throws TimeoutException {
    this.written = new CompactedTopicView<>(Topics.EVENT_IDS.name(), clientConfig, new StringDeserializer()).start(timeout);
  }

  synchronized Outcome reserve(String eventId, String fingerprint) {
    String known = written.get(eventId).map(v -> Entry.decode(v).fingerprint()).orElse(reserved.get(eventId));
    if (known == null) {
      reserved.put(eventId, fingerprint);
      return Outcome.NEW;
    }
    return known.equals(fingerprint) ? Outcome.DUPLICATE : Outcome.CONFLICT;
  }

  synchronized Optional<Entry> entry(String eventId) {
    return written.get(eventId).map(Entry::decode);
  }

  synchronized void written(String eventId, Entry entry) {
    written.remember(eventId, entry.encode());
    reserved.remove(eventId);
  }

  synchronized void release(String eventId) {
    reserved.remove(eventId);
  }

  @Override
  public void close() {
    written.close();
  }
}
