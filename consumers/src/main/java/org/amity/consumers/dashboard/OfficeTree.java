package org.amity.consumers.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;

/**
 * The offices as a tree: each office's depth and the offices under it at any depth, in tree order; and the partners
 * each office keeps, counted once however many of its offices keep them (a partner of a city and of its district is
 * one partner with two relationships). Suspended and ended relationships, counted apart, count for no one here.
 */
final class OfficeTree {
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, Set<String>> partners = new HashMap<>();

  OfficeTree(Collection<String> officeIds, Collection<Office> offices, Collection<Relationship> relationships) {
    Set<String> known = new HashSet<>(officeIds);
    for (Office office : offices) {
      if (office.getParentOfficeId() != null && known.contains(office.getParentOfficeId())) {
        parents.put(office.getOfficeId(), office.getParentOfficeId());
      }
    }
    parents.forEach((child, parent) -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child));
    children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    for (Relationship r : relationships) {
      if (r.getStatus() != RelationshipStatus.ENDED && r.getStatus() != RelationshipStatus.SUSPENDED) {
        partners.computeIfAbsent(r.getOfficeId(), o -> new HashSet<>()).add(r.getPartnerId());
      }
    }
  }

  /** The offices, each parent before its children, roots and siblings by id. */
  List<String> ordered(Collection<String> officeIds) {
    List<String> ordered = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    officeIds.stream().filter(id -> !parents.containsKey(id)).sorted().forEach(root -> add(root, ordered, seen));
    officeIds.stream().filter(id -> !seen.contains(id)).sorted().forEach(ordered::add);
    return ordered;
  }

  private void add(String office, List<String> ordered, Set<String> seen) {
    if (seen.add(office)) {
      ordered.add(office);
      children.getOrDefault(office, List.of()).forEach(child -> add(child, ordered, seen));
    }
  }

  int depth(String office) {
    int depth = 0;
    Set<String> seen = new HashSet<>();
    for (String o = parents.get(office); o != null && seen.add(o); o = parents.get(o)) {
      depth++;
    }
    return depth;
  }

  /** The distinct partners the office keeps itself. */
  int partners(String office) {
    return partners.getOrDefault(office, Set.of()).size();
  }

  /** The distinct partners the office and every office under it keep. */
  int partnersWithDescendants(String office) {
    Set<String> all = new HashSet<>();
    Set<String> seen = new HashSet<>();
    List<String> next = new ArrayList<>(List.of(office));
    while (!next.isEmpty()) {
      String o = next.remove(next.size() - 1);
      if (seen.add(o)) {
        all.addAll(partners.getOrDefault(o, Set.of()));
        next.addAll(children.getOrDefault(o, List.of()));
      }
    }
    return all.size();
  }
}
