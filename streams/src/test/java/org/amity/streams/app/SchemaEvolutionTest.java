package org.amity.streams.app;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.aggregates.RelationshipActivity;
import org.amity.aggregates.RelationshipVitality;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.SchemaRegistryClient;
import org.amity.serde.AvroSerializer;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.model.RelationshipFigures;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producers on a newer and on an older version of DelegationVisited write to the real topic, through the project's
 * serializer and the embedded registry, while the streams application (compiled with the current version) runs. It
 * reads every event with the writer schema it fetches by id, resolved to the current one, and scores each
 * relationship as if every event had been written with the current version: nothing is lost, nothing dead-lettered.
 * A change the compatibility rule forbids is refused when the producer registers it, before anything is written.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class SchemaEvolutionTest {
  private static final String SUBJECT = EventTypes.DELEGATION_VISITED.topic().name() + "-value";
  private static final Schema CURRENT = DelegationVisited.getClassSchema();
  /**
   * A newer DelegationVisited: an optional interpreter count, and a level the current enum lacks, which the current
   * application reads as the enum's default, DEPARTMENT.
   */
  private static final Schema NEWER = newer();
  /** An older DelegationVisited, before leader and endDate were added (both have defaults in the current one). */
  private static final Schema OLDER = older();
  private static final LocalDate ESTABLISHED = LocalDate.now(ZoneOffset.UTC).minusYears(3);

  @TempDir
  Path stateDirs;

  @Test
  void theTestSchemasAreChangesTheRuleAllowsAndReadableBothWays() {
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(NEWER, List.of(CURRENT))).isEmpty();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(CURRENT, List.of(OLDER))).isEmpty();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(NEWER, List.of(OLDER))).isEmpty();
  }

  @Test
  void eventsWrittenWithNewerAndOlderSchemasAreAllCountedAsIfWrittenWithTheCurrentOne() throws Exception {
    String office = "evolve-" + Long.toString(System.nanoTime(), 36);
    Map<Writer, String> relationshipOf = new HashMap<>();
    for (Writer writer : Writer.values()) {
      relationshipOf.put(writer, office + "/xx-" + writer.name().toLowerCase().replace('_', '-'));
    }
    publishRelationships(List.copyOf(relationshipOf.values()));

    AmityStreamsApp app = start("amity-streams-evolve-" + System.nanoTime());
    try {
      app.awaitRunning(Duration.ofSeconds(60));
      // Written while the application runs, the writers interleaved on the one topic.
      Map<String, List<SpecificRecord>> expected = new HashMap<>();
      try (KafkaProducer<String, Object> producer = producer()) {
        List<Visit> story = story();
        for (int i = 0; i < story.size(); i++) {
          for (Writer writer : Writer.values()) {
            String id = relationshipOf.get(writer);
            Writer used = writer == Writer.EACH_IN_TURN ? Writer.values()[i % 3] : writer;
            DelegationVisited visit = story.get(i).of(id);
            expected.computeIfAbsent(id, key -> new ArrayList<>()).add(visit);
            Instant occurredAt = visit.getEnvelope().getOccurredAt();
            producer.send(new ProducerRecord<>(EventTypes.DELEGATION_VISITED.topic().name(), null, occurredAt.toEpochMilli(), id,
                used.write(visit, story.get(i).newerLevel())));
          }
        }
        producer.flush();
      }

      try (SchemaRegistryClient registry = registry()) {
        assertThat(List.of(registry.lookup(SUBJECT, CURRENT).id(), registry.lookup(SUBJECT, NEWER).id(),
            registry.lookup(SUBJECT, OLDER).id()))
            .as("each writer's schema is registered under the topic's subject with an id of its own")
            .doesNotHaveDuplicates();
      }

      Map<String, RelationshipVitality> vitality = new HashMap<>();
      Map<String, RelationshipActivity> activity = new HashMap<>();
      awaitEveryVisitCounted(office, story().size(), vitality, activity);
      for (String id : relationshipOf.values()) {
        RelationshipFigures atVitality = Reference.figures(id, ESTABLISHED, vitality.get(id).getAt(), expected.get(id));
        Reference.assertSameVitality(vitality.get(id), atVitality.vitality());
        RelationshipFigures atActivity = Reference.figures(id, ESTABLISHED, activity.get(id).getAt(), expected.get(id));
        Reference.assertSameActivity(activity.get(id), atActivity.activity());
      }
      assertThat(DeadLetters.of(office)).as("dead-lettered records of this test").isEmpty();
    } finally {
      app.close();
    }
  }

  @Test
  void aChangeTheRuleForbidsIsRefusedWhenTheProducerRegistersIt() {
    try (AvroSerializer<Object> serializer = serializer()) {
      DelegationVisited visit = story().get(0).of("forbidden/xx-partner");
      serializer.serialize(EventTypes.DELEGATION_VISITED.topic().name(), visit);

      Schema headcountAsText = withField(CURRENT, "headcount", Schema.create(Schema.Type.STRING), null);
      GenericRecord asCurrent = asWrittenWith(CURRENT, visit);
      GenericRecord changedType = copy(asCurrent, headcountAsText);
      changedType.put("headcount", "twelve");
      assertThatThrownBy(() -> serializer.serialize(EventTypes.DELEGATION_VISITED.topic().name(), changedType))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining(SUBJECT).hasMessageContaining("incompatible")
          .hasMessageContaining("TYPE_MISMATCH").hasMessageContaining("/fields/3/type");

      Schema requiredOfficer = withField(CURRENT, "protocolOfficer", Schema.create(Schema.Type.STRING), null);
      GenericRecord withOfficer = copy(asCurrent, requiredOfficer);
      withOfficer.put("protocolOfficer", "Ms Li");
      assertThatThrownBy(() -> serializer.serialize(EventTypes.DELEGATION_VISITED.topic().name(), withOfficer))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining(SUBJECT).hasMessageContaining("READER_FIELD_MISSING_DEFAULT")
          .hasMessageContaining("protocolOfficer");
    }
  }

  /** Which schema a producer writes DelegationVisited with; EACH_IN_TURN uses the other three in turn. */
  private enum Writer {
    CURRENT, NEWER, OLDER, EACH_IN_TURN;

    Object write(DelegationVisited visit, String newerLevel) {
      return switch (this) {
        case CURRENT -> visit;
        case NEWER -> {
          GenericRecord record = asWrittenWith(SchemaEvolutionTest.NEWER, visit);
          record.put("interpreters", 2);
          if (newerLevel != null) {
            record.put("level", new GenericData.EnumSymbol(SchemaEvolutionTest.NEWER.getField("level").schema(),
                newerLevel));
          }
          yield record;
        }
        case OLDER -> asWrittenWith(SchemaEvolutionTest.OLDER, visit);
        case EACH_IN_TURN -> throw new IllegalStateException("pick a writer for each event");
      };
    }
  }

  /**
   * One visit of the story every relationship is told, as the current schema has it; {@code newerLevel}: the level a
   * newer producer writes instead, where it has one the current schema lacks.
   */
  private record Visit(String name, int daysAgo, Direction direction, DelegationLevel level, String newerLevel,
      Domain... domains) {
    DelegationVisited of(String relationshipId) {
      Instant occurredAt = Instant.now().minus(Duration.ofDays(daysAgo));
      LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
      return DelegationVisited.newBuilder()
          .setEnvelope(envelope(relationshipId + "." + name, occurredAt, relationshipId, domains))
          .setDirection(direction).setLevel(level).setHeadcount(12).setLeader("Mayor " + name)
          .setStartDate(day).setEndDate(day.plusDays(2))
          .build();
    }
  }

  private static List<Visit> story() {
    return List.of(
        new Visit("mayor-came", 200, Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT, null,
            Domain.GOVERNANCE, Domain.CULTURE),
        new Visit("ministry-went", 120, Direction.OUTBOUND, DelegationLevel.DEPARTMENT, "MINISTERIAL",
            Domain.ECONOMY_AND_TRADE),
        new Visit("officials-came", 60, Direction.INBOUND, DelegationLevel.SENIOR_OFFICIAL, null,
            Domain.EDUCATION_AND_YOUTH),
        new Visit("business-went", 30, Direction.OUTBOUND, DelegationLevel.BUSINESS, null, Domain.PORTS_AND_LOGISTICS),
        new Visit("ministry-came", 10, Direction.INBOUND, DelegationLevel.DEPARTMENT, "MINISTERIAL", Domain.HEALTH),
        new Visit("youth-went", 2, Direction.OUTBOUND, DelegationLevel.YOUTH, null, Domain.EDUCATION_AND_YOUTH));
  }

  /** The event as a producer on {@code writer} sets it: fields it lacks are dropped, fields it adds take defaults. */
  private static GenericRecord asWrittenWith(Schema writer, DelegationVisited visit) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new SpecificDatumWriter<>(DelegationVisited.class).write(visit, encoder);
      encoder.flush();
      return new GenericDatumReader<GenericRecord>(CURRENT, writer)
          .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record of {@code schema} with the values of the fields it shares with {@code from}. */
  private static GenericRecord copy(GenericRecord from, Schema schema) {
    GenericRecord copy = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      if (from.getSchema().getField(field.name()) != null) {
        copy.put(field.name(), from.get(field.name()));
      }
    }
    return copy;
  }

  private static Schema newer() {
    Schema level = CURRENT.getField("level").schema();
    List<String> symbols = new ArrayList<>(level.getEnumSymbols());
    symbols.add("MINISTERIAL");
    Schema newerLevel = Schema.createEnum(level.getName(), level.getDoc(), level.getNamespace(), symbols,
        level.getEnumDefault());
    Schema optionalInt = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT));
    return withField(withField(CURRENT, "level", newerLevel, null), "interpreters", optionalInt,
        Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static Schema older() {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : CURRENT.getFields()) {
      if (!field.name().equals("leader") && !field.name().equals("endDate")) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(CURRENT.getName(), CURRENT.getDoc(), CURRENT.getNamespace(), false, fields);
  }

  /** {@code record} with the field {@code name} replaced by one of type {@code type}, or added at the end. */
  private static Schema withField(Schema record, String name, Schema type, Object defaultValue) {
    List<Schema.Field> fields = new ArrayList<>();
    boolean replaced = false;
    for (Schema.Field field : record.getFields()) {
      if (field.name().equals(name)) {
        fields.add(new Schema.Field(name, type, field.doc(), defaultValue));
        replaced = true;
      } else {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    if (!replaced) {
      fields.add(new Schema.Field(name, type, null, defaultValue));
    }
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  /**
   * Reads amity.vitality and amity.activity until every relationship of the office counts {@code visits} exchanges,
   * at most 60 s, keeping the newest record of each.
   */
  private static void awaitEveryVisitCounted(String office, int visits, Map<String, RelationshipVitality> vitality,
      Map<String, RelationshipActivity> activity) {
    Map<String, Object> config = clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        serde.deserializer())) {
      consumer.assign(partitionsOf(consumer, Topics.VITALITY.name(), Topics.ACTIVITY.name()));
      consumer.seekToBeginning(consumer.assignment());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!allCounted(vitality, activity, visits, Writer.values().length)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not every visit counted within 60 s: " + vitality.values().stream()
              .map(v -> v.getRelationshipId() + "=" + v.getExchanges()).toList());
        }
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key().startsWith(office + "/")) {
            if (record.value() instanceof RelationshipVitality v) {
              vitality.put(record.key(), v);
            } else if (record.value() instanceof RelationshipActivity a) {
              activity.put(record.key(), a);
            }
          }
        }
      }
    }
  }

  private static boolean allCounted(Map<String, RelationshipVitality> vitality,
      Map<String, RelationshipActivity> activity, int visits, int relationships) {
    return vitality.size() == relationships && activity.size() == relationships
        && vitality.values().stream().allMatch(v -> v.getExchanges() == visits)
        && activity.values().stream().allMatch(a -> a.getWindows().get(a.getWindows().size() - 1)
            .getTotal().getCount() == visits);
  }

  private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String... topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    return partitions;
  }

  private static void publishRelationships(List<String> ids) {
    try (KafkaProducer<String, Object> producer = producer()) {
      for (String id : ids) {
        producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), id, relationship(id, ESTABLISHED)));
      }
    }
  }

  private AmityStreamsApp start(String applicationId) throws Exception {
    Map<String, Object> config = clientConfig();
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    StreamsSettings settings = StreamsSettings.defaults().withApplicationId(applicationId)
        .withIntervals(Duration.ofMillis(200), Duration.ofSeconds(1));
    return AmityStreamsApp.start(settings, config, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1",
        EmbeddedKafka.freeLoopbackPorts(1)[0],
        Files.createDirectory(stateDirs.resolve("streams-evolve")), 3, (short) 1));
  }

  /** The project's serializer, registering each record's own schema under the topic's subject. */
  private static AvroSerializer<Object> serializer() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(clientConfig(), false);
    return serializer;
  }

  private static KafkaProducer<String, Object> producer() {
    return new KafkaProducer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        EmbeddedPlatformExtension.platform().bootstrapServers()), new StringSerializer(), serializer());
  }

  private static SchemaRegistryClient registry() {
    return RegistryClientConfig.from(clientConfig()).newClient();
  }
}
