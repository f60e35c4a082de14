package org.amity.streams.vitality;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record the ledger itself sends to amity.dead-letter, the same as Kafka Streams' exception
 * handlers write: where the event was read, the exception and its message.
 */
final class DeadLetter {
  private DeadLetter() {}

  /**
   * @param origin where the event was read, {@code topic-partition@offset}
   */
  static Headers headers(RuntimeException reason, String origin) {
    int at = origin.lastIndexOf('@');
    int dash = at < 0 ? -1 : origin.lastIndexOf('-', at);
    RecordHeaders headers = new RecordHeaders();
    add(headers, "__streams.errors.exception", reason.getClass().getName());
    add(headers, "__streams.errors.message", reason.getMessage());
    add(headers, "__streams.errors.topic", dash < 0 ? origin : origin.substring(0, dash));
    add(headers, "__streams.errors.partition", dash < 0 ? "-1" : origin.substring(dash + 1, at));
    add(headers, "__streams.errors.offset", at < 0 ? "-1" : origin.substring(at + 1));
    return headers;
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
