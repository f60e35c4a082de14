package org.amity.streams.vitality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerKeys;
import org.amity.streams.settings.StreamsSettings;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Entries for relationships whose master data the ledger has not seen yet. It may be on its way: master data written
 * with another partitioner than Amity's comes through the repartition topic, and an event written to the right
 * partition can overtake it. An entry waits up to {@link StreamsSettings#masterDataWait()} (wall
 * clock) in a logged store, each with the moment it began to wait, and is then given up on: an event for an unknown
 * relationship.
 */
final class AwaitingMasterData {
  static final String STORE = "awaiting-master-data";

  private final TimestampedKeyValueStore<String, LedgerEntry> store;
  private final Duration wait;
  /** The relationships with entries waiting, so that master data looks in the store only when one does. */
  private final Set<String> awaited = new HashSet<>();

  AwaitingMasterData(TimestampedKeyValueStore<String, LedgerEntry> store, Duration wait) {
    this.store = store;
    this.wait = wait;
    try (KeyValueIterator<String, ValueAndTimestamp<LedgerEntry>> all = store.all()) {
      all.forEachRemaining(kv -> awaited.add(LedgerKeys.relationshipOf(kv.key)));
    }
  }

  static StoreBuilder<TimestampedKeyValueStore<String, LedgerEntry>> storeBuilder(Serde<LedgerEntry> entrySerde) {
    return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(STORE), Serdes.String(),
        entrySerde);
  }

  void hold(String relationshipId, LedgerEntry entry, long now) {
    store.put(LedgerKeys.of(relationshipId, entry.getEventId()), ValueAndTimestamp.make(entry, now));
    awaited.add(relationshipId);
  }

  /** The relationship's waiting entries, now that its master data has come; they wait no more. */
  List<LedgerEntry> release(String relationshipId) {
    if (!awaited.remove(relationshipId)) {
      return List.of();
    }
    List<KeyValue<String, LedgerEntry>> found = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<LedgerEntry>> entries =
             store.prefixScan(LedgerKeys.prefix(relationshipId), new StringSerializer())) {
      entries.forEachRemaining(kv -> found.add(KeyValue.pair(kv.key, kv.value.value())));
    }
    found.forEach(kv -> store.delete(kv.key));
    return found.stream().map(kv -> kv.value).toList();
  }

  /** The entries that waited their time in vain, keyed by relationship id; they wait no more. */
  List<KeyValue<String, LedgerEntry>> givenUp(long now) {
    if (awaited.isEmpty()) {
      return List.of();
    }
    List<KeyValue<String, LedgerEntry>> expired = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<LedgerEntry>> all = store.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.timestamp() + wait.toMillis() <= now) {
          expired.add(KeyValue.pair(kv.key, kv.value.value()));
        }
      });
    }
    expired.forEach(kv -> store.delete(kv.key));
    awaited.clear();
    try (KeyValueIterator<String, ValueAndTimestamp<LedgerEntry>> all = store.all()) {
      all.forEachRemaining(kv -> awaited.add(LedgerKeys.relationshipOf(kv.key)));
    }
    return expired.stream().map(kv -> KeyValue.pair(LedgerKeys.relationshipOf(kv.key), kv.value)).toList();
  }
}
