package org.amity.app;

import java.nio.file.Path;
import org.amity.platform.EmbeddedRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The demo scenario ({@link DemoScenario}) on a Kafka broker in a container, with the embedded schema registry keeping
 * its schemas in that broker. Skipped, saying so, where no Docker engine runs.
 */
class DemoScenarioContainerTest {
  /** The Kafka version the embedded broker runs (kafka.version in the parent pom). */
  private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.4.0");

  @Test
  void theDemoShowsItsPartnersWakesADormantOneAndLoadsNothingTwiceOnAContainerisedKafka(@TempDir Path stateDir)
      throws Exception {
    Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "No Docker engine here: the demo"
        + " scenario on a containerised Kafka is skipped; DemoScenarioTest runs the same scenario on the embedded broker");
    try (KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)) {
      kafka.start();
      try (EmbeddedRegistry registry = EmbeddedRegistry.start(kafka.getBootstrapServers(), "127.0.0.1", 0, (short) 1)) {
        new DemoScenario(kafka.getBootstrapServers(), registry.url(), stateDir).run();
      }
    }
  }
}
