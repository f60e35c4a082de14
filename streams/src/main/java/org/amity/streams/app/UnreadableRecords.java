package org.amity.streams.app;

import org.amity.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be read goes to amity.dead-letter and processing goes on (Kafka's own handler) — except on
 * amity.offices, read by the global thread, which cannot send dead letters (Kafka 4.3 then fails the thread and the
 * application with a ClassCastException): there the record is logged with where it is, and skipped.
 */
public final class UnreadableRecords extends LogAndContinueExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (Topics.OFFICES.name().equals(record.topic())) {
      log.warn("Skipping an unreadable record on {} partition {} offset {} (key {}): {}", record.topic(),
          record.partition(), record.offset(), record.key() == null ? null : new String(record.key(),
              java.nio.charset.StandardCharsets.UTF_8), exception.toString());
      return Response.resume();
    }
    return super.handleError(context, record, exception);
  }
}
