package org.amity.streams.ledger;

import org.amity.streams.model.ModelSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Credits an event to each relationship it names: one ledger entry per relationship, keyed by its id. */
public final class FanOut implements Processor<String, SpecificRecord, String, LedgerInput> {
  private final ModelSettings settings;
  private ProcessorContext<String, LedgerInput> context;

  public FanOut(ModelSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, LedgerInput> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    if (record.value() == null) {
      return;
    }
    String origin = context.recordMetadata()
        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
        .orElse("(unknown)");
    Entries.of(record.value(), settings, origin)
        .forEach(kv -> context.forward(record.withKey(kv.key).withValue(kv.value)));
  }
}
