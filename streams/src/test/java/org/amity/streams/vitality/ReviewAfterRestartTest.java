package org.amity.streams.vitality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.aggregates.RelationshipVitality;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.app.AmitySerdes;
import org.amity.streams.app.TopologyFixture;
import org.amity.streams.ledger.Entries;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerInput;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.model.TestEvents;
import org.amity.streams.query.MetricsText;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A restarted task keeps each relationship's review moment from its state: its first review re-scores only the
 * relationships due, unless the settings the moments were worked out with have changed.
 */
class ReviewAfterRestartTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final int RELATIONSHIPS = 10;
  private final KeyValueStore<String, LedgerEntry> ledger = store(LedgerProcessor.LEDGER_STORE, avro());
  private final KeyValueStore<String, RelationshipState> states = store(LedgerProcessor.STATE_STORE, avro());
  private final KeyValueStore<String, Long> pending = store(LedgerProcessor.PENDING_STORE, Serdes.Long());
  private final KeyValueStore<String, RelationshipVitality> vitality = store(LedgerProcessor.VITALITY_STORE, avro());
  private final TimestampedKeyValueStore<String, LedgerEntry> awaiting = awaitingStore();

  @Test
  void aRestartedTaskReviewsOnlyTheRelationshipsDue() {
    StreamsSettings settings = StreamsSettings.defaults();
    startWithHistory(settings);
    assertThat(states.get("shanghai/partner-0").getReviewDueAt()).isGreaterThan(NOW.toEpochMilli());

    Task restarted = start(settings);
    restarted.emit(NOW.plusSeconds(60));

    assertThat(restarted.gauge("amity_streams_review_pass_checked")).isEqualTo(RELATIONSHIPS);
    assertThat(restarted.gauge("amity_streams_review_pass_relationships")).isZero();
  }

  @Test
  void underOtherSettingsEveryRelationshipIsDueAtTheFirstReview() {
    StreamsSettings d = StreamsSettings.defaults();
    startWithHistory(d);

    StreamsSettings otherNotice = new StreamsSettings(d.applicationId(), d.model(), d.emitInterval(),
        d.reviewInterval(), d.ledgerRetentionDays(), d.anniversaryEveryYears(), 60, d.agreementNoticeDays(),
        d.alertLookbackDays(), d.futureHorizonDays(), d.punctuationBudget(), d.masterDataWait());
    Task restarted = start(otherNotice);
    restarted.emit(NOW.plusSeconds(60));

    assertThat(restarted.gauge("amity_streams_review_pass_relationships")).isEqualTo(RELATIONSHIPS);
  }

  /** A task that records a visit for each relationship and publishes them. */
  private void startWithHistory(StreamsSettings settings) {
    Task first = start(settings);
    for (int i = 0; i < RELATIONSHIPS; i++) {
      String id = "shanghai/partner-" + i;
      first.send(id, new LedgerInput(TopologyFixture.relationship(id, LocalDate.of(2001, 4, 1))));
      first.send(id, visit(id, NOW.minus(Duration.ofDays(10 + i))));
    }
    first.emit(NOW);
    // the 25th anniversary is within notice: its reminder waits until the input has settled
    first.emit(NOW.plus(InputSettling.SETTLE));
  }

  private static LedgerInput visit(String relationshipId, Instant when) {
    SpecificRecord event = TestEvents.delegation(TestEvents.envelope("visit-" + relationshipId, when, relationshipId,
        Domain.CULTURE), Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL);
    return Entries.of(event, 0L, StreamsSettings.defaults().model(), "test").get(0).value;
  }

  /** The ledger processor of one task, on the test's stores. */
  private Task start(StreamsSettings settings) {
    ProcessorSupplier<String, LedgerInput, String, SpecificRecord> supplier =
        LedgerProcessor.supplier(settings, avro(), avro(), avro());
    MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(NOW.toEpochMilli());
    context.addStateStore(ledger);
    context.addStateStore(states);
    context.addStateStore(pending);
    context.addStateStore(vitality);
    context.addStateStore(awaiting);
    Processor<String, LedgerInput, String, SpecificRecord> processor = supplier.get();
    processor.init(context);
    return new Task(processor, context);
  }

  private record Task(Processor<String, LedgerInput, String, SpecificRecord> processor,
      MockProcessorContext<String, SpecificRecord> context) {

    void send(String relationshipId, LedgerInput input) {
      processor.process(new Record<>(relationshipId, input, NOW.toEpochMilli()));
    }

    /** Runs the emit punctuation: pending relationships are published, and the first review starts. */
    void emit(Instant at) {
      context.scheduledPunctuators().get(0).getPunctuator().punctuate(at.toEpochMilli());
    }

    double gauge(String name) {
      String text = MetricsText.of(context.metrics().metrics());
      Matcher value = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
      assertThat(value.find()).as(name).isTrue();
      return Double.parseDouble(value.group(1));
    }
  }

  /** An Avro serde with a registry of its own: the mock context names every store's changelog topic alike. */
  private static <V extends SpecificRecord> Serde<V> avro() {
    return new AmitySerdes(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID())).values();
  }

  private static TimestampedKeyValueStore<String, LedgerEntry> awaitingStore() {
    TimestampedKeyValueStore<String, LedgerEntry> store = Stores.timestampedKeyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(AwaitingMasterData.STORE), Serdes.String(), ReviewAfterRestartTest.<LedgerEntry>avro())
        .withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }

  private static <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
        values).withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }
}
