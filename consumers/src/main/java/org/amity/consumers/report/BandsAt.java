package org.amity.consumers.report;

import java.time.Instant;
import java.util.Optional;
import org.amity.aggregates.Band;

/** Where a relationship stood at two moments, as the vitality model scores it from the relationship's ledger. */
@FunctionalInterface
public interface BandsAt {
  /** Nobody to ask: the report shows the bands of now. */
  BandsAt UNKNOWN = (relationshipId, start, end) -> Optional.empty();

  /** The bands at {@code start} and at {@code end}; empty when the streams application does not answer. */
  Optional<Bands> of(String relationshipId, Instant start, Instant end);

  record Bands(Band atStart, Band atEnd) {}
}
