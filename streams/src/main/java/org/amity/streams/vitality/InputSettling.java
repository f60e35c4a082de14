package org.amity.streams.vitality;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each relationship's input settles: {@link #SETTLE} after its last entry. Its reminders wait until then, so
 * that the events of one write (an import) are all in its ledger and a reminder's evidence is never that of a
 * half-applied write. Wall clock, kept in memory: a held reminder also makes the relationship due at the next review,
 * in case the task stops before it settles.
 */
final class InputSettling {
  static final Duration SETTLE = Duration.ofSeconds(2);
  private final Map<String, Long> lastInput = new HashMap<>();
  private final Map<String, Long> held = new HashMap<>();

  void input(String relationshipId, long now) {
    lastInput.put(relationshipId, now);
  }

  long settlesAt(String relationshipId) {
    return lastInput.getOrDefault(relationshipId, Long.MIN_VALUE) + SETTLE.toMillis();
  }

  /** Holds the relationship's reminders back until its input settles. */
  void hold(String relationshipId) {
    held.put(relationshipId, settlesAt(relationshipId));
  }

  boolean holds(String relationshipId) {
    return held.containsKey(relationshipId);
  }

  /** The relationships whose reminders were held and whose input has settled by {@code now}; no longer held. */
  List<String> settled(long now) {
    List<String> settled = held.entrySet().stream().filter(h -> h.getValue() <= now).map(Map.Entry::getKey).toList();
    settled.forEach(held::remove);
    return settled;
  }
}
