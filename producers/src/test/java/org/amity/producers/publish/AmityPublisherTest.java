package org.amity.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.amity.contract.EventTypes;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Topics;
import org.amity.events.DelegationVisited;
import org.amity.events.Envelope;
import org.amity.events.SampleEvents;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Java client an office system embeds. */
@ExtendWith(EmbeddedPlatformExtension.class)
class AmityPublisherTest {
  private static final String OFFICE = "publisher-test";
  private static AmityPublisher publisher;
  private static Map<String, Object> config;

  @BeforeAll
  static void start() {
    Platform platform = EmbeddedPlatformExtension.platform();
    config = Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url", platform.registryUrl());
    publisher = AmityPublisher.start(config);
    try (PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC())) {
      partners.put(SampleEvents.office(OFFICE));
      var relationship = SampleEvents.relationship();
      relationship.setOfficeId(OFFICE);
      relationship.setRelationshipId(OFFICE + "/nl-rotterdam");
      partners.put(relationship);
    }
  }

  @AfterAll
  static void stop() {
    publisher.close();
  }

  private static DelegationVisited visit() {
    DelegationVisited visit = SampleEvents.delegationVisited();
    Envelope envelope = visit.getEnvelope();
    envelope.setEventId("pub-" + UUID.randomUUID());
    envelope.setOffice(OFFICE);
    envelope.setRelationshipIds(List.of(OFFICE + "/nl-rotterdam"));
    return visit;
  }

  @Test
  void aPublisherStartedWithItsCrashedPredecessorsIdMakesNewEventsVisibleAtOnce() throws Exception {
    String transactionalId = "amity-ingest-restart-" + UUID.randomUUID();
    KafkaProducer<String, byte[]> crashed = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("bootstrap.servers"),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new StringSerializer(), new ByteArraySerializer());
    crashed.initTransactions();
    crashed.beginTransaction();
    int partition = publisher.publish(visit()).get().partition();
    crashed.send(new ProducerRecord<>(EventTypes.DELEGATION_VISITED.topic().name(), partition, "left-open", new byte[] {1})).get();

    Map<String, Object> successorConfig = new HashMap<>(config);
    successorConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    try (AmityPublisher successor = AmityPublisher.start(successorConfig)) {
      Published published = successor.publish(visit()).get();
      assertThat(published.partition()).isEqualTo(partition);
      assertThat(secondsUntilCommittedReadersSee(published))
          .as("the predecessor's open transaction is fenced, not left to time out after 60 s").isLessThan(20);
    } finally {
      crashed.close(Duration.ZERO);
    }
  }

  private static long secondsUntilCommittedReadersSee(Published published) {
    long start = System.nanoTime();
    TopicPartition partition = new TopicPartition(published.topic(), published.partition());
    try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("bootstrap.servers"),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      reader.assign(List.of(partition));
      reader.seek(partition, published.offset());
      while (System.nanoTime() - start < Duration.ofSeconds(90).toNanos()) {
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
          if (record.offset() == published.offset()) {
            return Duration.ofNanos(System.nanoTime() - start).toSeconds();
          }
        }
      }
    }
    return Long.MAX_VALUE;
  }

  @Test
  void aGarbageValueOnTheEventIdIndexIsPassedOverAndTheEventWritten() throws Exception {
    DelegationVisited visit = visit();
    String eventId = visit.getEnvelope().getEventId();
    try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("bootstrap.servers")), new StringSerializer(),
        new StringSerializer())) {
      raw.send(new ProducerRecord<>(Topics.EVENT_IDS.name(), eventId, "not an entry at all")).get();
    }
    try (AmityPublisher restarted = AmityPublisher.start(config)) {
      Published published = restarted.publish(visit).get();
      assertThat(published.duplicate()).isFalse();
      assertThat(published.offset()).isNotNegative();
      assertThat(restarted.publish(visit).get().duplicate()).as("its own entry now stands").isTrue();
    }
  }

  @Test
  void answersWhereTheEventLandedKeyedByItsRelationship() throws Exception {
    Published published = publisher.publish(visit()).get();
    assertThat(published.topic()).isEqualTo(EventTypes.DELEGATION_VISITED.topic().name());
    assertThat(published.offset()).isNotNegative();
    assertThat(published.duplicate()).isFalse();
  }

  @Test
  void aSecondSendOfTheSameEventWritesNothingAndPointsAtTheFirst() throws Exception {
    DelegationVisited visit = visit();
    Published first = publisher.publish(visit).get();
    visit.getEnvelope().setRecordedAt(visit.getEnvelope().getRecordedAt().plusSeconds(3600));
    Published second = publisher.publish(visit).get();
    assertThat(second.duplicate()).isTrue();
    assertThat(second.offset()).isEqualTo(first.offset());
  }

  @Test
  void aRestartedPublisherStillKnowsWhatWasWritten() throws Exception {
    DelegationVisited visit = visit();
    Published first = publisher.publish(visit).get();
    try (AmityPublisher restarted = AmityPublisher.start(config)) {
      Published again = restarted.publish(visit).get();
      assertThat(again.duplicate()).isTrue();
      assertThat(again.offset()).isEqualTo(first.offset());
    }
  }

  @Test
  void concurrentSendsOfOneEventWriteItOnceAndAllAnswerWhereItLanded() throws Exception {
    DelegationVisited visit = visit();
    List<CompletableFuture<Published>> sends = List.of(publisher.publish(visit), publisher.publish(visit), publisher.publish(visit));
    List<Published> answers = sends.stream().map(CompletableFuture::join).toList();
    assertThat(answers).filteredOn(p -> !p.duplicate()).hasSize(1);
    assertThat(answers).extracting(Published::offset).containsOnly(answers.get(0).offset()).allMatch(offset -> offset >= 0);
  }

  @Test
  void validatesBeforeSending() {
    DelegationVisited visit = visit();
    visit.setHeadcount(-2);
    visit.getEnvelope().setRelationshipIds(List.of(OFFICE + "/xx-unknown"));
    assertThatThrownBy(() -> publisher.publish(visit).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.path()).containsExactlyInAnyOrder("headcount", "relationshipIds[0]"));
  }

  @Test
  void anEventOfAnOfficeThatIsNotRegisteredIsRefusedNamingTheOffice() {
    DelegationVisited visit = visit();
    visit.getEnvelope().setOffice("ghost-office");
    visit.getEnvelope().setRelationshipIds(List.of("ghost-office/nl-rotterdam"));
    assertThatThrownBy(() -> publisher.publish(visit).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p.toString()).startsWith("office: 外办 ghost-office 尚未登记")
                .contains("office ghost-office is not registered")));
  }

  @Test
  void anEventIdReusedForOtherContentIsRefused() throws Exception {
    DelegationVisited visit = visit();
    publisher.publish(visit).get();
    visit.setHeadcount(99);
    assertThatThrownBy(() -> publisher.publish(visit).get()).cause().isInstanceOf(EventIdConflictException.class);
  }

  @Test
  void aBatchWithOneBadEventWritesNone() {
    DelegationVisited good = visit();
    DelegationVisited bad = visit();
    bad.setEndDate(bad.getStartDate().minusDays(3));
    assertThatThrownBy(() -> publisher.publishAll(List.of(good, bad)).get())
        .cause().isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(p -> p.path()).containsExactly("[1].endDate"));
    assertThat(publisher.publish(good).join().duplicate()).as("the good event was not written before").isFalse();
  }
}
