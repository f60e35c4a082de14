package org.amity.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.amity.serde.AvroSerdeConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a command finds Kafka and the schema registry, and the Kafka client properties passed through. */
final class ConnectionOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", defaultValue = "http://localhost:8081",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
  String schemaRegistryUrl;

  @Option(names = {"-X", "--kafka-property"}, paramLabel = "NAME=VALUE",
      description = "A Kafka client or serde property passed through as it is, e.g. -X security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> properties = new HashMap<>();

  /** Client and serde configuration: the configured Kafka properties, the -X flags, then the two addresses. */
  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(AmityConfig.of(command).kafkaProperties());
    config.putAll(properties);
    config.keySet().removeIf(key -> key.startsWith(AmityConfig.STREAMS_PREFIX));
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return config;
  }

  /** The streams application's settings and model constants: the file's amity.* keys, then -X amity.* flags. */
  Properties amityProperties() {
    Properties amity = AmityConfig.of(command).section(AmityConfig.STREAMS_PREFIX, true);
    properties.forEach((key, value) -> {
      if (key.startsWith(AmityConfig.STREAMS_PREFIX)) {
        amity.setProperty(key, value);
      }
    });
    return amity;
  }
}
