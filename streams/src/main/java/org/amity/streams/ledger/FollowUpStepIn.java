package org.amity.streams.ledger;

import java.util.List;
import org.amity.contract.FollowUpStepValidator;
import org.amity.contract.Problem;
import org.amity.followups.FollowUpStep;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Takes a follow-up step towards its relationship's ledger, marked when it was read on the ledger's partition. A step
 * that breaks the contract ({@link FollowUpStepValidator}), is keyed other than its relationship or is a tombstone is
 * refused, so that it goes to the dead letters.
 */
public final class FollowUpStepIn implements Processor<String, FollowUpStep, String, RoutedEntry> {
  private final Placement placement;
  private ProcessorContext<String, RoutedEntry> context;

  public FollowUpStepIn(Placement placement) {
    this.placement = placement;
  }

  @Override
  public void init(ProcessorContext<String, RoutedEntry> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, FollowUpStep> record) {
    FollowUpStep step = record.value();
    if (step == null) {
      throw new InvalidFollowUpStepException("a tombstone keyed '" + record.key() + "' (read at " + Origin.of(context)
          + "): follow-up steps are never deleted");
    }
    List<Problem> problems = FollowUpStepValidator.problems(step);
    if (!problems.isEmpty()) {
      throw new InvalidFollowUpStepException("follow-up step " + step.getStepId() + " (read at " + Origin.of(context)
          + "): " + problems);
    }
    if (!step.getRelationshipId().equals(record.key())) {
      throw new InvalidFollowUpStepException("follow-up step " + step.getStepId() + " of " + step.getRelationshipId()
          + " is keyed '" + record.key() + "' (read at " + Origin.of(context) + "): key it by its relationship id");
    }
    int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
    context.forward(record.withValue(new RoutedEntry(new LedgerInput(step),
        placement.isOn(step.getRelationshipId(), partition))));
  }
}
