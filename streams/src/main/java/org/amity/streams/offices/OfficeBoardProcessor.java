package org.amity.streams.offices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.partners.Office;
import org.amity.streams.ledger.OfficeBoard;
import org.amity.streams.ledger.OfficeFiguresChange;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Holds every office's figures in one place (all changes come keyed "all") and publishes, every emit interval when
 * something changed, each office's rollup: its own figures, with those of every office under it at any depth, and its
 * rank among the offices with the same parent by activity per relationship (points of the last 365 days). Office names
 * and parents come from the offices table.
 *
 * <p>The store keeps a record per office, held in memory as well: a change rewrites one office, not the board of all.
 */
public final class OfficeBoardProcessor implements Processor<String, OfficeFiguresChange, String, OfficeRollup> {
  /** The global table of the offices\' master data, which every task reads. */
  public static final String OFFICES_STORE = "offices";
  public static final String BOARD_STORE = "office-board";
  /** The key of every change; also where the board kept all offices in one record before it kept one per office. */
  public static final String BOARD_KEY = "all";

  private final java.time.Duration emitInterval;
  private final String officesStore;
  private ProcessorContext<String, OfficeRollup> context;
  private KeyValueStore<String, OfficeBoard> board;
  private RegisteredOffices offices;
  /** Every office's own figures, as the store keeps them (a record per office). */
  private final Map<String, OfficeFigures> own = new HashMap<>();
  private boolean changed;

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
    this.offices = new RegisteredOffices(context.getStateStore(officesStore));
    OfficeBoard allInOne = board.get(BOARD_KEY);
    if (allInOne != null) {
      board.delete(BOARD_KEY);
      allInOne.getFigures().forEach((id, figures) -> board.put(id, new OfficeBoard(Map.of(id, figures))));
    }
    own.clear();
    try (KeyValueIterator<String, OfficeBoard> all = board.all()) {
      all.forEachRemaining(kv -> own.putAll(kv.value.getFigures()));
    }
    changed = !own.isEmpty();
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishIfChanged);
  }

  @Override
  public void process(Record<String, OfficeFiguresChange> record) {
    OfficeFiguresChange change = record.value();
    String officeId = change.getOfficeId();
    if (change.getFigures() == null || OfficeFiguresMath.isEmpty(change.getFigures())) {
      own.remove(officeId);
      board.delete(officeId);
    } else {
      own.put(officeId, change.getFigures());
      board.put(officeId, new OfficeBoard(Map.of(officeId, change.getFigures())));
    }
    changed = true;
  }

  private void publishIfChanged(long now) {
    if (!changed) {
      return;
    }
    changed = false;
    rollups(own, Instant.ofEpochMilli(now))
        .forEach(rollup -> context.forward(new Record<>(rollup.getOfficeId(), rollup, now)));
  }

  /**
   * Every office's rollup from every office's own figures: each registered office (one without relationships of its
   * own too), its figures with those of every office under it at any depth, its rank among its peers.
   */
  List<OfficeRollup> rollups(Map<String, OfficeFigures> own, Instant at) {
    OfficeTree tree = new OfficeTree(offices.all(), own.keySet());
    Map<String, List<String>> peerGroups = new HashMap<>();
    for (String id : tree.ids()) {
      peerGroups.computeIfAbsent(tree.parentOf(id), p -> new ArrayList<>()).add(id);
    }
    peerGroups.values().forEach(peers -> peers.sort(Comparator
        .comparingDouble((String id) -> pointsPerRelationship(figuresOf(own, id))).reversed()
        .thenComparing(Comparator.comparingInt((String id) -> figuresOf(own, id).getLast365Days().getPoints()).reversed())
        .thenComparing(Comparator.naturalOrder())));
    List<OfficeRollup> rollups = new ArrayList<>();
    for (String id : tree.ids()) {
      Office office = tree.office(id);
      List<String> peers = peerGroups.get(tree.parentOf(id));
      rollups.add(OfficeRollup.newBuilder()
          .setOfficeId(id)
          .setNameEn(office == null ? null : office.getNameEn())
          .setNameZh(office == null ? null : office.getNameZh())
          .setParentOfficeId(tree.parentOf(id))
          .setAt(at)
          .setOwn(figuresOf(own, id))
          .setWithDistricts(tree.subtree(id).stream().map(member -> figuresOf(own, member))
              .reduce(OfficeFiguresMath.empty(), OfficeFiguresMath::sum))
          .setRankByActivity(peers.indexOf(id) + 1)
          .setPeers(peers.size())
          .build());
    }
    return rollups;
  }

  /** Activity per partner kept: an office with many partners is not ranked above a busier one by its size alone. */
  private static double pointsPerRelationship(OfficeFigures figures) {
    return (double) figures.getLast365Days().getPoints() / Math.max(1, figures.getRelationships());
  }

  private static OfficeFigures figuresOf(Map<String, OfficeFigures> own, String id) {
    OfficeFigures figures = own.get(id);
    return figures == null ? OfficeFiguresMath.empty() : figures;
  }
}
