package org.amity.streams.app;

import java.util.Map;
import org.amity.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Avro serdes in Confluent's wire format, all configured from the same registry settings. */
public final class AmitySerdes {
  private final Map<String, ?> config;

  /** @param config at least {@code schema.registry.url} (a {@code mock://} scope in tests) */
  public AmitySerdes(Map<String, ?> config) {
    this.config = Map.copyOf(config);
  }

  /** A value serde for records of one generated class. */
  public <T extends SpecificRecord> Serde<T> of(Class<T> type) {
    return values();
  }

  /** A value serde for records of any generated class (the event topics carry one type each). */
  public <T extends SpecificRecord> Serde<T> values() {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }
}
