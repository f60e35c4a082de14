package org.amity.streams.vitality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The relationships of one task with the moment from which a review must re-score each
 * ({@link org.amity.streams.ledger.RelationshipState#getReviewDueAt()}), and the review pass in progress. A pass takes
 * the relationships due when it starts, in key order, and goes through them in slices of a time budget: a pass over
 * tens of thousands of relationships takes many punctuations. Its duration is the time spent in its slices.
 */
final class ReviewSchedule {
  private final LongSupplier nanoTime;
  private final Map<String, Long> dueAt = new HashMap<>();
  /** The relationships the pass in progress is to re-score; null when none is in progress. */
  private List<String> queue;
  private int reviewed;
  private long passNanos;
  private boolean started;

  ReviewSchedule(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** What a finished pass did, at the moment it finished. */
  record Pass(double seconds, int reviewed, int relationships, int dueWithinAnHour) {}

  void due(String relationshipId, long at) {
    dueAt.put(relationshipId, at);
  }

  boolean knows(String relationshipId) {
    return dueAt.containsKey(relationshipId);
  }

  /** Whether a pass has started since this schedule was made: the first starts at once, not an interval later. */
  boolean started() {
    return started;
  }

  /** Starts a pass over the relationships due at {@code now}, unless one is in progress. */
  void start(long now) {
    if (queue != null) {
      return;
    }
    queue = dueAt.entrySet().stream()
        .filter(relationship -> relationship.getValue() <= now)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    reviewed = 0;
    passNanos = 0;
    started = true;
  }

  /**
   * Hands the next relationships of the pass in progress to {@code review} for at most {@code budgetNanos}.
   *
   * @return the pass, if it finished in this slice
   */
  Pass continueFor(long now, long budgetNanos, Consumer<String> review) {
    if (queue == null) {
      return null;
    }
    long start = nanoTime.getAsLong();
    while (reviewed < queue.size() && nanoTime.getAsLong() - start < budgetNanos) {
      review.accept(queue.get(reviewed));
      reviewed++;
    }
    passNanos += nanoTime.getAsLong() - start;
    if (reviewed < queue.size()) {
      return null;
    }
    queue = null;
    long inAnHour = now + 3_600_000;
    int dueWithinAnHour = (int) dueAt.values().stream().filter(due -> due <= inAnHour).count();
    return new Pass(passNanos / 1e9, reviewed, dueAt.size(), dueWithinAnHour);
  }
}
