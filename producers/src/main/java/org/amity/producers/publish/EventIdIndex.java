package org.amity.producers.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.amity.contract.Topics;
import org.amity.topics.CompactedTopicView;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every eventId written, with the fingerprint of its content and where it landed, from the compacted
 * {@code amity.event-ids} topic. An id is reserved while its event is being written, so that two
 * concurrent sends of one event write it once: the second waits for the first's outcome.
 */
final class EventIdIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventIdIndex.class);

  enum Outcome { NEW, DUPLICATE, BEING_WRITTEN, CONFLICT }

  /** The outcome of a reservation; for {@code BEING_WRITTEN}, the write of the batch that holds the id. */
  record Reservation(Outcome outcome, CompletableFuture<?> writeInProgress) {}

  private record Holder(String fingerprint, CompletableFuture<?> write) {}

  /**
   * What the index keeps per eventId; stored as "fingerprint topic partition offset office" (office absent in the
   * entries of earlier versions: null).
   */
  record Entry(String fingerprint, String topic, int partition, long offset, String office) {
    String encode() {
      return fingerprint + " " + topic + " " + partition + " " + offset + (office == null ? "" : " " + office);
    }

    /** The entry, or null (logged) when the value is not one: another client wrote the topic. */
    static Entry decode(String value) {
      String[] parts = value.split(" ");
      try {
        return new Entry(parts[0], parts[1], Integer.parseInt(parts[2]), Long.parseLong(parts[3]),
            parts.length > 4 ? parts[4] : null);
      } catch (RuntimeException malformed) {
        log.warn("Passing over an unreadable value on {}: \"{}\"", Topics.EVENT_IDS.name(),
            value.length() > 100 ? value.substring(0, 100) + "..." : value);
        return null;
      }
    }
  }

  private final CompactedTopicView<String> written;
  private final Map<String, Holder> reserved = new HashMap<>();

  EventIdIndex(Map<String, Object> clientConfig, Duration timeout) throws TimeoutException {
    this.written = new CompactedTopicView<>(Topics.EVENT_IDS.name(), clientConfig, new StringDeserializer()).start(timeout);
  }

  /** Reserves the id for the given write, unless it was written or is being written. */
  synchronized Reservation reserve(String eventId, String fingerprint, CompletableFuture<?> write) {
    Optional<String> writtenFingerprint = entry(eventId).map(Entry::fingerprint);
    if (writtenFingerprint.isPresent()) {
      return new Reservation(writtenFingerprint.get().equals(fingerprint) ? Outcome.DUPLICATE : Outcome.CONFLICT, null);
    }
    Holder holder = reserved.get(eventId);
    if (holder == null) {
      reserved.put(eventId, new Holder(fingerprint, write));
      return new Reservation(Outcome.NEW, null);
    }
    return holder.fingerprint().equals(fingerprint) ? new Reservation(Outcome.BEING_WRITTEN, holder.write())
        : new Reservation(Outcome.CONFLICT, null);
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
