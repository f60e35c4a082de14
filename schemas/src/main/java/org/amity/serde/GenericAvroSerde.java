package org.amity.serde;

import java.util.HashMap;
import java.util.Map;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

/** An {@link AvroSerde} that reads {@link GenericRecord}s: {@code specific.avro.reader} is always false. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {

  public GenericAvroSerde() {}

  public GenericAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(configs);
    generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "false");
    super.configure(generic, isKey);
  }
}
