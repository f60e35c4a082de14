package org.amity.streams.ledger;

/** A follow-up step on a topic breaks the contract: it goes to the dead letters, naming the rule. */
public final class InvalidFollowUpStepException extends RuntimeException {
  public InvalidFollowUpStepException(String message) {
    super(message);
  }
}
