package org.amity.streams.vitality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.partners.Relationship;
import org.amity.streams.app.StreamsSettings;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerInput;
import org.amity.streams.ledger.LedgerKeys;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.apache.avro.specific.SpecificRecord;
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

/**
 * Keeps every relationship's ledger and publishes its figures. Input, keyed by relationship id: master data and
 * ledger entries. An entry goes into the ledger (one per eventId; see {@link LiveHistory#replaces}) and marks the
 * relationship pending; an entry for a relationship without master data is refused with
 * {@link UnknownRelationshipException} (the processing exception handler sends it to the dead-letter topic).
 *
 * <p>It also keeps each relationship's published vitality in a store of its own, for interactive queries.
 *
 * <p>Two wall-clock punctuators publish: every emit interval the pending relationships, every review interval all of
 * them, so that a relationship that simply falls silent changes band without any new event.
 *
 * <p>A change of band raises an alert when it is news to the office: when time passing caused it (the review), or
 * when the new entries include an exchange of the last {@link StreamsSettings#alertLookbackDays()} days. Recording
 * older exchanges (importing a relationship's history, a replay) corrects the band silently, and so does the first
 * exchange ever recorded for a relationship that is no longer NEW: Amity is then learning history, not seeing a
 * relationship revive.
 */
public final class LedgerProcessor implements Processor<String, LedgerInput, String, SpecificRecord> {
  public static final String LEDGER_STORE = "ledger";
  public static final String STATE_STORE = "relationship-state";
  public static final String PENDING_STORE = "pending";
  /** Each relationship's vitality as last published, for interactive queries. */
  public static final String VITALITY_STORE = "vitality";
  private static final int PUBLISHING_PACE = 9;
  /**
   * How long one punctuation may publish: work beyond it waits for the next, as one punctuation that outlasted the
   * transaction (exactly-once aborts it after transaction.timeout.ms, 10 s) would be redone forever.
   */
  private static final Duration PUNCTUATION_BUDGET = Duration.ofMillis(500);
  private static final int REVIEW_BATCH = 1000;

  private final StreamsSettings settings;
  private final RelationshipScorer scorer;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, LedgerEntry> ledger;
  private KeyValueStore<String, RelationshipState> states;
  private KeyValueStore<String, Long> pending;
  private KeyValueStore<String, RelationshipVitality> vitality;
  private ReviewPassMetrics reviewMetrics;
  private long nextPublishingAt = Long.MIN_VALUE;
  /** The last relationship the review pass in progress re-scored ("" at its start); null when none is in progress. */
  private String reviewCursor;
  private double reviewSeconds;
  private int reviewed;
  /** The relationships with master data in this task: the store's keys, kept in memory as every entry asks. */
  private final Set<String> known = new HashSet<>();

  private LedgerProcessor(StreamsSettings settings) {
    this.settings = settings;
    this.scorer = new RelationshipScorer(settings);
  }

  /** The processor with its four stores (RocksDB, logged to changelog topics). */
  public static ProcessorSupplier<String, LedgerInput, String, SpecificRecord> supplier(StreamsSettings settings,
      Serde<LedgerEntry> entrySerde, Serde<RelationshipState> stateSerde, Serde<RelationshipVitality> vitalitySerde) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, LedgerInput, String, SpecificRecord> get() {
        return new LedgerProcessor(settings);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), entrySerde),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), stateSerde)),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(),
                Serdes.Long())),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VITALITY_STORE), Serdes.String(),
                vitalitySerde)));
      }
    };
  }

  /**
   * Cached: the many writes to one key between two commits (a relationship's pending mark, its state) reach RocksDB
   * and the changelog once. Not the ledger: each entry is written once, and would only crowd the cache out.
   */
  private static <K, V> StoreBuilder<KeyValueStore<K, V>> cached(StoreBuilder<KeyValueStore<K, V>> store) {
    return store.withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.ledger = context.getStateStore(LEDGER_STORE);
    this.states = context.getStateStore(STATE_STORE);
    this.pending = context.getStateStore(PENDING_STORE);
    this.vitality = context.getStateStore(VITALITY_STORE);
    this.reviewMetrics = new ReviewPassMetrics(context.metrics(), context.taskId().toString());
    known.clear();
    reviewCursor = null;
    try (KeyValueIterator<String, RelationshipState> all = states.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.getRelationship() != null) {
          known.add(kv.key);
        }
      });
    }
    context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
      publishPendingWhenDue(now);
      continueReview(now);
    });
    context.schedule(settings.reviewInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
      publishPending(now);
      startReview(now);
    });
  }

  @Override
  public void process(Record<String, LedgerInput> record) {
    String relationshipId = record.key();
    if (record.value().getChange() instanceof Relationship relationship) {
      RelationshipState state = states.get(relationshipId);
      state = state == null ? RelationshipState.newBuilder().build() : state;
      state.setRelationship(relationship);
      states.put(relationshipId, state);
      known.add(relationshipId);
      markPending(relationshipId, Long.MIN_VALUE);
      return;
    }
    LedgerEntry entry = (LedgerEntry) record.value().getChange();
    if (!known.contains(relationshipId)) {
      throw new UnknownRelationshipException(relationshipId, entry);
    }
    String key = LedgerKeys.of(relationshipId, entry.getEventId());
    LedgerEntry kept = ledger.get(key);
    if (kept == null || LiveHistory.replaces(entry, kept)) {
      ledger.put(key, entry);
      markPending(relationshipId, entry.getOccurredAt().toEpochMilli());
    }
  }

  /** Marks the relationship for publishing, remembering the newest exchange among its new entries. */
  private void markPending(String relationshipId, long occurredAt) {
    Long newest = pending.get(relationshipId);
    pending.put(relationshipId, newest == null ? occurredAt : Math.max(newest, occurredAt));
  }

  /**
   * Publishes the pending relationships, paced: after a pass that took d, the next comes no sooner than
   * {@value #PUBLISHING_PACE}·d after it ended. While a backlog is processed (a replay) publishing then takes at most
   * a tenth of the time and each pass covers more events; a live stream, whose passes take milliseconds, is still
   * published every emit interval.
   */
  private void publishPendingWhenDue(long now) {
    if (now < nextPublishingAt) {
      return;
    }
    long start = System.nanoTime();
    publishPending(now);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    nextPublishingAt = now + tookMs * (1 + PUBLISHING_PACE);
  }

  /** Publishes pending relationships for at most {@link #PUNCTUATION_BUDGET}; the others stay pending. */
  private void publishPending(long now) {
    long budgetEnd = System.nanoTime() + PUNCTUATION_BUDGET.toNanos();
    List<KeyValue<String, Long>> due = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = pending.all()) {
      all.forEachRemaining(due::add);
    }
    long newsSince = now - Duration.ofDays(settings.alertLookbackDays()).toMillis();
    for (KeyValue<String, Long> relationship : due) {
      publish(relationship.key, now, relationship.value >= newsSince);
      pending.delete(relationship.key);
      if (System.nanoTime() > budgetEnd) {
        return;
      }
    }
  }

  /** Starts a review pass, unless the last one is still going on. */
  private void startReview(long now) {
    if (reviewCursor == null) {
      reviewCursor = "";
      reviewSeconds = 0;
      reviewed = 0;
      continueReview(now);
    }
  }

  /**
   * Re-scores the next relationships of the review pass, in key order, for at most {@link #PUNCTUATION_BUDGET}: a pass
   * over tens of thousands of relationships takes many punctuations. The pass's duration is the time spent in them.
   */
  private void continueReview(long now) {
    if (reviewCursor == null) {
      return;
    }
    long start = System.nanoTime();
    long sliceEnd = start + PUNCTUATION_BUDGET.toNanos();
    boolean passDone = false;
    while (!passDone && System.nanoTime() < sliceEnd) {
      List<String> next = relationshipsAfter(reviewCursor);
      for (String relationshipId : next) {
        publish(relationshipId, now, true);
        reviewed++;
        reviewCursor = relationshipId;
        if (System.nanoTime() > sliceEnd) {
          break;
        }
      }
      passDone = next.size() < REVIEW_BATCH && (next.isEmpty() || reviewCursor.equals(next.get(next.size() - 1)));
    }
    reviewSeconds += (System.nanoTime() - start) / 1e9;
    if (passDone) {
      reviewMetrics.record(reviewSeconds, reviewed);
      reviewCursor = null;
    }
  }

  /** Up to {@link #REVIEW_BATCH} relationships after {@code cursor} in key order. */
  private List<String> relationshipsAfter(String cursor) {
    List<String> next = new ArrayList<>();
    try (KeyValueIterator<String, RelationshipState> iterator = states.range(cursor, null)) {
      while (iterator.hasNext() && next.size() < REVIEW_BATCH) {
        String relationshipId = iterator.next().key;
        if (!relationshipId.equals(cursor)) {
          next.add(relationshipId);
        }
      }
    }
    return next;
  }

  private void publish(String relationshipId, long now, boolean news) {
    RelationshipState state = states.get(relationshipId);
    if (state == null || state.getRelationship() == null) {
      return;
    }
    RelationshipVitality previous = vitality.get(relationshipId);
    boolean learningHistory = previous != null && previous.getExchanges() == 0 && previous.getBand() != Band.NEW;
    RelationshipScorer.Publication publication = scorer.score(state, entriesOf(relationshipId),
        Instant.ofEpochMilli(now), news && !learningHistory);
    states.put(relationshipId, state);
    publication.expired().forEach(entry -> ledger.delete(LedgerKeys.of(relationshipId, entry.getEventId())));
    for (SpecificRecord output : publication.records()) {
      if (output instanceof RelationshipVitality published) {
        vitality.put(relationshipId, published);
      }
      context.forward(new Record<>(relationshipId, output, now));
    }
  }

  @Override
  public void close() {
    reviewMetrics.close();
  }

  private List<LedgerEntry> entriesOf(String relationshipId) {
    List<LedgerEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, LedgerEntry> iterator =
             ledger.prefixScan(LedgerKeys.prefix(relationshipId), Serdes.String().serializer())) {
      iterator.forEachRemaining((KeyValue<String, LedgerEntry> kv) -> entries.add(kv.value));
    }
    return entries;
  }
}
