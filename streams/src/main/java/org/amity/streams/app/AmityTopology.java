package org.amity.streams.app;

import java.time.Duration;
import java.util.Map;
import org.amity.aggregates.Alert;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.streams.ledger.FanOut;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerInput;
import org.amity.streams.ledger.MasterDataFirst;
import org.amity.streams.ledger.OfficeBoard;
import org.amity.streams.ledger.OfficeContribution;
import org.amity.streams.ledger.OfficeFiguresChange;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.ledger.RoutedEntry;
import org.amity.streams.offices.OfficeBoardProcessor;
import org.amity.streams.offices.OfficeFiguresMath;
import org.amity.streams.vitality.LedgerProcessor;
import org.amity.topics.TopicSpec;
import org.amity.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The streams application, top to bottom as in docs/design.md's picture:
 * <pre>
 * event topics ─▶ fan-out (one entry per relationship named) ─┬─ its own relationship's ───────┐
 *                                                              └─▶ other relationships': by relationship ─┤
 * amity.relationships (master data, keyed by relationship, taken first) ──────────────────────┴▶ ledger ─┬▶ amity.vitality
 *                                                                                            ├▶ amity.activity
 *                                                                                            ├▶ amity.alerts
 *                                                                  office contributions ◀────┘
 *                 ─▶ figures per office ─▶ board of all offices (with amity.offices) ─▶ amity.office-rollups
 * </pre>
 * A record that cannot be read, or an event for an unknown relationship, goes to amity.dead-letter through the
 * exception handlers configured in {@link StreamsProperties}. Events are keyed by their first relationship, so the
 * entry for it is already on its ledger's partition and goes straight there; only the entries of the other
 * relationships a (multilateral) event names go through the by-relationship repartition topic. The ledger reads the
 * event topics, the repartitioned entries and the master data side by side, so all must have the same number of
 * partitions: the catalog gives every topic keyed by relationship the same count, the repartition topic takes the
 * event topics' count, and the application refuses to start on topics that differ.
 */
public final class AmityTopology {
  /** Current vitality per relationship, for interactive queries. */
  public static final String VITALITY_STORE = LedgerProcessor.VITALITY_STORE;
  public static final String OFFICES_STORE = "offices";
  public static final String OFFICE_FIGURES_STORE = "office-figures";

  private AmityTopology() {}

  /**
   * @param serdeConfig the registry settings of every Avro serde ({@code schema.registry.url}...)
   */
  public static Topology build(StreamsSettings settings, Map<String, ?> serdeConfig) {
    AmitySerdes serdes = new AmitySerdes(serdeConfig);
    StreamsBuilder builder = new StreamsBuilder();

    Map<String, KStream<String, RoutedEntry>> entries = builder
        .stream(Topics.EVENTS.stream().map(TopicSpec::name).toList(),
            Consumed.with(Serdes.String(), serdes.<SpecificRecord>values()).withName("events"))
        .process(() -> new FanOut(settings.model(), Duration.ofDays(settings.futureHorizonDays())), Named.as("fan-out"))
        .split(Named.as("entries-"))
        .branch((id, entry) -> entry.onThisPartition(), Branched.as("here"))
        .defaultBranch(Branched.as("elsewhere"));
    KStream<String, LedgerInput> entriesHere = entries.get("entries-here")
        .mapValues(RoutedEntry::input, Named.as("entry-here"));
    KStream<String, LedgerInput> entriesMoved = entries.get("entries-elsewhere")
        .mapValues(RoutedEntry::input, Named.as("entry-elsewhere"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.of(LedgerInput.class)).withName("by-relationship"));
    KStream<String, LedgerInput> masterData = builder
        .stream(Topics.RELATIONSHIPS.name(),
            Consumed.with(Serdes.String(), serdes.of(Relationship.class)).withName("relationships")
                .withTimestampExtractor(new MasterDataFirst()))
        .filter((id, relationship) -> relationship != null, Named.as("skip-deleted-relationships"))
        .mapValues(LedgerInput::new, Named.as("master-data-as-input"));
    builder.globalTable(Topics.OFFICES.name(), Consumed.with(Serdes.String(), serdes.of(Office.class))
            .withName("offices"),
        Materialized.<String, Office, KeyValueStore<Bytes, byte[]>>as(OFFICES_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(serdes.of(Office.class)));

    KStream<String, SpecificRecord> published = entriesHere
        .merge(entriesMoved, Named.as("entries"))
        .merge(masterData, Named.as("ledger-input"))
        .process(LedgerProcessor.supplier(settings, serdes.of(LedgerEntry.class), serdes.of(RelationshipState.class),
            serdes.of(RelationshipVitality.class)), Named.as("ledger"));

    Map<String, KStream<String, SpecificRecord>> outputs = published.split(Named.as("publish-"))
        .branch((id, record) -> record instanceof RelationshipVitality, Branched.as("vitality"))
        .branch((id, record) -> record instanceof RelationshipActivity, Branched.as("activity"))
        .branch((id, record) -> record instanceof Alert, Branched.as("alerts"))
        .branch((id, record) -> record instanceof OfficeContribution, Branched.as("contributions"))
        .noDefaultBranch();

    typed(outputs.get("publish-vitality"), RelationshipVitality.class)
        .to(Topics.VITALITY.name(), Produced.with(Serdes.String(), serdes.of(RelationshipVitality.class)));
    typed(outputs.get("publish-activity"), RelationshipActivity.class)
        .to(Topics.ACTIVITY.name(), Produced.with(Serdes.String(), serdes.of(RelationshipActivity.class)));
    typed(outputs.get("publish-alerts"), Alert.class)
        .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), serdes.of(Alert.class)));

    typed(outputs.get("publish-contributions"), OfficeContribution.class)
        .toTable(Named.as("contributions-table"),
            Materialized.<String, OfficeContribution, KeyValueStore<Bytes, byte[]>>as("office-contributions")
                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(OfficeContribution.class)))
        .groupBy((id, contribution) -> KeyValue.pair(contribution.getOfficeId(), contribution),
            Grouped.with("by-office", Serdes.String(), serdes.of(OfficeContribution.class)))
        .aggregate(OfficeFiguresMath::empty,
            (office, contribution, figures) -> OfficeFiguresMath.add(contribution, figures),
            (office, contribution, figures) -> OfficeFiguresMath.subtract(contribution, figures),
            Named.as("office-figures"),
            Materialized.<String, OfficeFigures, KeyValueStore<Bytes, byte[]>>as(OFFICE_FIGURES_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(OfficeFigures.class)))
        .toStream(Named.as("office-figures-changes"))
        .map((office, figures) -> KeyValue.pair(OfficeBoardProcessor.BOARD_KEY, new OfficeFiguresChange(office, figures)),
            Named.as("to-the-board"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.of(OfficeFiguresChange.class))
            .withName("office-board").withNumberOfPartitions(1))
        .process(OfficeBoardProcessor.supplier(settings.emitInterval(), OFFICES_STORE, serdes.of(OfficeBoard.class)),
            Named.as("office-board"))
        .to(Topics.OFFICE_ROLLUPS.name(), Produced.with(Serdes.String(), serdes.of(OfficeRollup.class)));

    return builder.build();
  }

  private static <T> KStream<String, T> typed(KStream<String, SpecificRecord> stream, Class<T> type) {
    return stream.mapValues(type::cast, Named.as("as-" + type.getSimpleName()));
  }
}
