package org.amity.topics;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalog's topics with the Admin client; topics that exist already are left as they are. */
public final class TopicCreator {
  private final Admin admin;
  private final int relationshipPartitions;
  private final short replicationFactor;

  public TopicCreator(Admin admin, int relationshipPartitions, short replicationFactor) {
    if (relationshipPartitions < 1) {
      throw new IllegalArgumentException("relationship partitions must be at least 1, not " + relationshipPartitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be at least 1, not " + replicationFactor);
    }
    this.admin = admin;
    this.relationshipPartitions = relationshipPartitions;
    this.replicationFactor = replicationFactor;
  }

  /** Creates those of the topics that do not exist yet, and answers their names. */
  public Set<String> ensure(Collection<TopicSpec> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(this::newTopic)
          .toList();
      createAll(missing);
      return Set.copyOf(missing.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new KafkaException("Cannot list or create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void createAll(List<NewTopic> missing) throws InterruptedException, ExecutionException {
    for (var result : admin.createTopics(missing).values().entrySet()) {
      try {
        result.getValue().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private NewTopic newTopic(TopicSpec spec) {
    return new NewTopic(spec.name(), spec.partitions(relationshipPartitions), replicationFactor).configs(spec.configs());
  }
}
