package org.amity.streams.offices;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.YieldSum;
import org.amity.partners.Office;
import org.amity.streams.ledger.OfficeYieldBoard;
import org.amity.streams.ledger.OfficeYields;
import org.amity.streams.ledger.OfficeYieldsChange;
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
 * Holds every office's own yield in one place (all changes come keyed "all") and publishes, every emit interval, each
 * office's yield per year, own and with every office under it at any depth, keyed "officeId/year": only those that
 * changed since published, and a tombstone for a year that no longer has any.
 *
 * <p>The store keeps a record per office (its own yield and the signatures of its years as published), held in memory
 * as well: a change rewrites one office, not the board of all of them.
 */
public final class OfficeYieldBoardProcessor implements Processor<String, OfficeYieldsChange, String, OfficeYield> {
  public static final String BOARD_STORE = "office-yield-board";
  /** The key of every change; also where the board kept all offices in one record before it kept one per office. */
  public static final String BOARD_KEY = "all";

  private final Duration emitInterval;
  private final String officesStore;
  private ProcessorContext<String, OfficeYield> context;
  private KeyValueStore<String, OfficeYieldBoard> board;
  private RegisteredOffices offices;
  /** The store's records by office id. */
  private final Map<String, OfficeYieldBoard> kept = new HashMap<>();

  private OfficeYieldBoardProcessor(Duration emitInterval, String officesStore) {
    this.emitInterval = emitInterval;
    this.officesStore = officesStore;
  }

  public static ProcessorSupplier<String, OfficeYieldsChange, String, OfficeYield> supplier(Duration emitInterval,
      String officesStore, Serde<OfficeYieldBoard> boardSerde) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, OfficeYieldsChange, String, OfficeYield> get() {
        return new OfficeYieldBoardProcessor(emitInterval, officesStore);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOARD_STORE), Serdes.String(),
            boardSerde));
      }
    };
  }

  public static String key(String officeId, int year) {
    return officeId + "/" + year;
  }

  /** The office of a {@link #key}. */
  private static String officeOf(String key) {
    return key.substring(0, key.lastIndexOf('/'));
  }

  @Override
  public void init(ProcessorContext<String, OfficeYield> context) {
    this.context = context;
    this.board = context.getStateStore(BOARD_STORE);
    this.offices = new RegisteredOffices(context.getStateStore(officesStore));
    OfficeYieldBoard allInOne = board.get(BOARD_KEY);
    if (allInOne != null) {
      board.delete(BOARD_KEY);
      byOffice(allInOne).forEach(board::put);
    }
    kept.clear();
    try (KeyValueIterator<String, OfficeYieldBoard> all = board.all()) {
      all.forEachRemaining(kv -> kept.put(kv.key, kv.value));
    }
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishIfChanged);
  }

  @Override
  public void process(Record<String, OfficeYieldsChange> record) {
    OfficeYieldsChange change = record.value();
    OfficeYieldBoard office = keptOf(change.getOfficeId());
    if (change.getYields() == null || OfficeYieldMath.isEmpty(change.getYields())) {
      office.getOwn().remove(change.getOfficeId());
    } else {
      office.getOwn().put(change.getOfficeId(), change.getYields());
    }
    keep(change.getOfficeId(), office);
  }

  /** Every emit interval: what changed, by the yields or by the offices (a name, a parent). */
  private void publishIfChanged(long now) {
    Map<String, Map<String, Integer>> published = new HashMap<>();
    for (OfficeYield yield : yields(own(), now)) {
      String key = key(yield.getOfficeId(), yield.getYear());
      int signature = Objects.hash(yield.getOwn(), yield.getWithDistricts(), yield.getNameEn(), yield.getNameZh());
      published.computeIfAbsent(yield.getOfficeId(), id -> new HashMap<>()).put(key, signature);
      if (!Objects.equals(keptOf(yield.getOfficeId()).getPublished().get(key), signature)) {
        context.forward(new Record<>(key, yield, now));
      }
    }
    for (String officeId : new TreeSet<>(kept.keySet())) {
      OfficeYieldBoard office = kept.get(officeId);
      Map<String, Integer> current = published.getOrDefault(officeId, Map.of());
      office.getPublished().keySet().stream().filter(key -> !current.containsKey(key)).sorted()
          .forEach(gone -> context.forward(new Record<String, OfficeYield>(gone, null, now)));
      if (!current.equals(office.getPublished())) {
        office.setPublished(new HashMap<>(current));
        keep(officeId, office);
      }
    }
  }

  /**
   * A board kept in one record (all offices' own yields, the signatures of all years published) as the records of each
   * office.
   */
  static Map<String, OfficeYieldBoard> byOffice(OfficeYieldBoard allInOne) {
    Map<String, OfficeYieldBoard> offices = new TreeMap<>();
    Function<String, OfficeYieldBoard> office = id -> offices.computeIfAbsent(id, any -> emptyRecord());
    allInOne.getOwn().forEach((id, yields) -> office.apply(id).getOwn().put(id, yields));
    allInOne.getPublished().forEach((key, signature) -> office.apply(officeOf(key)).getPublished().put(key, signature));
    return offices;
  }

  /** Every office's yield for every year that it or an office under it has a figure for. */
  private List<OfficeYield> yields(Map<String, OfficeYields> own, long now) {
    OfficeTree tree = new OfficeTree(offices.all(), own.keySet());
    return tree.ids().stream().flatMap(id -> {
      Map<Integer, YieldSum> ownYears = byYear(own.get(id));
      Map<Integer, YieldSum> allYears = byYear(tree.subtree(id).stream().map(own::get).filter(Objects::nonNull)
          .reduce(OfficeYieldMath.empty(), OfficeYieldMath::sum));
      Office office = tree.office(id);
      return allYears.entrySet().stream().map(year -> OfficeYield.newBuilder()
          .setOfficeId(id)
          .setYear(year.getKey())
          .setNameEn(office == null ? null : office.getNameEn())
          .setNameZh(office == null ? null : office.getNameZh())
          .setOwn(ownYears.getOrDefault(year.getKey(), OfficeYieldMath.emptySum()))
          .setWithDistricts(year.getValue())
          .setAt(Instant.ofEpochMilli(now))
          .build());
    }).toList();
  }

  private static Map<Integer, YieldSum> byYear(OfficeYields yields) {
    Map<Integer, YieldSum> years = new TreeMap<>();
    if (yields != null) {
      yields.getYears().forEach(year -> years.put(year.getYear(), year.getSum()));
    }
    return years;
  }

  /** Every office's own yield. */
  private Map<String, OfficeYields> own() {
    Map<String, OfficeYields> own = new HashMap<>();
    kept.values().forEach(office -> own.putAll(office.getOwn()));
    return own;
  }

  private OfficeYieldBoard keptOf(String officeId) {
    return kept.computeIfAbsent(officeId, id -> emptyRecord());
  }

  private static OfficeYieldBoard emptyRecord() {
    return new OfficeYieldBoard(new HashMap<>(), new HashMap<>());
  }

  /** Writes the office's record, or deletes it when it holds nothing. */
  private void keep(String officeId, OfficeYieldBoard office) {
    if (office.getOwn().isEmpty() && office.getPublished().isEmpty()) {
      kept.remove(officeId);
      board.delete(officeId);
    } else {
      board.put(officeId, office);
    }
  }
}
