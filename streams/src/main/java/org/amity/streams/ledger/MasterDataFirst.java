package org.amity.streams.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Gives master data the earliest timestamp there is, so that when a task has both master data and events buffered
 * (Kafka Streams picks the record with the smallest timestamp, and first fetches what the broker holds), a
 * relationship's master data is taken before the events that name it: a replay of years-old events never finds its
 * relationship missing.
 */
public final class MasterDataFirst implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return 0L;
  }
}
