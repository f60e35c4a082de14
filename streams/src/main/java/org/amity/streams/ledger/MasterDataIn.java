package org.amity.streams.ledger;

import org.amity.partners.Relationship;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Takes a relationship's master data towards its ledger, marked when it was read on the ledger's partition (any
 * client may have written it, with any partitioner). A record keyed other than the relationship it holds is refused,
 * so that it goes to the dead letters instead of making a second, phantom relationship; so is a tombstone, which
 * every role passes over, so that the relationship stays as it was for all of them.
 */
public final class MasterDataIn implements Processor<String, Relationship, String, RoutedEntry> {
  private final Placement placement;
  private ProcessorContext<String, RoutedEntry> context;

  public MasterDataIn(Placement placement) {
    this.placement = placement;
  }

  @Override
  public void init(ProcessorContext<String, RoutedEntry> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Relationship> record) {
    Relationship relationship = record.value();
    if (relationship == null) {
      throw new InvalidMasterDataException("a tombstone for relationship " + record.key() + " (read at "
          + Origin.of(context) + "): master data is never deleted; end a relationship with status ENDED instead");
    }
    String id = relationship.getRelationshipId();
    if (!id.equals(record.key())) {
      throw new InvalidMasterDataException("relationship " + id + " is keyed '" + record.key()
          + "' (read at " + Origin.of(context) + "): master data must be keyed by the relationship id it holds");
    }
    int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
    context.forward(record.withValue(new RoutedEntry(new LedgerInput(relationship), placement.isOn(id, partition))));
  }
}
