package org.amity.streams.offices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.partners.Office;
import org.amity.streams.ledger.OfficeBoard;
import org.amity.streams.ledger.OfficeFiguresChange;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every office's figures in one place (all changes come keyed "all") and publishes, every emit interval when
 * something changed, each office's rollup: its own figures, with those of every office under it at any depth, and its
 * rank among the offices with the same parent by activity per relationship (points of the last 365 days). Office names and parents come from the offices table.
 */
public final class OfficeBoardProcessor implements Processor<String, OfficeFiguresChange, String, OfficeRollup> {
  /** The global table of the offices\' master data, which every task reads. */
  public static final String OFFICES_STORE = "offices";
  private static final Logger log = LoggerFactory.getLogger(OfficeBoardProcessor.class);
  public static final String BOARD_STORE = "office-board";
  public static final String BOARD_KEY = "all";

  private final java.time.Duration emitInterval;
  private final String officesStore;
  private ProcessorContext<String, OfficeRollup> context;
  private KeyValueStore<String, OfficeBoard> board;
  private KeyValueStore<String, ValueAndTimestamp<Office>> offices;
  private boolean changed = true;
  private final Set<String> unreadableLogged = new HashSet<>();

  private OfficeBoardProcessor(java.time.Duration emitInterval, String officesStore) {
    this.emitInterval = emitInterval;
    this.officesStore = officesStore;
  }

  public static ProcessorSupplier<String, OfficeFiguresChange, String, OfficeRollup> supplier(
      java.time.Duration emitInterval, String officesStore, Serde<OfficeBoard> boardSerde) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, OfficeFiguresChange, String, OfficeRollup> get() {
        return new OfficeBoardProcessor(emitInterval, officesStore);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOARD_STORE), Serdes.String(),
            boardSerde));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, OfficeRollup> context) {
    this.context = context;
    this.board = context.getStateStore(BOARD_STORE);
    this.offices = context.getStateStore(officesStore);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishIfChanged);
  }

  @Override
  public void process(Record<String, OfficeFiguresChange> record) {
    OfficeBoard current = board.get(BOARD_KEY);
    Map<String, OfficeFigures> figures = current == null ? new HashMap<>() : new HashMap<>(current.getFigures());
    OfficeFiguresChange change = record.value();
    if (change.getFigures() == null || OfficeFiguresMath.isEmpty(change.getFigures())) {
      figures.remove(change.getOfficeId());
    } else {
      figures.put(change.getOfficeId(), change.getFigures());
    }
    board.put(BOARD_KEY, new OfficeBoard(figures));
    changed = true;
  }

  private void publishIfChanged(long now) {
    OfficeBoard current = board.get(BOARD_KEY);
    if (!changed || current == null) {
      return;
    }
    changed = false;
    rollups(current.getFigures(), Instant.ofEpochMilli(now))
        .forEach(rollup -> context.forward(new Record<>(rollup.getOfficeId(), rollup, now)));
  }

  /**
   * Every office's rollup from every office's own figures: each registered office (one without relationships of its
   * own too), its figures with those of every office under it at any depth, its rank among its peers.
   */
  List<OfficeRollup> rollups(Map<String, OfficeFigures> own, Instant at) {
    Map<String, Office> known = registeredOffices();
    Set<String> ids = new TreeSet<>(own.keySet());
    ids.addAll(known.keySet());
    Map<String, List<String>> children = new HashMap<>();
    Map<String, List<String>> peerGroups = new HashMap<>();
    for (String id : ids) {
      String parent = parentOf(known.get(id));
      peerGroups.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
      if (parent != null) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
      }
    }
    peerGroups.values().forEach(peers -> peers.sort(Comparator
        .comparingDouble((String id) -> pointsPerRelationship(figuresOf(own, id))).reversed()
        .thenComparing(Comparator.comparingInt((String id) -> figuresOf(own, id).getLast365Days().getPoints()).reversed())
        .thenComparing(Comparator.naturalOrder())));
    List<OfficeRollup> rollups = new ArrayList<>();
    for (String id : ids) {
      Office office = known.get(id);
      List<String> peers = peerGroups.get(parentOf(office));
      rollups.add(OfficeRollup.newBuilder()
          .setOfficeId(id)
          .setNameEn(office == null ? null : office.getNameEn())
          .setNameZh(office == null ? null : office.getNameZh())
          .setParentOfficeId(parentOf(office))
          .setAt(at)
          .setOwn(figuresOf(own, id))
          .setWithDistricts(withDescendants(id, own, children))
          .setRankByActivity(peers.indexOf(id) + 1)
          .setPeers(peers.size())
          .build());
    }
    return rollups;
  }

  /**
   * The offices table as the global thread holds it. It restores the topic's bytes without reading them, so a record
   * that cannot be read is met here first: it is passed over (logged once per place), not allowed to stop the rollups.
   */
  private Map<String, Office> registeredOffices() {
    Map<String, Office> known = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Office>> all = offices.all()) {
      while (all.hasNext()) {
        try {
          KeyValue<String, ValueAndTimestamp<Office>> office = all.next();
          known.put(office.key, office.value.value());
        } catch (SerializationException unreadable) {
          if (unreadableLogged.add(unreadable.getMessage())) {
            log.warn("Passing over an unreadable record in the offices table: {}", unreadable.getMessage());
          }
        }
      }
    }
    return known;
  }

  /** The sum of the office's own figures and those of every office under it; each office counted once. */
  private static OfficeFigures withDescendants(String id, Map<String, OfficeFigures> own, Map<String, List<String>> children) {
    OfficeFigures sum = OfficeFiguresMath.empty();
    Set<String> seen = new HashSet<>();
    List<String> next = new ArrayList<>(List.of(id));
    while (!next.isEmpty()) {
      String office = next.remove(next.size() - 1);
      if (seen.add(office)) {
        sum = OfficeFiguresMath.sum(sum, figuresOf(own, office));
        next.addAll(children.getOrDefault(office, List.of()));
      }
    }
    return sum;
  }

  /** Activity per partner kept: an office with many partners is not ranked above a busier one by its size alone. */
  private static double pointsPerRelationship(OfficeFigures figures) {
    return (double) figures.getLast365Days().getPoints() / Math.max(1, figures.getRelationships());
  }

  private static OfficeFigures figuresOf(Map<String, OfficeFigures> own, String id) {
    OfficeFigures figures = own.get(id);
    return figures == null ? OfficeFiguresMath.empty() : figures;
  }

  private static String parentOf(Office office) {
    return office == null ? null : office.getParentOfficeId();
  }
}
