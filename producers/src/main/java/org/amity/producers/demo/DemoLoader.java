package org.amity.producers.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amity.contract.EventTypes;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.apache.avro.specific.SpecificRecord;

/**
 * Loads the demo data set through the same publisher office systems use. Loading again, on any day,
 * adds nothing: relationships already registered and events already written are skipped.
 */
public final class DemoLoader {
  private static final int BATCH = 200;

  private DemoLoader() {}

  /** What one load wrote. */
  public record Loaded(int offices, int relationships, int events, int eventsSkipped) {}

  public static Loaded load(Map<String, Object> clientConfig, AmityPublisher publisher, LocalDate today) {
    DemoData demo = DemoData.build(today);
    int relationships = 0;
    try (PartnerRegistry registry = new PartnerRegistry(clientConfig, publisher.relationships(), Clock.systemUTC())) {
      for (Office office : demo.offices()) {
        registry.put(office);
      }
      for (Relationship relationship : demo.relationships()) {
        if (!publisher.relationships().exists(relationship.getRelationshipId())) {
          registry.put(relationship);
          relationships++;
        }
      }
    }
    List<SpecificRecord> fresh = demo.events().stream()
        .filter(e -> !publisher.hasWritten(EventTypes.envelopeOf(e).getEventId()))
        .toList();
    for (int from = 0; from < fresh.size(); from += BATCH) {
      publisher.publishAll(new ArrayList<>(fresh.subList(from, Math.min(fresh.size(), from + BATCH)))).join();
    }
    return new Loaded(demo.offices().size(), relationships, fresh.size(), demo.events().size() - fresh.size());
  }
}
