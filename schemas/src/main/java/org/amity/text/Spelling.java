package org.amity.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known word nearest to a misspelt one, for messages that say "did you mean ...?". */
public final class Spelling {
  private Spelling() {}

  /** The known word fewest edits away (the first in order among equals); empty when none is known. */
  public static Optional<String> nearest(String word, Collection<String> known) {
    return known.stream().min(Comparator.comparingInt((String candidate) -> distance(word, candidate))
        .thenComparing(Comparator.naturalOrder()));
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
