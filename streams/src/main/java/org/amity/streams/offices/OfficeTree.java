package org.amity.streams.offices;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.amity.access.OfficeHierarchy;
import org.amity.partners.Office;

/** The offices known by id (registered, or only named by figures) and which sits under which. */
final class OfficeTree {
  private final Map<String, Office> registered;
  private final Set<String> ids;
  private final Map<String, String> parents = new HashMap<>();

  OfficeTree(Map<String, Office> registered, Set<String> alsoNamed) {
    this.registered = registered;
    this.ids = new TreeSet<>(alsoNamed);
    ids.addAll(registered.keySet());
    registered.values().stream().filter(office -> office.getParentOfficeId() != null)
        .forEach(office -> parents.put(office.getOfficeId(), office.getParentOfficeId()));
  }

  /** Every office, in id order. */
  Set<String> ids() {
    return ids;
  }

  /** The office's master data; null when it is only named by figures. */
  Office office(String id) {
    return registered.get(id);
  }

  String parentOf(String id) {
    return parents.get(id);
  }

  /** The office and every office under it at any depth. */
  Set<String> subtree(String id) {
    return OfficeHierarchy.selfAndBelow(id, parents);
  }
}
