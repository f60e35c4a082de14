package org.amity.streams.vitality;

import org.amity.streams.ledger.LedgerEntry;

/** An event names a relationship that has no master data, even after waiting for it: it goes to the dead letters. */
public final class UnknownRelationshipException extends RuntimeException {
  public UnknownRelationshipException(String relationshipId, LedgerEntry entry) {
    super("unknown relationship '" + relationshipId + "': " + entry.getType() + " " + entry.getEventId() + " (read at "
        + entry.getOrigin() + ") names a relationship that is not in the master data (amity.relationships)");
  }
}
