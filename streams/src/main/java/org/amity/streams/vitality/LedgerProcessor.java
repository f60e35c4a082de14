package org.amity.streams.vitality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.amity.aggregates.Band;
import org.amity.aggregates.RelationshipVitality;
import org.amity.followups.FollowUpStep;
import org.amity.partners.Relationship;
import org.amity.streams.ledger.FollowUpSteps;
import org.amity.streams.ledger.InvalidFollowUpStepException;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerInput;
import org.amity.streams.ledger.LedgerKeys;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.settings.StreamsSettings;
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
 * relationship pending. An entry for a relationship without master data waits for it ({@link AwaitingMasterData}), and
 * if it does not come, is published as a dead letter (the entry, with the headers of {@link DeadLetter}), to go to
 * amity.dead-letter as an {@link UnknownRelationshipException}.
 *
 * <p>It also keeps each relationship's published vitality in a store of its own, for interactive queries.
 *
 * <p>Two wall-clock punctuators publish: every emit interval the pending relationships, every review interval those
 * whose figures time may have changed since they were scored (each scoring says until when they cannot), so that a
 * relationship that simply falls silent changes band without any new event.
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

  private final StreamsSettings settings;
  private final RelationshipScorer scorer;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, LedgerEntry> ledger;
  private KeyValueStore<String, RelationshipState> states;
  private KeyValueStore<String, Long> pending;
  private KeyValueStore<String, RelationshipVitality> vitality;
  private AwaitingMasterData awaiting;
  private ReviewPassMetrics reviewMetrics;
  private PendingMetric pendingMetric;
  /** How many keys {@link #pending} holds. */
  private int pendingCount;
  private final PublishingPace.Backlog backlog;
  private final PublishingPace pace;
  private final InputSettling settling = new InputSettling();
  /** The relationships with master data in this task (the state store's keys, kept in memory as every entry asks). */
  private ReviewSchedule reviews;
  /**
   * Relationships that got entries read as they were written, or a follow-up step: published at the next emit interval
   * whatever the {@link #pace} (one no longer pending by then is passed over).
   */
  private final Set<String> live = new HashSet<>();

  private LedgerProcessor(StreamsSettings settings, PublishingPace.Backlog backlog,
      PublishingPace.ThreadTasks threadTasks) {
    this.settings = settings;
    this.backlog = backlog;
    this.pace = new PublishingPace(backlog, threadTasks);
    this.scorer = new RelationshipScorer(settings);
  }

  /** The processor with its five stores (RocksDB, logged to changelog topics). */
  public static ProcessorSupplier<String, LedgerInput, String, SpecificRecord> supplier(StreamsSettings settings,
      Serde<LedgerEntry> entrySerde, Serde<RelationshipState> stateSerde, Serde<RelationshipVitality> vitalitySerde) {
    PublishingPace.Backlog backlog = new PublishingPace.Backlog();
    PublishingPace.ThreadTasks threadTasks = new PublishingPace.ThreadTasks();
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, LedgerInput, String, SpecificRecord> get() {
        return new LedgerProcessor(settings, backlog, threadTasks);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), entrySerde),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), stateSerde)),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(),
                Serdes.Long())),
            cached(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VITALITY_STORE), Serdes.String(),
                vitalitySerde)),
            AwaitingMasterData.storeBuilder(entrySerde));
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
    this.awaiting = new AwaitingMasterData(context.getStateStore(AwaitingMasterData.STORE), settings.masterDataWait());
    this.reviewMetrics = new ReviewPassMetrics(context.metrics(), context.taskId().toString());
    this.pendingMetric = new PendingMetric(context.metrics(), context.taskId().toString());
    pendingCount = 0;
    live.clear();
    try (KeyValueIterator<String, Long> all = pending.all()) {
      all.forEachRemaining(kv -> pendingCount++);
    }
    pendingMetric.record(pendingCount);
    pace.start();
    reviews = new ReviewSchedule(System::nanoTime);
    try (KeyValueIterator<String, RelationshipState> all = states.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.getRelationship() != null) {
          reviews.due(kv.key, scorer.holdsReviewDue(kv.value) ? kv.value.getReviewDueAt() : Long.MIN_VALUE);
        }
      });
    }
    context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
      giveUpWaiting(now);
      publishPendingWhenDue(now);
      if (!reviews.started()) {
        reviews.start(now);
      }
      continueReview(now);
    });
    context.schedule(settings.reviewInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
      publishPending(now, budgetEnd());
      reviews.start(now);
      continueReview(now);
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
      reviews.due(relationshipId, Long.MIN_VALUE);
      markPending(relationshipId, Long.MIN_VALUE);
      awaiting.release(relationshipId).forEach(entry -> record(relationshipId, entry));
      return;
    }
    if (record.value().getChange() instanceof FollowUpStep step) {
      takeStep(relationshipId, step);
      return;
    }
    LedgerEntry entry = (LedgerEntry) record.value().getChange();
    if (!reviews.knows(relationshipId)) {
      awaiting.hold(relationshipId, entry, context.currentSystemTimeMs());
      return;
    }
    long now = context.currentSystemTimeMs();
    backlog.input(now, record.timestamp());
    record(relationshipId, entry);
    if (PublishingPace.Backlog.live(now, record.timestamp())) {
      live.add(relationshipId);
    }
  }

  /** Keeps the entry in the ledger unless it has a newer copy, and marks the relationship for publishing. */
  private void record(String relationshipId, LedgerEntry entry) {
    String key = LedgerKeys.of(relationshipId, entry.getEventId());
    LedgerEntry kept = ledger.get(key);
    if (kept == null || LiveHistory.replaces(entry, kept)) {
      ledger.put(key, entry);
      markPending(relationshipId, entry.getOccurredAt().toEpochMilli());
      settling.input(relationshipId, context.currentSystemTimeMs());
    }
  }

  /** Keeps a follow-up step in the relationship's state, to be published with it. */
  private void takeStep(String relationshipId, FollowUpStep step) {
    RelationshipState state = states.get(relationshipId);
    if (state == null || state.getRelationship() == null) {
      throw new InvalidFollowUpStepException("follow-up step " + step.getStepId() + " of unknown relationship "
          + relationshipId + ": register it first");
    }
    if (FollowUpSteps.apply(state, step)) {
      states.put(relationshipId, state);
      // a step changes no figure: a change of band published with it is time passing, news as at a review
      markPending(relationshipId, context.currentSystemTimeMs());
      live.add(relationshipId);
    }
  }

  /** Sends the entries that waited for their relationship's master data in vain to the dead letters. */
  private void giveUpWaiting(long now) {
    for (KeyValue<String, LedgerEntry> given : awaiting.givenUp(now)) {
      UnknownRelationshipException reason = new UnknownRelationshipException(given.key, given.value);
      context.forward(new Record<String, SpecificRecord>(given.key, given.value, now,
          DeadLetter.headers(reason, given.value.getOrigin())));
    }
  }

  /**
   * Marks the relationship for publishing, remembering the newest exchange among its new entries where it can decide
   * whether they are news: an exchange older than the lookback now is older than it when published (the wall clock
   * going forward), so a mark that is already there is left alone (a replay writes each relationship's mark once,
   * not once per event).
   */
  private void markPending(String relationshipId, long occurredAt) {
    Long newest = pending.get(relationshipId);
    if (newest == null) {
      pending.put(relationshipId, occurredAt);
      pendingMetric.record(++pendingCount);
    } else if (occurredAt > newest && occurredAt >= newsSince(context.currentSystemTimeMs())) {
      pending.put(relationshipId, occurredAt);
    }
  }

  /** From when an exchange recorded now is news (see {@link StreamsSettings#alertLookbackDays()}). */
  private long newsSince(long now) {
    return now - Duration.ofDays(settings.alertLookbackDays()).toMillis();
  }

  /**
   * Publishes the pending relationships: those with live input within a thirtieth of each emit interval, the others at
   * the {@link PublishingPace}; all within {@link StreamsSettings#punctuationBudget()} (a punctuation that outlasted
   * the exactly-once transaction would be aborted and redone forever). The others stay pending.
   */
  private void publishPendingWhenDue(long now) {
    long start = System.nanoTime();
    long budgetEnd = budgetEnd();
    publishLive(now, Math.min(budgetEnd, start + settings.emitInterval().toNanos() / (1 + PublishingPace.PACE)));
    if (!pace.due(now)) {
      return;
    }
    publishPending(now, budgetEnd);
    pace.passed(now, (System.nanoTime() - start) / 1_000_000);
  }

  private long budgetEnd() {
    return System.nanoTime() + settings.punctuationBudget().toNanos();
  }

  private void publishPending(long now, long budgetEnd) {
    List<KeyValue<String, Long>> due = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = pending.all()) {
      all.forEachRemaining(due::add);
    }
    long newsSince = newsSince(now);
    for (String relationshipId : settling.settled(now)) {
      publish(relationshipId, now, false);
    }
    for (KeyValue<String, Long> relationship : due) {
      publishPending(relationship.key, now, relationship.value >= newsSince);
      if (System.nanoTime() > budgetEnd) {
        break;
      }
    }
    pendingMetric.record(pendingCount);
  }

  /**
   * Publishes the pending relationships that got live input (an office waits to see it), whatever the pace: at least
   * one, then until {@code budgetEnd}; the rest at the next emit interval. Asks for a commit when it published any.
   */
  private void publishLive(long now, long budgetEnd) {
    long newsSince = newsSince(now);
    boolean published = false;
    Iterator<String> next = live.iterator();
    while (next.hasNext()) {
      String relationshipId = next.next();
      next.remove();
      Long newest = pending.get(relationshipId);
      if (newest != null) {
        publishPending(relationshipId, now, newest >= newsSince);
        published = true;
      }
      if (System.nanoTime() > budgetEnd) {
        break;
      }
    }
    pendingMetric.record(pendingCount);
    if (published) {
      // readers see a transaction's records only once it commits: commit now, not at the next commit interval
      context.commit();
    }
  }

  private void publishPending(String relationshipId, long now, boolean news) {
    publish(relationshipId, now, news);
    pending.delete(relationshipId);
    pendingCount--;
  }

  /**
   * Re-scores the next relationships of the review pass for at most {@link StreamsSettings#punctuationBudget()}, and
   * records the pass when it finished.
   */
  private void continueReview(long now) {
    ReviewSchedule.Pass finished = reviews.continueFor(now, settings.punctuationBudget().toNanos(), relationshipId -> {
      // input still arriving is published as input, with its own news and reminders, not as time passing
      if (pending.get(relationshipId) == null && !settling.holds(relationshipId)) {
        publish(relationshipId, now, true);
      }
    });
    if (finished != null) {
      reviewMetrics.record(finished);
    }
  }

  private void publish(String relationshipId, long now, boolean news) {
    RelationshipState state = states.get(relationshipId);
    if (state == null || state.getRelationship() == null) {
      return;
    }
    RelationshipVitality previous = vitality.get(relationshipId);
    boolean learningHistory = previous != null && previous.getExchanges() == 0 && previous.getBand() != Band.NEW;
    RelationshipScorer.Publication publication = scorer.score(state, entriesOf(relationshipId),
        Instant.ofEpochMilli(now), news && !learningHistory, now >= settling.settlesAt(relationshipId));
    if (publication.remindersHeld()) {
      settling.hold(relationshipId);
      state.setReviewDueAt(now);
    }
    if (publication.stateChanged() || publication.remindersHeld()) {
      states.put(relationshipId, state);
    }
    reviews.due(relationshipId, state.getReviewDueAt());
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
    pace.stop();
    reviewMetrics.close();
    pendingMetric.close();
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
