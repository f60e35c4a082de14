package org.amity.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which offices are under which: what an office's credential reaches is itself and every office below, at any depth. */
public final class OfficeHierarchy {
  private OfficeHierarchy() {}

  /** The office and every office under it, given each office's parent. */
  public static Set<String> selfAndBelow(String office, Map<String, String> parentByOffice) {
    Set<String> reached = new HashSet<>(Set.of(office));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, String> child : parentByOffice.entrySet()) {
        grew |= reached.contains(child.getValue()) && reached.add(child.getKey());
      }
    }
    return Set.copyOf(reached);
  }
}
