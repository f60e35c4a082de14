package org.amity.serde;

import java.util.Map;
import org.amity.registry.RegistryClientConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, under Confluent's property names, so that Confluent's KafkaAvroSerializer and
 * KafkaAvroDeserializer could take over by configuration alone.
 */
public record AvroSerdeConfig(
    RegistryClientConfig registry,
    boolean autoRegisterSchemas,
    boolean useLatestVersion,
    long latestCacheTtlSeconds,
    boolean specificAvroReader,
    SubjectNameStrategy keySubjectNameStrategy,
    SubjectNameStrategy valueSubjectNameStrategy) {

  public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_CACHE_TTL = "latest.cache.ttl.sec";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
  public static final String BASIC_AUTH_USER_INFO = RegistryClientConfig.BASIC_AUTH_USER_INFO;

  /** Reads the settings; the registry URL may be absent only when the serde was given a client. */
  public static AvroSerdeConfig from(Map<String, ?> configs, boolean registryRequired) {
    boolean hasUrl = configs.get(SCHEMA_REGISTRY_URL) != null;
    return new AvroSerdeConfig(
        hasUrl || registryRequired ? RegistryClientConfig.from(configs) : null,
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        number(configs, LATEST_CACHE_TTL, -1),
        bool(configs, SPECIFIC_AVRO_READER, false),
        SubjectNameStrategy.parse(KEY_SUBJECT_NAME_STRATEGY, configs.get(KEY_SUBJECT_NAME_STRATEGY)),
        SubjectNameStrategy.parse(VALUE_SUBJECT_NAME_STRATEGY, configs.get(VALUE_SUBJECT_NAME_STRATEGY)));
  }

  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
  }

  private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
    Object value = configs.get(name);
    if (value == null) {
      return defaultValue;
    }
    String text = value.toString().trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new ConfigException(name, value, "must be true or false");
    }
    return Boolean.parseBoolean(text);
  }

  private static long number(Map<String, ?> configs, String name, long defaultValue) {
    Object value = configs.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name, value, "must be a whole number");
    }
  }
}
