package org.amity.contract;

/** One thing wrong with an input: where (a field path such as {@code events[2].headcount}) and why. */
public record Problem(String path, String reason) {

  /** A reason in Chinese first, English beside it. */
  public static Problem of(String path, String zh, String en) {
    return new Problem(path, zh + " / " + en);
  }


  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
