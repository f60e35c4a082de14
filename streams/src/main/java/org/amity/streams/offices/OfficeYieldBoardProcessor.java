package org.amity.streams.offices;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Holds every office's own yield in one place (all changes come keyed "all") and publishes, every emit interval, each office's yield per year, own and with every office under it at any depth, keyed
 * "officeId/year": only those that changed since published, and a tombstone for a year that no longer has any.
 */
public final class OfficeYieldBoardProcessor implements Processor<String, OfficeYieldsChange, String, OfficeYield> {
  public static final String BOARD_STORE = "office-yield-board";
  public static final String BOARD_KEY = "all";

  private final Duration emitInterval;
  private final String officesStore;
  private ProcessorContext<String, OfficeYield> context;
  private KeyValueStore<String, OfficeYieldBoard> board;
  private RegisteredOffices offices;

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

  @Override
  public void init(ProcessorContext<String, OfficeYield> context) {
    this.context = context;
    this.board = context.getStateStore(BOARD_STORE);
    this.offices = new RegisteredOffices(context.getStateStore(officesStore));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishIfChanged);
  }

  @Override
  public void process(Record<String, OfficeYieldsChange> record) {
    OfficeYieldBoard current = current();
    OfficeYieldsChange change = record.value();
    if (change.getYields() == null || OfficeYieldMath.isEmpty(change.getYields())) {
      current.getOwn().remove(change.getOfficeId());
    } else {
      current.getOwn().put(change.getOfficeId(), change.getYields());
    }
    board.put(BOARD_KEY, current);
  }

  /** Every emit interval: what changed, by the yields or by the offices (a name, a parent). */
  private void publishIfChanged(long now) {
    OfficeYieldBoard current = current();
    Map<String, Integer> published = new HashMap<>();
    for (OfficeYield yield : yields(current.getOwn(), now)) {
      String key = key(yield.getOfficeId(), yield.getYear());
      int signature = Objects.hash(yield.getOwn(), yield.getWithDistricts(), yield.getNameEn(), yield.getNameZh());
      published.put(key, signature);
      if (!Objects.equals(current.getPublished().get(key), signature)) {
        context.forward(new Record<>(key, yield, now));
      }
    }
    current.getPublished().keySet().stream().filter(key -> !published.containsKey(key)).sorted()
        .forEach(gone -> context.forward(new Record<String, OfficeYield>(gone, null, now)));
    if (!published.equals(current.getPublished())) {
      current.setPublished(published);
      board.put(BOARD_KEY, current);
    }
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

  private OfficeYieldBoard current() {
    OfficeYieldBoard current = board.get(BOARD_KEY);
    return current == null ? new OfficeYieldBoard(new HashMap<>(), new HashMap<>())
        : new OfficeYieldBoard(new HashMap<>(current.getOwn()), new HashMap<>(current.getPublished()));
  }
}
