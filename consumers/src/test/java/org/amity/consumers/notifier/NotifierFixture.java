package org.amity.consumers.notifier;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.amity.aggregates.Alert;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.contract.Topics;
import org.amity.partners.Office;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.serde.AvroSerdeConfig;
import org.amity.serde.SpecificAvroSerde;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Alerts, topics and settings of one test, on the embedded platform; each test has topics of its own. */
final class NotifierFixture {
  final String id = Long.toString(System.nanoTime(), 36);
  final String alertsTopic = "test.alerts." + id;
  final String deliveriesTopic = "test.deliveries." + id;
  final String deadLetterTopic = "test.dead-letter." + id;
  final String office = "office-" + id;

  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformExtension.platform().bootstrapServers());
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedPlatformExtension.platform().registryUrl());
    return config;
  }

  /** Creates this test's alert topic, three partitions (the broker creates no topic by itself). */
  private void createAlertsTopic() {
    try (Admin admin = Admin.create(clientConfig())) {
      admin.createTopics(List.of(new NewTopic(alertsTopic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Settings with fast retries and this test's topics (created); add routes and the rest to them. */
  Properties properties(String group) {
    createAlertsTopic();
    Properties p = new Properties();
    p.setProperty("dashboard-url", "https://amity.example.org/");
    p.setProperty("group-id", group + "-" + id);
    p.setProperty("retry.max-attempts", "40");
    p.setProperty("retry.initial-backoff-ms", "50");
    p.setProperty("retry.max-backoff-ms", "250");
    p.setProperty("smtp.timeout-ms", "2000");
    p.setProperty("topics.alerts", alertsTopic);
    p.setProperty("topics.deliveries", deliveriesTopic);
    p.setProperty("topics.dead-letter", deadLetterTopic);
    return p;
  }

  /** A relationship of this test's office (partner like nl-rotterdam) that went dormant, with its responsible officer. */
  Alert dormant(String partner, String officer) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String relationship = office + "/" + partner;
    String city = partner.substring(3, 4).toUpperCase() + partner.substring(4);
    return Alert.newBuilder()
        .setAlertId(relationship + "|WENT_DORMANT|" + now)
        .setKind(AlertKind.WENT_DORMANT)
        .setRelationshipId(relationship)
        .setOfficeId(office)
        .setPartnerNameEn(city)
        .setPartnerNameZh(partner.equals("nl-rotterdam") ? "鹿特丹" : null)
        .setResponsibleOfficer(officer)
        .setRaisedAt(now)
        .setFromBand(Band.COOLING)
        .setBand(Band.DORMANT)
        .setScore(8)
        .setDaysSinceLastExchange(400)
        .setLastExchangeAt(now.minus(Duration.ofDays(400)))
        .setMessage(city + " has gone quiet: no exchange for 400 days.")
        .setModelVersion("test")
        .build();
  }

  /** Registers an office on amity.offices, as the notifier reads it (its language, time zone and alert contact). */
  void registerOffice(Office office) {
    try (SpecificAvroSerde<Office> serde = new SpecificAvroSerde<>()) {
      serde.configure(clientConfig(), false);
      try (KafkaProducer<String, Office> producer = new KafkaProducer<>(clientConfig(), new StringSerializer(), serde.serializer())) {
        producer.send(new ProducerRecord<>(Topics.OFFICES.name(), office.getOfficeId(), office));
        producer.flush();
      }
    }
  }

  void publish(Alert... alerts) {
    try (SpecificAvroSerde<Alert> serde = new SpecificAvroSerde<>()) {
      serde.configure(clientConfig(), false);
      try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(clientConfig(), new StringSerializer(), serde.serializer())) {
        for (Alert alert : alerts) {
          producer.send(new ProducerRecord<>(alertsTopic, alert.getRelationshipId(), alert));
        }
        producer.flush();
      }
    }
  }

  /** Polls the condition until it holds, or fails after the deadline. */
  static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("Not within " + deadline + ": " + what);
      }
      Thread.sleep(25);
    }
  }
}
