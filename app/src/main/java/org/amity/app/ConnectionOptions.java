package org.amity.app;

import java.util.HashMap;
import java.util.Map;
import org.amity.serde.AvroSerdeConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** Where a command finds Kafka and the schema registry: flags, else environment, else the local platform. */
final class ConnectionOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      defaultValue = "${env:AMITY_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka bootstrap servers (env AMITY_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      defaultValue = "${env:AMITY_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
      description = "Schema registry URL (env AMITY_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
  String schemaRegistryUrl;

  @Option(names = {"-X", "--kafka-property"}, paramLabel = "NAME=VALUE",
      description = "A Kafka client or serde property passed through as it is, e.g. -X security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> properties = new HashMap<>();

  /** Client and serde configuration: the pass-through properties, then the two addresses. */
  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return config;
  }
}
