package org.amity.consumers.view;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.amity.aggregates.Alert;
import org.amity.aggregates.Band;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.consumers.view.Exchanges.Exchange;
import org.amity.events.EventRetracted;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.apache.avro.specific.SpecificRecord;

/**
 * A picture of the aggregate topics and the master data, kept in memory: the newest record per
 * key of the compacted topics, the newest alerts, per relationship the history of the vitality records seen and the
 * timeline of its exchanges (from the event topics: retractions and corrections applied, duplicates once).
 * Fed by {@link DashboardFeed}; read by the dashboard and the reports for the leadership. Listeners hear of every change.
 */
public final class DashboardView {
  /** Alerts kept, newest first. */
  public static final int MAX_ALERTS = 500;
  /** History points kept per relationship. */
  public static final int MAX_HISTORY = 800;
  /** Exchanges kept per relationship, the newest by the time they happened. */
  public static final int MAX_EXCHANGES = 100;
  /**
   * Timelines kept of relationship ids without master data (yet: the feed may read an event before its relationship).
   * A record written straight to a topic may name any number of invented ids; beyond these, their events are not kept.
   */
  public static final int MAX_UNREGISTERED_TIMELINES = 1_000;
  private static final Comparator<Exchange> NEWEST_FIRST = Comparator.comparing(Exchange::occurredAt).reversed()
      .thenComparing(Exchange::eventId);

  /** One vitality record seen: when it was scored, its score and band. */
  public record Point(Instant at, int score, Band band) {}

  /**
   * What changed: the kind of record ("vitality", "activity", "rollup", "alert", "relationship", "office",
   * "exchange") and its key (for an exchange, the relationship whose timeline changed).
   */
  public record Change(String kind, String key, long version) {}

  private final Map<String, Office> offices = new ConcurrentHashMap<>();
  private final Map<String, Relationship> relationships = new ConcurrentHashMap<>();
  private final Map<String, RelationshipVitality> vitality = new ConcurrentHashMap<>();
  /** What each relationship yielded, by relationship id. */
  private final Map<String, RelationshipYield> yields = new ConcurrentHashMap<>();
  /** What each office yielded in a year, by "officeId/year". */
  private final Map<String, OfficeYield> officeYields = new ConcurrentHashMap<>();
  /** Each alert's follow-up, by alertId. */
  private final Map<String, FollowUp> followUps = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<Instant, Point>> history = new ConcurrentHashMap<>();
  private final Map<String, RelationshipActivity> activity = new ConcurrentHashMap<>();
  private final Map<String, OfficeRollup> rollups = new ConcurrentHashMap<>();
  private final Deque<Alert> alerts = new ArrayDeque<>();
  private final Set<String> alertIds = new HashSet<>();
  /** Per relationship, its exchanges newest first; guarded by itself, as is the set below. */
  private final Map<String, Timeline> timelines = new HashMap<>();
  private final Set<String> unregisteredTimelines = new HashSet<>();
  /** Notifications the notifier gave up on, by "alertId|recipient", from its delivery log. */
  private final Map<String, NotificationFailure> notificationFailures = new ConcurrentHashMap<>();
  private final Map<String, Long> deadLetters = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile String feedStopped;
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  public long version() {
    return version.get();
  }

  /** The feed that keeps this view current stopped: the view shows the past from now on. */
  public void feedStopped(String reason) {
    feedStopped = reason;
  }

  /** Why the feed stopped, if it did. */
  public Optional<String> feedStoppedBecause() {
    return Optional.ofNullable(feedStopped);
  }

  public void putOffice(String key, Office office) {
    put(offices, key, office);
    changed("office", key);
  }

  public void putRelationship(String key, Relationship relationship) {
    put(relationships, key, relationship);
    synchronized (timelines) {
      unregisteredTimelines.remove(key);
    }
    changed("relationship", key);
  }

  public void putVitality(String key, RelationshipVitality record) {
    put(vitality, key, record);
    if (record != null) {
      TreeMap<Instant, Point> points = history.computeIfAbsent(key, k -> new TreeMap<>());
      synchronized (points) {
        points.put(record.getAt(), new Point(record.getAt(), record.getScore(), record.getBand()));
        while (points.size() > MAX_HISTORY) {
          points.pollFirstEntry();
        }
      }
    }
    changed("vitality", key);
  }

  public void putActivity(String key, RelationshipActivity record) {
    put(activity, key, record);
    changed("activity", key);
  }

  public void putRollup(String key, OfficeRollup rollup) {
    put(rollups, key, rollup);
    changed("rollup", key);
  }

  /**
   * Applies an entry of the notifier's delivery log: a FAILED one is shown until a later entry for the same alert and
   * recipient replaces it.
   */
  public void putDelivery(String key, NotificationFailure failure) {
    if (failure == null) {
      notificationFailures.remove(key);
    } else {
      notificationFailures.put(key, failure);
    }
    changed("notification", key);
  }

  /** The notifications given up on, newest first. */
  public List<NotificationFailure> notificationFailures() {
    return notificationFailures.values().stream()
        .sorted(java.util.Comparator.comparing(NotificationFailure::at).reversed())
        .toList();
  }

  /** A notification the notifier gave up on (dead-lettered), and why. */
  /** One more record set aside on the dead-letter topic, read from {@code sourceTopic}. */
  public void countDeadLetter(String sourceTopic) {
    deadLetters.merge(sourceTopic, 1L, Long::sum);
    changed("dead-letter", sourceTopic);
  }

  /** Dead letters by the topic they were read from. */
  public Map<String, Long> deadLetters() {
    return new java.util.TreeMap<>(deadLetters);
  }

  public record NotificationFailure(String alertId, String recipient, String at, int attempts, String reason) {}

  public void addAlert(Alert alert) {
    if (alert == null) {
      return;
    }
    synchronized (alerts) {
      if (!alertIds.add(alert.getAlertId())) {
        return;
      }
      alerts.addFirst(alert);
      while (alerts.size() > MAX_ALERTS) {
        alertIds.remove(alerts.removeLast().getAlertId());
      }
    }
    changed("alert", alert.getRelationshipId());
  }

  /**
   * Applies an event from the event topics: an exchange joins the timeline of every relationship its envelope names
   * (once per eventId; replacing there the event its envelope {@code corrects}), an {@link EventRetracted} removes the
   * event it names from the timelines of the relationships it names, as the ledger does: one office cannot withdraw
   * or replace another's event. Other records are ignored.
   */
  public void addEvent(SpecificRecord event) {
    Set<String> touched = new LinkedHashSet<>();
    if (event instanceof EventRetracted retraction) {
      synchronized (timelines) {
        for (String relationshipId : new LinkedHashSet<>(retraction.getEnvelope().getRelationshipIds())) {
          if (timeline(relationshipId).withdraw(retraction.getRetractedEventId())) {
            touched.add(relationshipId);
          }
        }
      }
    } else {
      Exchange exchange = Exchanges.of(event);
      if (exchange == null) {
        return;
      }
      boolean corrects = exchange.corrects() != null && !exchange.corrects().equals(exchange.eventId());
      synchronized (timelines) {
        for (String relationshipId : exchange.relationshipIds()) {
          Timeline timeline = timeline(relationshipId);
          boolean replaced = corrects && timeline.withdraw(exchange.corrects());
          if (timeline.add(exchange) || replaced) {
            touched.add(relationshipId);
          }
        }
      }
    }
    touched.forEach(relationshipId -> changed("exchange", relationshipId));
  }

  /** The relationship's timeline; one not kept when the id is unregistered and there are too many such already. */
  private Timeline timeline(String relationshipId) {
    Timeline timeline = timelines.get(relationshipId);
    if (timeline != null) {
      return timeline;
    }
    timeline = new Timeline();
    boolean registered = relationships.containsKey(relationshipId);
    if (registered || unregisteredTimelines.size() < MAX_UNREGISTERED_TIMELINES) {
      timelines.put(relationshipId, timeline);
      if (!registered) {
        unregisteredTimelines.add(relationshipId);
      }
    }
    return timeline;
  }

  /** The relationship's exchanges, newest first (at most {@link #MAX_EXCHANGES}). */
  public List<Exchange> exchanges(String relationshipId) {
    synchronized (timelines) {
      Timeline timeline = timelines.get(relationshipId);
      return timeline == null ? List.of() : new ArrayList<>(timeline.newestFirst);
    }
  }

  /** One relationship's exchanges: newest first, one per eventId, at most {@link #MAX_EXCHANGES}. */
  private static final class Timeline {
    final TreeSet<Exchange> newestFirst = new TreeSet<>(NEWEST_FIRST);
    final Map<String, Exchange> byId = new HashMap<>();
    /** Events withdrawn or replaced by a correction: should they be read after that, they stay out. */
    final Set<String> withdrawn = new HashSet<>();

    /** Adds the exchange unless its eventId is here already or was withdrawn; false when nothing changed. */
    boolean add(Exchange exchange) {
      if (byId.containsKey(exchange.eventId()) || withdrawn.contains(exchange.eventId())) {
        return false;
      }
      byId.put(exchange.eventId(), exchange);
      newestFirst.add(exchange);
      if (newestFirst.size() > MAX_EXCHANGES) {
        Exchange oldest = newestFirst.pollLast();
        byId.remove(oldest.eventId());
        return oldest != exchange;
      }
      return true;
    }

    /** Takes the event out for good; true when it was here. */
    boolean withdraw(String eventId) {
      withdrawn.add(eventId);
      Exchange exchange = byId.remove(eventId);
      return exchange != null && newestFirst.remove(exchange);
    }
  }

  public Collection<Office> offices() {
    return offices.values();
  }

  public Optional<Office> office(String id) {
    return Optional.ofNullable(offices.get(id));
  }

  /**
   * Each office's parent, by office id: from the offices' master data and, for an office without master data, from
   * its rollup.
   */
  public Map<String, String> officeParents() {
    Map<String, String> parents = new HashMap<>();
    for (OfficeRollup rollup : rollups()) {
      if (rollup.getParentOfficeId() != null) {
        parents.put(rollup.getOfficeId(), rollup.getParentOfficeId());
      }
    }
    for (Office office : offices()) {
      if (office.getParentOfficeId() == null) {
        parents.remove(office.getOfficeId());
      } else {
        parents.put(office.getOfficeId(), office.getParentOfficeId());
      }
    }
    return parents;
  }

  /** Whether the office is known: by its master data, a relationship, its rollup or its yields. */
  public boolean knowsOffice(String officeId) {
    return offices.containsKey(officeId) || rollups.containsKey(officeId)
        || relationships.values().stream().anyMatch(r -> r.getOfficeId().equals(officeId))
        || officeYields.values().stream().anyMatch(y -> y.getOfficeId().equals(officeId));
  }

  public Optional<Relationship> relationship(String id) {
    return Optional.ofNullable(relationships.get(id));
  }

  public Collection<Relationship> relationships() {
    return relationships.values();
  }

  public Collection<RelationshipVitality> vitality() {
    return vitality.values();
  }

  public Optional<RelationshipVitality> vitality(String id) {
    return Optional.ofNullable(vitality.get(id));
  }

  public Optional<RelationshipActivity> activity(String id) {
    return Optional.ofNullable(activity.get(id));
  }

  public Collection<OfficeRollup> rollups() {
    return rollups.values();
  }

  /** The vitality records seen for the relationship, oldest first. */
  public List<Point> history(String id) {
    TreeMap<Instant, Point> points = history.get(id);
    if (points == null) {
      return List.of();
    }
    synchronized (points) {
      return new ArrayList<>(points.values());
    }
  }

  /** The newest alerts first. */
  public List<Alert> alerts() {
    synchronized (alerts) {
      return new ArrayList<>(alerts);
    }
  }

  /** The alert, if it is among those kept. */
  public Optional<Alert> alert(String alertId) {
    synchronized (alerts) {
      return alertIds.contains(alertId)
          ? alerts.stream().filter(alert -> alert.getAlertId().equals(alertId)).findFirst() : Optional.empty();
    }
  }

  public void putYield(String relationshipId, RelationshipYield yield) {
    put(yields, relationshipId, yield);
    changed("yield", relationshipId);
  }

  public Optional<RelationshipYield> yield(String relationshipId) {
    return Optional.ofNullable(yields.get(relationshipId));
  }

  public void putOfficeYield(String key, OfficeYield yield) {
    put(officeYields, key, yield);
    changed("office-yield", key);
  }

  /** What the office yielded, year by year, oldest first. */
  public List<OfficeYield> officeYields(String officeId) {
    return officeYields.values().stream().filter(y -> y.getOfficeId().equals(officeId))
        .sorted(Comparator.comparingInt(OfficeYield::getYear)).toList();
  }

  /** Every relationship's yield. */
  public List<RelationshipYield> yields() {
    return new ArrayList<>(yields.values());
  }

  public void putFollowUp(String alertId, FollowUp followUp) {
    put(followUps, alertId, followUp);
    changed("follow-up", followUp == null ? null : followUp.getRelationshipId());
  }

  /** Every follow-up streams has published. */
  public List<FollowUp> followUps() {
    return new ArrayList<>(followUps.values());
  }

  /** The alert's follow-up as streams last published it; empty while nobody has followed it up. */
  public Optional<FollowUp> followUp(String alertId) {
    return Optional.ofNullable(followUps.get(alertId));
  }

  private static <T> void put(Map<String, T> map, String key, T value) {
    if (key == null) {
      return;
    }
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private void changed(String kind, String key) {
    Change change = new Change(kind, key, version.incrementAndGet());
    for (Consumer<Change> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // a listener's failure (a closed browser connection) must not stop the feed
      }
    }
  }
}
