package org.amity.contract;

/** One thing wrong with an input: where (a field path such as {@code events[2].headcount}) and why. */
public record Problem(String path, String reason) {

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
