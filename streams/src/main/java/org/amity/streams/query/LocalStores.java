package org.amity.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.DaysSince;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerKeys;
import org.amity.streams.ledger.LiveHistory;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.model.Vitality;
import org.amity.streams.model.VitalityModel;
import org.amity.streams.settings.StreamsSettings;
import org.amity.streams.vitality.LedgerProcessor;
import org.amity.streams.vitality.Records;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** What this instance's own stores answer. */
final class LocalStores {
  private final KafkaStreams streams;
  private final VitalityModel model;

  LocalStores(KafkaStreams streams, StreamsSettings settings) {
    this.streams = streams;
    this.model = new VitalityModel(settings.model());
  }

  /** The relationship's last vitality, its day counts as of {@code now}. */
  Optional<RelationshipVitality> vitality(String relationshipId, Instant now) {
    return Optional.ofNullable(store(LedgerProcessor.VITALITY_STORE, RelationshipVitality.class).get(relationshipId))
        .map(v -> DaysSince.asOf(v, now));
  }

  /**
   * Every relationship this instance holds, filtered by band and office when given, their day counts as of
   * {@code now}.
   */
  List<RelationshipVitality> vitalities(String band, String office, Instant now) {
    List<RelationshipVitality> found = new ArrayList<>();
    try (KeyValueIterator<String, RelationshipVitality> all =
             store(LedgerProcessor.VITALITY_STORE, RelationshipVitality.class).all()) {
      all.forEachRemaining(kv -> {
        RelationshipVitality v = kv.value;
        if ((band == null || v.getBand().name().equalsIgnoreCase(band))
            && (office == null || v.getOfficeId().equals(office))) {
          found.add(DaysSince.asOf(v, now));
        }
      });
    }
    return found;
  }

  /**
   * The relationship's vitality at the end of every {@code stepDays} over the {@code days} up to {@code until}, from
   * its ledger as it stands now (so a late or retracted event corrects the past too), oldest first; empty when
   * unknown here.
   */
  Optional<List<HistoryPoint>> history(String relationshipId, int days, int stepDays, Instant until) {
    RelationshipState state = store(LedgerProcessor.STATE_STORE, RelationshipState.class).get(relationshipId);
    if (state == null || state.getRelationship() == null) {
      return Optional.empty();
    }
    List<LedgerEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, LedgerEntry> scan = store(LedgerProcessor.LEDGER_STORE, LedgerEntry.class)
        .prefixScan(LedgerKeys.prefix(relationshipId), Serdes.String().serializer())) {
      scan.forEachRemaining(kv -> entries.add(kv.value));
    }
    LiveHistory live = LiveHistory.of(entries);
    LocalDate establishedOn = state.getRelationship().getEstablishedOn();
    List<HistoryPoint> points = new ArrayList<>();
    for (int back = days - days % stepDays; back >= 0; back -= stepDays) {
      Instant at = until.minus(Duration.ofDays(back));
      Vitality v = model.score(live.exchanges(), at, establishedOn);
      points.add(new HistoryPoint(at, v.score(), Records.band(v.band()).name()));
    }
    return Optional.of(points);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, Class<V> type) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  /** One point of a relationship's vitality history. */
  record HistoryPoint(Instant at, int score, String band) {}
}
