package org.amity.topics;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalog: its name, what its keys and values are, and how long Kafka keeps it.
 * Topics keyed by relationship id are co-partitioned: they all get the same partition count, so that
 * Kafka Streams can join them without repartitioning.
 */
public record TopicSpec(
    String name,
    String key,
    String value,
    Cleanup cleanup,
    long retentionMs,
    boolean keyedByRelationship,
    String purpose) {

  public static final long FOREVER = -1L;

  public enum Cleanup {
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }

    public String policy() {
      return policy;
    }
  }

  /** The topic of one event type: "amity.events." + the name, keyed by relationship id, kept forever. */
  public static TopicSpec events(String name, String valueClass, String purpose) {
    return new TopicSpec("amity.events." + name, "relationship id (office/partner), the first of the envelope's",
        valueClass, Cleanup.DELETE, FOREVER, true, purpose);
  }

  /** The topic's Kafka configuration. */
  public Map<String, String> configs() {
    return cleanup == Cleanup.COMPACT
        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy())
        : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy(), TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
  }

  /** Partitions to create: the shared count for topics keyed by relationship, one otherwise. */
  public int partitions(int relationshipPartitions) {
    return keyedByRelationship ? relationshipPartitions : 1;
  }
}
