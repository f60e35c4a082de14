package org.amity.serde;

import java.util.HashMap;
import java.util.Map;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/** An {@link AvroSerde} that reads generated classes: {@code specific.avro.reader} is always true. */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {

  public SpecificAvroSerde() {}

  public SpecificAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    super.configure(specific, isKey);
  }
}
