package org.amity.consumers.notifier;

/** A message that did not go out: transient (worth another try later) or permanent (will never work). */
public final class DeliveryFailure extends Exception {
  private final boolean permanent;

  public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
  }

  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(reason, false, cause);
  }

  public static DeliveryFailure permanentFailure(String reason, Throwable cause) {
    return new DeliveryFailure(reason, true, cause);
  }

  public boolean permanent() {
    return permanent;
  }
}
