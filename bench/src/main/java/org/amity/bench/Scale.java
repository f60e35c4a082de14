package org.amity.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.amity.producers.synthetic.SyntheticSpec;

/**
 * How big a run is. {@code full} is issue 8's size: 100,000 relationships over 10 years, at the generator's default
 * 10 events per relationship a year about 10 million events; {@code medium} (about Europe's 17,000 twinning links)
 * and {@code quick} are the same shape, 5 and 50 times smaller.
 *
 * @param ingestEvents events per ingest row (each path, each batch size)
 * @param latencyEvents events posted one by one in the latency run
 */
record Scale(String name, int relationships, int years, int ingestEvents, int latencyEvents) {
  static final int RELATIONSHIPS_PER_OFFICE = 1000;
  static final long SEED = 42;

  static Scale named(String name) {
    return switch (name) {
      case "quick" -> new Scale("quick", 2_000, 10, 5_000, 1_000);
      case "medium" -> new Scale("medium", 20_000, 10, 20_000, 1_000);
      case "full" -> new Scale("full", 100_000, 10, 20_000, 1_000);
      default -> throw new IllegalArgumentException("Unknown scale " + name + "; known: quick, medium, full");
    };
  }

  /** Offices of up to 1,000 relationships each, ending today, the generator's defaults otherwise. */
  static SyntheticSpec spec(int relationships, int years) {
    int offices = Math.max(1, relationships / RELATIONSHIPS_PER_OFFICE);
    return SyntheticSpec.of(offices, relationships / offices, years, LocalDate.now(ZoneOffset.UTC), SEED);
  }

  SyntheticSpec spec() {
    return spec(relationships, years);
  }

  static String describe(SyntheticSpec spec) {
    return String.format("%,d offices x %,d relationships, %d years to %s, %.0f events per relationship a year,"
            + " %.0f%% quiet from %s, seed %d: about %,d events predicted", spec.offices(),
        spec.relationshipsPerOffice(), spec.years(), spec.end(), spec.eventsPerRelationshipPerYear(),
        spec.quietShare() * 100, spec.quietFrom(), spec.seed(), spec.expectedEvents());
  }
}
