package org.amity.streams.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.Problem;
import org.amity.streams.model.ModelSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Credits an event to each relationship it names: one ledger entry per relationship, keyed by its id, marked when its
 * ledger is on the partition the event was read from (see {@link Placement}), wherever the producer put the event.
 * A record that breaks the contract (a negative headcount, a date in year 3000: beyond the horizon from the task's
 * wall clock; no relationship, or one of another office; a record of another type; a tombstone) is refused, so that
 * it goes to the dead letters; an event less far ahead than the horizon waits in the ledger for its day. Whether the
 * relationships it names exist is the ledger's to say.
 */
public final class FanOut implements Processor<String, ArrivedEvent, String, RoutedEntry> {
  private final ModelSettings settings;
  private final Duration futureHorizon;
  private final Placement placement;
  private ProcessorContext<String, RoutedEntry> context;
  private EventValidator validator;

  public FanOut(ModelSettings settings, Duration futureHorizon, Placement placement) {
    this.settings = settings;
    this.futureHorizon = futureHorizon;
    this.placement = placement;
  }

  @Override
  public void init(ProcessorContext<String, RoutedEntry> context) {
    this.context = context;
    this.validator = new EventValidator(relationshipId -> true, new WallClock(), futureHorizon);
  }

  @Override
  public void process(Record<String, ArrivedEvent> record) {
    String origin = Origin.of(context);
    if (record.value() == null) {
      throw InvalidEventException.tombstone(record.key(), origin);
    }
    SpecificRecord event = record.value().event();
    String topic = context.recordMetadata().map(m -> m.topic()).orElse(null);
    String type = event.getSchema().getName();
    if (EventTypes.topic(type).filter(spec -> topic == null || spec.name().equals(topic)).isEmpty()) {
      throw InvalidEventException.wrongType(event.getSchema().getFullName(), topic, origin);
    }
    int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
    List<Problem> problems = validator.scoringProblems(event, "");
    if (!problems.isEmpty()) {
      throw new InvalidEventException(EventTypes.envelopeOf(event).getEventId(), origin, problems);
    }
    Entries.of(event, record.value().contentKey(), settings, origin).forEach(kv -> context.forward(
        record.withKey(kv.key).withValue(new RoutedEntry(kv.value, placement.isOn(kv.key, partition)))));
  }

  /** The stream task's wall-clock time, which tests move by hand. */
  private final class WallClock extends Clock {
    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the wall clock is UTC");
    }
  }
}
