package org.amity.streams.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.amity.aggregates.Alert;
import org.amity.aggregates.FollowUp;
import org.amity.aggregates.OfficeRollup;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.aggregates.RelationshipYield;
import org.amity.contract.Topics;
import org.amity.followups.FollowUpStep;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.serde.AvroSerdeConfig;
import org.amity.streams.ledger.Placement;
import org.amity.streams.model.Events;
import org.amity.streams.settings.StreamsSettings;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology on a TopologyTestDriver, with a mock registry and a controllable wall clock: feed master data
 * and events, advance the clock, read what was published.
 */
public final class TopologyFixture implements AutoCloseable {
  public static final Duration EMIT = Duration.ofSeconds(1);
  public static final Duration REVIEW = Duration.ofHours(1);
  /**
   * The driver reads every record from partition 0 of its topic; with three partitions, two relationships in three
   * have their ledger elsewhere, so their master data and events take the by-relationship repartition topic.
   */
  public static final Placement PLACEMENT = new Placement(3);

  private final TopologyTestDriver driver;
  private final AmitySerdes serdes;
  private final Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
  private final TestOutputTopic<String, RelationshipVitality> vitality;
  private final TestOutputTopic<String, RelationshipActivity> activity;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<String, OfficeRollup> rollups;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<String, FollowUp> followUps;
  private final TestOutputTopic<String, RelationshipYield> yields;
  private final TestOutputTopic<String, OfficeYield> officeYields;
  private final Map<String, OfficeYield> latestOfficeYields = new LinkedHashMap<>();
  private final Map<String, List<RelationshipYield>> yieldLog = new LinkedHashMap<>();
  private final Map<String, FollowUp> latestFollowUps = new LinkedHashMap<>();
  private final Map<String, RelationshipVitality> latestVitality = new LinkedHashMap<>();
  private final Map<String, RelationshipActivity> latestActivity = new LinkedHashMap<>();
  private final Map<String, OfficeRollup> latestRollups = new LinkedHashMap<>();
  private final List<Alert> alertLog = new ArrayList<>();
  private final List<TestRecord<byte[], byte[]>> deadLetterLog = new ArrayList<>();
  private final Map<String, List<RelationshipVitality>> vitalityHistory = new HashMap<>();
  private final Path stateDir;
  private Instant clock;
  private final Duration masterDataWait;

  public TopologyFixture(Instant wallClock) {
    this(wallClock, StreamsSettings.defaults().withIntervals(EMIT, REVIEW));
  }

  public TopologyFixture(Instant wallClock, StreamsSettings settings) {
    this(wallClock, settings, Map.of());
  }

  /**
   * @param kafkaOverrides Kafka properties that replace the application's own, e.g. the processing guarantee (the
   *     driver loses what a deserialization handler sends to the dead letters under exactly-once: it clears the mock
   *     producer's uncommitted sends before committing them)
   */
  public TopologyFixture(Instant wallClock, StreamsSettings settings, Map<String, ?> kafkaOverrides) {
    Map<String, String> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID());
    Properties properties = StreamsProperties.of(settings, serdeConfig);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.putAll(kafkaOverrides);
    stateDir = Path.of(System.getProperty("java.io.tmpdir"), "amity-ttd-" + UUID.randomUUID());
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    clock = wallClock;
    driver = new TopologyTestDriver(AmityTopology.build(settings, serdeConfig, PLACEMENT), properties, wallClock);
    masterDataWait = settings.masterDataWait();
    serdes = new AmitySerdes(serdeConfig);
    for (TopicSpec topic : Topics.ALL) {
      inputs.put(topic.name(), driver.createInputTopic(topic.name(), Serdes.String().serializer(),
          serdes.<SpecificRecord>values().serializer()));
    }
    vitality = driver.createOutputTopic(Topics.VITALITY.name(), Serdes.String().deserializer(),
        serdes.of(RelationshipVitality.class).deserializer());
    activity = driver.createOutputTopic(Topics.ACTIVITY.name(), Serdes.String().deserializer(),
        serdes.of(RelationshipActivity.class).deserializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
        serdes.of(Alert.class).deserializer());
    rollups = driver.createOutputTopic(Topics.OFFICE_ROLLUPS.name(), Serdes.String().deserializer(),
        serdes.of(OfficeRollup.class).deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER.name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
    followUps = driver.createOutputTopic(Topics.FOLLOW_UPS.name(), Serdes.String().deserializer(),
        serdes.of(FollowUp.class).deserializer());
    yields = driver.createOutputTopic(Topics.YIELDS.name(), Serdes.String().deserializer(),
        serdes.of(RelationshipYield.class).deserializer());
    officeYields = driver.createOutputTopic(Topics.OFFICE_YIELDS.name(), Serdes.String().deserializer(),
        serdes.of(OfficeYield.class).deserializer());
  }

  public static Relationship relationship(String relationshipId, LocalDate establishedOn) {
    String[] parts = relationshipId.split("/");
    return Relationship.newBuilder()
        .setRelationshipId(relationshipId)
        .setOfficeId(parts[0])
        .setPartnerId(parts[1])
        .setPartnerNameEn(parts[1].substring(3))
        .setCountry(parts[1].substring(0, 2).toUpperCase())
        .setKind(RelationshipKind.SISTER_CITY)
        .setPartnerLevel(PartnerLevel.CITY)
        .setEstablishedOn(establishedOn)
        .setStatus(RelationshipStatus.FORMAL)
        .setResponsibleOfficer("officer@example.org")
        .setUpdatedAt(Instant.parse("2020-01-01T00:00:00Z"))
        .build();
  }

  public static Office office(String officeId, String parentOfficeId) {
    return Office.newBuilder().setOfficeId(officeId).setNameEn(officeId + " office")
        .setLevel(parentOfficeId == null ? OfficeLevel.CITY : OfficeLevel.DISTRICT).setParentOfficeId(parentOfficeId).build();
  }

  public TopologyFixture add(Relationship relationship) {
    inputs.get(Topics.RELATIONSHIPS.name()).pipeInput(relationship.getRelationshipId(), relationship, now());
    return this;
  }

  public TopologyFixture add(Office office) {
    inputs.get(Topics.OFFICES.name()).pipeInput(office.getOfficeId(), office, now());
    return this;
  }

  /** Sends an event to its topic, keyed like the publisher does: by the first relationship it names. */
  public TopologyFixture send(SpecificRecord event) {
    String topic = Topics.forEventType(event.getClass()).orElseThrow().name();
    inputs.get(topic).pipeInput(Events.envelopeOf(event).getRelationshipIds().get(0), event, now());
    return this;
  }

  /** Sends an event as {@link #send(SpecificRecord)} does, as if written at {@code writtenAt} (its record's timestamp). */
  public TopologyFixture send(SpecificRecord event, Instant writtenAt) {
    String topic = Topics.forEventType(event.getClass()).orElseThrow().name();
    inputs.get(topic).pipeInput(Events.envelopeOf(event).getRelationshipIds().get(0), event, writtenAt);
    return this;
  }

  /** Sends a follow-up step, keyed by its relationship as the dashboard does. */
  public TopologyFixture step(FollowUpStep step) {
    return sendTo(Topics.FOLLOW_UP_STEPS.name(), step.getRelationshipId(), step);
  }

  /** Sends a record (or a tombstone: null) to a topic with the key given, as a careless producer might. */
  public TopologyFixture sendTo(String topic, String key, SpecificRecord value) {
    inputs.get(topic).pipeInput(key, value, now());
    return this;
  }

  /** Sends raw bytes to a topic, as a broken producer might. */
  public TopologyFixture sendBytes(String topic, String key, byte[] value) {
    driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.ByteArray().serializer())
        .pipeInput(key, value, now());
    return this;
  }

  /** Moves the wall clock on; due punctuations run. */
  public TopologyFixture advance(Duration duration) {
    clock = clock.plus(duration);
    driver.advanceWallClockTime(duration);
    collect();
    return this;
  }

  /** Lets the emit punctuation publish what is pending. */
  public TopologyFixture publish() {
    return advance(EMIT);
  }

  /** Lets events for relationships without master data wait for it in vain, and go to the dead letters. */
  public TopologyFixture waitForMasterDataInVain() {
    return advance(masterDataWait).publish();
  }

  /** Moves the wall clock a day at a time (so the hourly review runs at least daily), {@code days} times. */
  public TopologyFixture advanceDays(int days) {
    for (int day = 0; day < days; day++) {
      advance(Duration.ofDays(1));
    }
    return this;
  }

  /** The driver's wall clock. */
  public Instant now() {
    return clock;
  }

  public RelationshipVitality vitality(String relationshipId) {
    collect();
    return latestVitality.get(relationshipId);
  }

  public RelationshipActivity activity(String relationshipId) {
    collect();
    return latestActivity.get(relationshipId);
  }

  public Map<String, OfficeRollup> rollups() {
    collect();
    return latestRollups;
  }

  public List<Alert> alerts() {
    collect();
    return alertLog;
  }

  /** Each alert's follow-up as last published, by alertId. */
  public Map<String, FollowUp> followUps() {
    collect();
    return latestFollowUps;
  }

  /** Every yield published for one relationship, oldest first. */
  public List<RelationshipYield> yieldLog(String relationshipId) {
    collect();
    return yieldLog.getOrDefault(relationshipId, List.of());
  }

  /** Each office's yield per year as last published, by "officeId/year" (a tombstone removes it). */
  public Map<String, OfficeYield> officeYields() {
    collect();
    return latestOfficeYields;
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    collect();
    return deadLetterLog;
  }

  /** Every vitality record published so far for one relationship, oldest first. */
  public List<RelationshipVitality> vitalityLog(String relationshipId) {
    collect();
    return vitalityHistory.getOrDefault(relationshipId, List.of());
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  public static String header(Headers headers, String name) {
    return headers.lastHeader(name) == null ? null
        : new String(headers.lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private void collect() {
    vitality.readRecordsToList().forEach(r -> {
      latestVitality.put(r.key(), r.value());
      vitalityHistory.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
    });
    activity.readRecordsToList().forEach(r -> latestActivity.put(r.key(), r.value()));
    rollups.readRecordsToList().forEach(r -> latestRollups.put(r.key(), r.value()));
    alerts.readRecordsToList().forEach(r -> alertLog.add(r.value()));
    deadLetterLog.addAll(deadLetters.readRecordsToList());
    followUps.readRecordsToList().forEach(r -> latestFollowUps.put(r.key(), r.value()));
    yields.readRecordsToList().forEach(r -> yieldLog.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
    officeYields.readRecordsToList().forEach(r -> {
      if (r.value() == null) {
        latestOfficeYields.remove(r.key());
      } else {
        latestOfficeYields.put(r.key(), r.value());
      }
    });
  }

  /** Closes the driver and removes its state directory (the driver empties it but leaves it). */
  @Override
  public void close() {
    driver.close();
    try (Stream<Path> paths = Files.walk(stateDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is no failure of the test
    }
  }
}
