package org.amity.streams.ledger;

/** A master-data record on a topic breaks the contract: it goes to the dead letters, naming the rule. */
public final class InvalidMasterDataException extends RuntimeException {
  public InvalidMasterDataException(String message) {
    super(message);
  }
}
