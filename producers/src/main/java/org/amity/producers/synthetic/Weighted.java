package org.amity.producers.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Picks one of some values at random, each with its own weight. */
final class Weighted<T> {
  private final List<T> values;
  private final int[] cumulative;

  Weighted(List<T> values, int... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
    }
    this.values = List.copyOf(values);
    this.cumulative = new int[weights.length];
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  T pick(SplittableRandom random) {
    int ticket = random.nextInt(cumulative[cumulative.length - 1]);
    for (int i = 0; i < cumulative.length; i++) {
      if (ticket < cumulative[i]) {
        return values.get(i);
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
