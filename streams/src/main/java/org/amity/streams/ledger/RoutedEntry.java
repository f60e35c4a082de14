package org.amity.streams.ledger;

/**
 * A ledger input on its way to its relationship's ledger, and whether that ledger is in this very task: true when
 * the record was read from the partition {@link Placement} gives the relationship.
 */
public record RoutedEntry(LedgerInput input, boolean onThisPartition) {}
