package org.amity.streams.ledger;

/**
 * A ledger input on its way to its relationship's ledger, and whether that ledger is in this very task: true when
 * the relationship is the key the event was written with, as producers key events by their first relationship.
 */
public record RoutedEntry(LedgerInput input, boolean onThisPartition) {}
