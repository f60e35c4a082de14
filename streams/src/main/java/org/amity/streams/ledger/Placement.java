package org.amity.streams.ledger;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a relationship's ledger lives on: the one Kafka's default partitioner gives its id (murmur2 of the
 * UTF-8 key), where Amity's own clients and the repartition topic put it. A record read from any other partition (a
 * librdkafka client's CRC32 partitioner, a partition chosen by hand) is moved there before the ledger takes it.
 *
 * @param partitions of the topics keyed by relationship, the same for all of them
 */
public record Placement(int partitions) {
  public Placement {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
    }
  }

  public int partitionOf(String relationshipId) {
    return Utils.toPositive(Utils.murmur2(relationshipId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Whether the relationship's ledger is on the partition, of the record being processed. */
  public boolean isOn(String relationshipId, int partition) {
    return partitionOf(relationshipId) == partition;
  }
}
