package org.amity.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running command alive until Ctrl-C or SIGTERM, then closes its parts in the order given.
 * The closing happens in the shutdown hook itself, so that the JVM exits as soon as it is done.
 */
final class UntilStopped {
  static final String HOW_TO_STOP = "按 Ctrl-C 停止 / Press Ctrl-C to stop.";
  private static final Logger log = LoggerFactory.getLogger(UntilStopped.class);

  private UntilStopped() {}

  static void run(AutoCloseable... inClosingOrder) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (AutoCloseable part : inClosingOrder) {
        try {
          part.close();
        } catch (Exception e) {
          log.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
      }
      closed.countDown();
    }, "amity-shutdown"));
    closed.await();
  }
}
