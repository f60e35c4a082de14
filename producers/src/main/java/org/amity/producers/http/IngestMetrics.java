package org.amity.producers.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.amity.producers.publish.Published;

/** What the ingest API took and what it refused, and why: Amity's series of the ingest role. */
final class IngestMetrics {
  /** Why a request of events was refused, by its status. */
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "malformed"), Map.entry(401, "unauthenticated"), Map.entry(403, "not-own-office"),
      Map.entry(405, "method"), Map.entry(409, "event-id-conflict"), Map.entry(413, "too-large"),
      Map.entry(415, "not-json"), Map.entry(422, "invalid"), Map.entry(500, "internal"),
      Map.entry(503, "kafka-unavailable"));

  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter duplicates;

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.accepted = Counter.builder("amity.ingest.events.accepted")
        .description("Events written to Kafka (a request's events are all written or none)").register(registry);
    this.duplicates = Counter.builder("amity.ingest.events.duplicates")
        .description("Events sent again under an eventId already written with the same content: answered, not written again")
        .register(registry);
    REASONS.values().forEach(this::refusal);
  }

  void written(List<Published> published) {
    long again = published.stream().filter(Published::duplicate).count();
    duplicates.increment(again);
    accepted.increment(published.size() - again);
  }

  void refused(int status) {
    refusal(REASONS.getOrDefault(status, "other")).increment();
  }

  private Counter refusal(String reason) {
    return Counter.builder("amity.ingest.requests.refused")
        .description("Requests of events refused, nothing written, by reason")
        .tag("reason", reason)
        .register(registry);
  }
}
