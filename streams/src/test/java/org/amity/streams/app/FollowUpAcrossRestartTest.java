package org.amity.streams.app;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.amity.streams.model.TestEvents.delegation;
import static org.amity.streams.model.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.access.OfficeTokens;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.followups.Assigned;
import org.amity.followups.ExchangePlanned;
import org.amity.followups.FollowUpStep;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan whose day passed with nothing recorded, and an assigned follow-up past its day, each raise their alert once,
 * on a real broker, across a restart of the streams application on its state and another from the changelogs alone.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class FollowUpAcrossRestartTest {
  private static final Duration REVIEW = Duration.ofMillis(300);
  private static final Instant FORTY_DAYS_AGO = Instant.now().minus(Duration.ofDays(40));

  @TempDir
  Path stateDirs;

  @Test
  void aMissedPlanAndAnOverdueFollowUpAlertOnceAcrossRestarts() throws Exception {
    String office = "office-" + Long.toString(System.nanoTime(), 36);
    String relationshipId = office + "/nl-rotterdam";
    publish(relationshipId);
    StreamsSettings settings = StreamsSettings.defaults().withApplicationId("amity-follow-up-restart-" + System.nanoTime())
        .withIntervals(Duration.ofMillis(200), REVIEW);
    Path stateDir = Files.createDirectory(stateDirs.resolve("follow-up-restart"));

    try (AmityStreamsApp first = start(settings, stateDir)) {
      first.awaitRunning(Duration.ofSeconds(60));
      awaitAlerts(office, 2);
    }
    try (AmityStreamsApp onItsState = start(settings, stateDir)) {
      onItsState.awaitRunning(Duration.ofSeconds(60));
      Thread.sleep(REVIEW.multipliedBy(10).toMillis());
    }
    try (AmityStreamsApp fromChangelogs = start(settings, Files.createDirectory(stateDirs.resolve("follow-up-restored")))) {
      fromChangelogs.awaitRunning(Duration.ofSeconds(60));
      Thread.sleep(REVIEW.multipliedBy(10).toMillis());
    }

    assertThat(alertsOf(office)).extracting(Alert::getKind)
        .containsExactlyInAnyOrder(AlertKind.PLAN_MISSED, AlertKind.FOLLOW_UP_OVERDUE);
  }

  /** Rotterdam, visited 100 days ago; forty days ago a visit was planned for that day and a follow-up assigned. */
  private static void publish(String relationshipId) {
    Map<String, Object> config = clientConfig();
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    LocalDate planned = LocalDate.ofInstant(FORTY_DAYS_AGO, ZoneOffset.UTC);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)),
        new StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(Topics.RELATIONSHIPS.name(), relationshipId,
          relationship(relationshipId, LocalDate.of(1979, 5, 29))));
      producer.send(new ProducerRecord<>(EventTypes.DELEGATION_VISITED.topic().name(), relationshipId,
          delegation(envelope("visit-" + relationshipId, Instant.now().minus(Duration.ofDays(100)), relationshipId,
              Domain.GOVERNANCE), Direction.INBOUND, DelegationLevel.HEAD_OF_GOVERNMENT)));
      producer.send(new ProducerRecord<>(Topics.FOLLOW_UP_STEPS.name(), relationshipId, step(relationshipId,
          relationshipId + "|COOLING|first", ExchangePlanned.newBuilder().setEventType("DelegationVisited")
              .setPlannedOn(planned).setVariant("SENIOR_OFFICIAL").setDirection(Direction.INBOUND).build())));
      producer.send(new ProducerRecord<>(Topics.FOLLOW_UP_STEPS.name(), relationshipId, step(relationshipId,
          relationshipId + "|ANNIVERSARY|second", new Assigned("li.na", planned.plusDays(2), null))));
    }
  }

  private static FollowUpStep step(String relationshipId, String alertId, Object action) {
    return FollowUpStep.newBuilder().setStepId(alertId.replace('|', '-')).setAlertId(alertId)
        .setRelationshipId(relationshipId).setOfficeId(relationshipId.split("/")[0]).setActor("zhang.wei")
        .setAt(FORTY_DAYS_AGO).setAction(action).build();
  }

  private static void awaitAlerts(String office, int count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (alertsOf(office).size() < count) {
      assertThat(System.nanoTime()).as("waiting for " + count + " alerts").isLessThan(until);
      Thread.sleep(200);
    }
  }

  /** The office's alerts about follow-ups, committed ones only. */
  private static List<Alert> alertsOf(String office) {
    return CommittedAlerts.of(office, clientConfig()).stream()
        .filter(alert -> Set.of(AlertKind.PLAN_MISSED, AlertKind.FOLLOW_UP_OVERDUE).contains(alert.getKind())).toList();
  }

  private AmityStreamsApp start(StreamsSettings settings, Path stateDir) throws Exception {
    Map<String, Object> config = clientConfig();
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return AmityStreamsApp.start(settings, config, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1",
        EmbeddedKafka.freeLoopbackPorts(1)[0], stateDir, 3, (short) 1, new OfficeTokens(Map.of())));
  }
}
