package org.amity.producers.synthetic;

import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/** Generates everything and counts it, writing nothing: how fast generation alone is. */
public final class DryRun {
  private DryRun() {}

  /** Generates the offices, relationships and events; {@code eachEvent} sees every event (e.g. the ground truth). */
  public static GenerationReport run(SyntheticGenerator generator, Consumer<? super SpecificRecord> eachEvent) {
    GenerationReport.Counter counter = new GenerationReport.Counter();
    generator.offices().forEach(office -> counter.office());
    generator.relationships().forEach(relationship -> counter.relationship());
    generator.events().forEach(event -> {
      eachEvent.accept(event);
      counter.event(event);
    });
    return counter.report();
  }
}
