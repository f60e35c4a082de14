package org.amity.streams.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.OfficeFigures;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.contract.Topics;
import org.amity.followups.FollowUpStep;
import org.amity.json.RecordJson;
import org.amity.partners.Office;
import org.amity.partners.Relationship;
import org.amity.streams.ledger.ArrivedEvent;
import org.amity.streams.ledger.FanOut;
import org.amity.streams.ledger.FollowUpStepIn;
import org.amity.streams.ledger.LedgerEntry;
import org.amity.streams.ledger.LedgerInput;
import org.amity.streams.ledger.MasterDataFirst;
import org.amity.streams.ledger.MasterDataIn;
import org.amity.streams.ledger.OfficeBoard;
import org.amity.streams.ledger.OfficeContribution;
import org.amity.streams.ledger.OfficeFiguresChange;
import org.amity.streams.ledger.OfficeYieldBoard;
import org.amity.streams.ledger.OfficeYields;
import org.amity.streams.ledger.OfficeYieldsChange;
import org.amity.streams.ledger.Placement;
import org.amity.streams.ledger.RelationshipState;
import org.amity.streams.ledger.RoutedEntry;
import org.amity.streams.ledger.YieldContribution;
import org.amity.streams.offices.OfficeBoardProcessor;
import org.amity.streams.offices.OfficeFiguresMath;
import org.amity.streams.offices.OfficeYieldBoardProcessor;
import org.amity.streams.offices.OfficeYieldMath;
import org.amity.streams.settings.StreamsSettings;
import org.amity.streams.vitality.LedgerProcessor;
import org.amity.topics.TopicSpec;
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
 * event topics ─▶ fan-out (one entry per relationship named) ─────┐
 * amity.relationships (master data, taken first) ─▶ as input ─────┤
 * amity.follow-up-steps ─▶ as input ──────────────────────────────┴┬─ on its ledger's partition ──────┐
 *                                                                  └─▶ elsewhere: by relationship ─────┴▶ ledger ─┬▶ amity.vitality
 *                                                                                                                 ├▶ amity.activity
 *                                                                                                                 ├▶ amity.yields
 *                                                                                                                 ├▶ amity.alerts
 *                                                                                                                 ├▶ amity.follow-ups (by alert)
 *                                                                                       office contributions ◀────┘
 *                 ─▶ figures per office ─▶ board of all offices (with amity.offices) ─▶ amity.office-rollups
 * amity.yields' events counted by each office ─▶ yield per office ─▶ board of all offices ─▶ amity.office-yields
 * </pre>
 * A record that cannot be read or breaks the contract goes to amity.dead-letter through the exception handlers
 * configured in {@link StreamsProperties}; an entry whose relationship's master data never came, from the ledger
 * itself (as JSON, with the same headers). A relationship's ledger is on the partition
 * {@link Placement} gives its id, where Amity's own clients put its master data and the events keyed by it: those go
 * straight to it. Whatever was read elsewhere (the other relationships a multilateral event names, records from a
 * client with another partitioner or written to a chosen partition) goes through the by-relationship repartition
 * topic. The ledger reads the event topics, the repartitioned entries and the master data side by side, so all must
 * have the same number of partitions: the catalog gives every topic keyed by relationship the same count, the
 * repartition topic takes the event topics' count, and the application refuses to start on topics that differ.
 */
public final class AmityTopology {
  /** Current vitality per relationship, for interactive queries. */
  public static final String OFFICE_FIGURES_STORE = "office-figures";

  private AmityTopology() {}

  /**
   * @param serdeConfig the registry settings of every Avro serde ({@code schema.registry.url}...)
   * @param placement the partitions of the topics keyed by relationship, where each relationship's ledger is
   */
  public static Topology build(StreamsSettings settings, Map<String, ?> serdeConfig, Placement placement) {
    AmitySerdes serdes = new AmitySerdes(serdeConfig);
    StreamsBuilder builder = new StreamsBuilder();

    KStream<String, RoutedEntry> eventEntries = builder
        .stream(Topics.EVENTS.stream().map(TopicSpec::name).toList(),
            Consumed.with(Serdes.String(), ArrivedEvent.serde(serdes.values())).withName("events"))
        .process(() -> new FanOut(settings.model(), Duration.ofDays(settings.futureHorizonDays()), placement),
            Named.as("fan-out"));
    KStream<String, RoutedEntry> masterData = builder
        .stream(Topics.RELATIONSHIPS.name(),
            Consumed.with(Serdes.String(), serdes.of(Relationship.class)).withName("relationships")
                .withTimestampExtractor(new MasterDataFirst()))
        .process(() -> new MasterDataIn(placement), Named.as("master-data-as-input"));
    KStream<String, RoutedEntry> followUpSteps = builder
        .stream(Topics.FOLLOW_UP_STEPS.name(),
            Consumed.with(Serdes.String(), serdes.of(FollowUpStep.class)).withName("follow-up-steps"))
        .process(() -> new FollowUpStepIn(placement), Named.as("follow-up-steps-as-input"));
    Map<String, KStream<String, RoutedEntry>> entries = eventEntries
        .merge(masterData, Named.as("master-data-and-entries"))
        .merge(followUpSteps, Named.as("and-follow-up-steps"))
        .split(Named.as("entries-"))
        .branch((id, entry) -> entry.onThisPartition(), Branched.as("here"))
        .defaultBranch(Branched.as("elsewhere"));
    KStream<String, LedgerInput> inputsHere = entries.get("entries-here")
        .mapValues(RoutedEntry::input, Named.as("entry-here"));
    KStream<String, LedgerInput> inputsMoved = entries.get("entries-elsewhere")
        .mapValues(RoutedEntry::input, Named.as("entry-elsewhere"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.of(LedgerInput.class)).withName("by-relationship"));
    builder.globalTable(Topics.OFFICES.name(), Consumed.with(Serdes.String(), serdes.of(Office.class))
            .withName("offices"),
        Materialized.<String, Office, KeyValueStore<Bytes, byte[]>>as(OfficeBoardProcessor.OFFICES_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(serdes.of(Office.class)));

    KStream<String, SpecificRecord> published = inputsHere
        .merge(inputsMoved, Named.as("ledger-input"))
        .process(LedgerProcessor.supplier(settings, serdes.of(LedgerEntry.class), serdes.of(RelationshipState.class),
            serdes.of(RelationshipVitality.class)), Named.as("ledger"));

    Map<String, KStream<String, SpecificRecord>> outputs = published.split(Named.as("publish-"))
        .branch((id, record) -> record instanceof RelationshipVitality, Branched.as("vitality"))
        .branch((id, record) -> record instanceof RelationshipActivity, Branched.as("activity"))
        .branch((id, record) -> record instanceof Alert, Branched.as("alerts"))
        .branch((id, record) -> record instanceof RelationshipYield, Branched.as("yields"))
        .branch((id, record) -> record instanceof FollowUp, Branched.as("follow-ups"))
        .branch((id, record) -> record instanceof OfficeContribution, Branched.as("contributions"))
        .branch((id, record) -> record instanceof LedgerEntry, Branched.as("dead-letters"))
        .noDefaultBranch();

    typed(outputs.get("publish-vitality"), RelationshipVitality.class)
        .to(Topics.VITALITY.name(), Produced.with(Serdes.String(), serdes.of(RelationshipVitality.class)));
    typed(outputs.get("publish-activity"), RelationshipActivity.class)
        .to(Topics.ACTIVITY.name(), Produced.with(Serdes.String(), serdes.of(RelationshipActivity.class)));
    typed(outputs.get("publish-alerts"), Alert.class)
        .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), serdes.of(Alert.class)));
    KStream<String, RelationshipYield> yields = typed(outputs.get("publish-yields"), RelationshipYield.class);
    yields.to(Topics.YIELDS.name(), Produced.with(Serdes.String(), serdes.of(RelationshipYield.class)));
    typed(outputs.get("publish-follow-ups"), FollowUp.class)
        .selectKey((id, followUp) -> followUp.getAlertId(), Named.as("by-alert"))
        .to(Topics.FOLLOW_UPS.name(), Produced.with(Serdes.String(), serdes.of(FollowUp.class)));
    outputs.get("publish-dead-letters")
        .mapValues(entry -> RecordJson.write(entry).toString().getBytes(StandardCharsets.UTF_8),
            Named.as("dead-letter-as-json"))
        .to(Topics.DEAD_LETTER.name(), Produced.with(Serdes.String(), Serdes.ByteArray()));

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
        .process(OfficeBoardProcessor.supplier(settings.emitInterval(), OfficeBoardProcessor.OFFICES_STORE, serdes.of(OfficeBoard.class)),
            Named.as("office-board"))
        .to(Topics.OFFICE_ROLLUPS.name(), Produced.with(Serdes.String(), serdes.of(OfficeRollup.class)));

    yields
        .mapValues(OfficeYieldMath::contribution, Named.as("yield-contributions"))
        .toTable(Named.as("yield-contributions-table"),
            Materialized.<String, YieldContribution, KeyValueStore<Bytes, byte[]>>as("yield-contributions")
                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(YieldContribution.class)))
        .groupBy((id, contribution) -> KeyValue.pair(contribution.getOfficeId(), contribution),
            Grouped.with("yields-by-office", Serdes.String(), serdes.of(YieldContribution.class)))
        .aggregate(OfficeYieldMath::empty,
            (office, contribution, own) -> OfficeYieldMath.add(contribution, own),
            (office, contribution, own) -> OfficeYieldMath.subtract(contribution, own),
            Named.as("office-yields"),
            Materialized.<String, OfficeYields, KeyValueStore<Bytes, byte[]>>as("office-yields")
                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(OfficeYields.class)))
        .toStream(Named.as("office-yields-changes"))
        .map((office, own) -> KeyValue.pair(OfficeYieldBoardProcessor.BOARD_KEY, new OfficeYieldsChange(office, own)),
            Named.as("to-the-yield-board"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.of(OfficeYieldsChange.class))
            .withName("office-yield-board").withNumberOfPartitions(1))
        .process(OfficeYieldBoardProcessor.supplier(settings.emitInterval(), OfficeBoardProcessor.OFFICES_STORE,
            serdes.of(OfficeYieldBoard.class)), Named.as("office-yield-board"))
        .to(Topics.OFFICE_YIELDS.name(), Produced.with(Serdes.String(), serdes.of(OfficeYield.class)));

    return builder.build();
  }

  private static <T> KStream<String, T> typed(KStream<String, SpecificRecord> stream, Class<T> type) {
    return stream.mapValues(type::cast, Named.as("as-" + type.getSimpleName()));
  }
}
