package org.amity.platform;

import java.util.Map;
import org.amity.contract.Topics;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.topics.TopicCreator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform in one process: a single-node Kafka broker, then the topic catalog, then a schema
 * registry that keeps its schemas in the broker's {@code _schemas} topic. Closed in the reverse order.
 */
public final class Platform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Platform.class);
  private static final short SINGLE_NODE = 1;

  private final EmbeddedKafka kafka;
  private final EmbeddedRegistry registry;

  private Platform(EmbeddedKafka kafka, EmbeddedRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  public static Platform start(PlatformSettings settings) {
    long started = System.nanoTime();
    EmbeddedKafka kafka = EmbeddedKafka.builder(settings.kafkaDir())
        .host(settings.host())
        .brokerPort(settings.kafkaPort())
        .controllerPort(settings.controllerPort())
        .build();
    kafka.start();
    try {
      Map<String, Object> clientConfig = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      try (Admin admin = Admin.create(clientConfig)) {
        new TopicCreator(admin, settings.relationshipPartitions(), SINGLE_NODE).ensure(Topics.ALL);
      }
      EmbeddedRegistry registry = EmbeddedRegistry.start(kafka.bootstrapServers(), settings.host(),
          settings.registryPort(), SINGLE_NODE);
      log.info("Platform up in {} ms: Kafka {}, schema registry {}",
          (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers(), registry.url());
      return new Platform(kafka, registry);
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  @Override
  public void close() {
    registry.close();
    kafka.close();
    log.info("Platform stopped");
  }
}
