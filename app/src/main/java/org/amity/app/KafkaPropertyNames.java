package org.amity.app;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.amity.serde.AvroSerdeConfig;
import org.amity.text.Spelling;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The property names Kafka's clients, Kafka Streams and Amity's registry client know, to refuse a misspelt one. */
final class KafkaPropertyNames {
  private static final Set<String> KNOWN = known();

  private KafkaPropertyNames() {}

  /** Null when the name is known, else what is wrong with the key that gave it. */
  static String problem(String name, String key) {
    if (KNOWN.contains(name) || KNOWN.contains(withoutClientPrefix(name))
        || name.startsWith(StreamsConfig.TOPIC_PREFIX)) {
      return null;
    }
    return "an unknown Kafka property '" + key + "' (did you mean kafka." + Spelling.nearest(name, KNOWN).orElse("?")
        + "?)";
  }

  /** Kafka Streams passes {@code producer.linger.ms} to its producers, {@code main.consumer.*} to one consumer... */
  private static String withoutClientPrefix(String name) {
    for (String prefix : List.of(StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
        StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
        StreamsConfig.ADMIN_CLIENT_PREFIX)) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  private static Set<String> known() {
    Set<String> names = new TreeSet<>();
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    names.addAll(StreamsConfig.configDef().names());
    names.addAll(Set.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, AvroSerdeConfig.USE_LATEST_VERSION,
        AvroSerdeConfig.LATEST_CACHE_TTL, AvroSerdeConfig.SPECIFIC_AVRO_READER,
        AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY));
    return names;
  }
}
