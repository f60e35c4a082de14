package org.amity.producers.partners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.topics.CompactedTopicView;

/** The offices registered with Amity, read from the compacted {@code amity.offices} topic and kept current. */
public final class OfficeDirectory implements AutoCloseable {
  private final CompactedTopicView<Office> view;

  private OfficeDirectory(CompactedTopicView<Office> view) {
    this.view = view;
  }

  public static OfficeDirectory start(Map<String, Object> clientConfig, Duration timeout) throws TimeoutException {
    return new OfficeDirectory(CompactedTopicView.ofRecords(Topics.OFFICES.name(), clientConfig, timeout));
  }

  public boolean exists(String officeId) {
    return view.contains(officeId);
  }

  public Optional<Office> get(String officeId) {
    return view.get(officeId);
  }

  /** The office a person names: by its id (in any case), else by its Chinese or English name when one office alone has it. */
  public Optional<String> idOf(String idOrName) {
    return idOf(view.all().values(), idOrName);
  }

  /** {@link #idOf(String)} among these offices. */
  public static Optional<String> idOf(Collection<Office> offices, String idOrName) {
    String id = idOrName.strip().toLowerCase(Locale.ROOT);
    if (offices.stream().anyMatch(o -> o.getOfficeId().equals(id))) {
      return Optional.of(id);
    }
    List<String> named = offices.stream()
        .filter(o -> idOrName.strip().equals(o.getNameZh()) || idOrName.strip().equalsIgnoreCase(o.getNameEn()))
        .map(Office::getOfficeId).toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  /** Every office, parents before their children, by id among siblings. */
  public List<Office> list() {
    return treeOrder(view.all().values());
  }

  /** The office and every office under it, at any depth. */
  public Set<String> subtree(String officeId) {
    Map<String, List<String>> children = new HashMap<>();
    view.all().values().forEach(o -> {
      if (o.getParentOfficeId() != null) {
        children.computeIfAbsent(o.getParentOfficeId(), p -> new ArrayList<>()).add(o.getOfficeId());
      }
    });
    Set<String> found = new HashSet<>();
    List<String> next = new ArrayList<>(List.of(officeId));
    while (!next.isEmpty()) {
      String id = next.remove(next.size() - 1);
      if (found.add(id)) {
        next.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return found;
  }

  void remember(Office office) {
    view.remember(office.getOfficeId(), office);
  }

  @Override
  public void close() {
    view.close();
  }

  private static List<Office> treeOrder(Collection<Office> offices) {
    Map<String, Office> byId = new HashMap<>();
    offices.forEach(o -> byId.put(o.getOfficeId(), o));
    Map<String, List<Office>> children = new HashMap<>();
    List<Office> roots = new ArrayList<>();
    for (Office o : offices) {
      String parent = o.getParentOfficeId();
      if (parent == null || !byId.containsKey(parent)) {
        roots.add(o);
      } else {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(o);
      }
    }
    List<Office> ordered = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    roots.stream().sorted(Comparator.comparing(Office::getOfficeId)).forEach(r -> add(r, children, ordered, seen));
    return ordered;
  }

  private static void add(Office office, Map<String, List<Office>> children, List<Office> ordered, Set<String> seen) {
    if (!seen.add(office.getOfficeId())) {
      return;
    }
    ordered.add(office);
    children.getOrDefault(office.getOfficeId(), List.of()).stream()
        .sorted(Comparator.comparing(Office::getOfficeId))
        .forEach(child -> add(child, children, ordered, seen));
  }
}
