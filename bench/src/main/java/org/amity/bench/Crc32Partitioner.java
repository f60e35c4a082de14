package org.amity.bench;

import java.util.Map;
import java.util.zip.CRC32;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Places a key as librdkafka's clients do by default (consistent_random: CRC32 of the key's bytes), so that the
 * replay can measure what records written by such clients cost: most are not where Amity's ledger lives.
 */
public final class Crc32Partitioner implements Partitioner {
  @Override
  public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    CRC32 crc = new CRC32();
    crc.update(keyBytes);
    return (int) (crc.getValue() % cluster.partitionCountForTopic(topic));
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
