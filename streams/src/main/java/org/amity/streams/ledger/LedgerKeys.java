package org.amity.streams.ledger;

/**
 * Keys of the ledger store: {@code relationshipId + '\u0000' + eventId}, so that one relationship's entries sit
 * together and are read with one prefix scan. Neither id contains the separator.
 */
public final class LedgerKeys {
  private static final char SEPARATOR = '\u0000';

  private LedgerKeys() {}

  public static String of(String relationshipId, String eventId) {
    return relationshipId + SEPARATOR + eventId;
  }

  /** The relationship a key belongs to. */
  public static String relationshipOf(String key) {
    return key.substring(0, key.indexOf(SEPARATOR));
  }

  /** The prefix every key of the relationship starts with. */
  public static String prefix(String relationshipId) {
    return relationshipId + SEPARATOR;
  }
}
