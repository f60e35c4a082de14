package org.amity.producers.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.amity.contract.EventTypes;
import org.amity.events.Envelope;
import org.amity.producers.demo.DemoFiles.DemoOffice;
import org.amity.producers.demo.DemoFiles.DemoRelationship;
import org.amity.producers.publish.AmityPublisher;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo moving: every interval, one believable exchange of the day for one demo relationship, through the
 * same publisher office systems use. Lively relationships are picked more often; now and then a dormant one revives.
 */
public final class DemoSimulator implements AutoCloseable {
  static final String SOURCE = "demo:simulated";
  private static final Logger log = LoggerFactory.getLogger(DemoSimulator.class);
  private static final Map<Profile, Integer> WEIGHTS = Map.of(Profile.THRIVING, 6, Profile.ACTIVE, 4, Profile.COOLING, 2,
      Profile.DORMANT, 1);

  private final List<DemoRelationship> relationships = DemoFiles.relationships();
  private final Map<String, String> placeByOffice = DemoFiles.offices().stream()
      .collect(Collectors.toMap(office -> office.office().getOfficeId(), DemoOffice::place));
  private final Clock clock;
  private final Random random;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "amity-demo-simulator");
    thread.setDaemon(true);
    return thread;
  });

  DemoSimulator(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** Publishes one event every {@code interval}, the first after one interval, until closed. */
  public static DemoSimulator start(AmityPublisher publisher, Duration interval, Clock clock) {
    DemoSimulator simulator = new DemoSimulator(clock, new Random());
    simulator.timer.scheduleWithFixedDelay(() -> simulator.publishOne(publisher), interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return simulator;
  }

  /** The next event: recorded now, with a fresh event id. */
  SpecificRecord next() {
    DemoRelationship relationship = pick();
    Instant now = clock.instant();
    LocalDate today = now.atOffset(DemoEvents.OFFICE_TIME).toLocalDate();
    SpecificRecord event = DemoHistory.another(relationship, placeByOffice.get(relationship.relationship().getOfficeId()),
        today, random, SOURCE);
    Envelope envelope = EventTypes.envelopeOf(event);
    envelope.setEventId(SOURCE + ":" + UUID.randomUUID());
    envelope.setRecordedAt(now);
    return event;
  }

  private DemoRelationship pick() {
    int total = relationships.stream().mapToInt(r -> WEIGHTS.get(r.profile())).sum();
    int ticket = random.nextInt(total);
    for (DemoRelationship relationship : relationships) {
      ticket -= WEIGHTS.get(relationship.profile());
      if (ticket < 0) {
        return relationship;
      }
    }
    throw new IllegalStateException("no demo relationships");
  }

  private void publishOne(AmityPublisher publisher) {
    try {
      SpecificRecord event = next();
      publisher.publish(event).join();
      log.info("Simulated: {}", EventTypes.envelopeOf(event).getSummary());
    } catch (RuntimeException e) {
      log.warn("Simulating an event failed; trying again at the next interval: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
