package org.amity.streams.offices;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.amity.partners.Office;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offices table as the global thread holds it. It restores the topic's bytes without reading them, so a record
 * that cannot be read is met here first: it is passed over (logged once per problem), not allowed to stop the reader.
 */
final class RegisteredOffices {
  private static final Logger log = LoggerFactory.getLogger(RegisteredOffices.class);

  private final KeyValueStore<String, ValueAndTimestamp<Office>> offices;
  private final Set<String> unreadableLogged = new HashSet<>();

  RegisteredOffices(KeyValueStore<String, ValueAndTimestamp<Office>> offices) {
    this.offices = offices;
  }

  /** Every readable office, by id. */
  Map<String, Office> all() {
    Map<String, Office> known = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Office>> all = offices.all()) {
      while (all.hasNext()) {
        try {
          KeyValue<String, ValueAndTimestamp<Office>> office = all.next();
          known.put(office.key, office.value.value());
        } catch (SerializationException unreadable) {
          if (unreadableLogged.add(unreadable.getMessage())) {
            log.warn("Passing over an unreadable record in the offices table: {}", unreadable.getMessage());
          }
        }
      }
    }
    return known;
  }
}
