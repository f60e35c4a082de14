package org.amity.streams.ledger;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Where the record being processed was read, as {@code topic-partition@offset}, for messages that must find it. */
final class Origin {
  private Origin() {}

  static String of(ProcessorContext<?, ?> context) {
    return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("(unknown)");
  }
}
