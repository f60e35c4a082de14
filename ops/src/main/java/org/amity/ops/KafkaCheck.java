package org.amity.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Whether the Kafka cluster of a client configuration answers: a readiness check. */
public final class KafkaCheck implements Supplier<Optional<String>>, AutoCloseable {
  private static final int TIMEOUT_MS = 2000;
  private final Map<String, Object> adminConfig;
  private Admin admin;

  /** A check of the cluster that these Kafka client properties name. */
  public KafkaCheck(Map<String, ?> clientConfig) {
    this.adminConfig = adminConfig(clientConfig);
  }

  /** The admin client's properties among these client properties (producer, consumer and serde ones left out). */
  public static Map<String, Object> adminConfig(Map<String, ?> clientConfig) {
    Map<String, Object> admin = new HashMap<>();
    clientConfig.forEach((name, value) -> {
      if (AdminClientConfig.configNames().contains(name)) {
        admin.put(name, value);
      }
    });
    return admin;
  }

  @Override
  public synchronized Optional<String> get() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).clusterId()
          .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return Optional.of("Kafka 无应答 / Kafka does not answer at " + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
          + ": " + cause.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
