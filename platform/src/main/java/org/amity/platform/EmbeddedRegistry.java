package org.amity.platform;

import java.util.Map;
import org.amity.platform.registry.KafkaRegistryJournal;
import org.amity.platform.registry.RegistryServer;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The embedded schema registry against any Kafka: it keeps its schemas in that Kafka's {@code _schemas} topic
 * (replayed on start, so every id comes back) and serves the Confluent REST API. {@link Platform} runs one against
 * its own broker.
 */
public final class EmbeddedRegistry implements AutoCloseable {
  private final KafkaRegistryJournal journal;
  private final RegistryServer server;

  private EmbeddedRegistry(KafkaRegistryJournal journal, RegistryServer server) {
    this.journal = journal;
    this.server = server;
  }

  /**
   * Replays the schemas topic (creating it if needed) and starts serving.
   *
   * @param port 0 for any free port
   * @param replicationFactor of the schemas topic, when it is created
   */
  public static EmbeddedRegistry start(String bootstrapServers, String host, int port, short replicationFactor) {
    return start(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), host, port, replicationFactor);
  }

  /**
   * As {@link #start(String, String, int, short)}, connecting with these Kafka client properties: bootstrap.servers
   * and whatever else the cluster asks for, e.g. security.protocol, sasl.mechanism and sasl.jaas.config.
   */
  public static EmbeddedRegistry start(Map<String, Object> kafkaClientConfig, String host, int port,
      short replicationFactor) {
    KafkaRegistryJournal journal = new KafkaRegistryJournal(KafkaRegistryJournal.DEFAULT_TOPIC, kafkaClientConfig);
    try {
      LocalSchemaRegistry schemas = new LocalSchemaRegistry(CompatibilityLevel.BACKWARD_TRANSITIVE, journal);
      journal.replayInto(schemas, replicationFactor);
      RegistryServer server = new RegistryServer(schemas, host, port).start();
      journal.bindTo(server.meters());
      return new EmbeddedRegistry(journal, server);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    journal.close();
  }
}
