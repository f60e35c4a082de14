package org.amity.consumers.notifier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/** Amity's series of the notifier: its {@link NotifierStats}, counted since the process started. */
final class NotifierMetrics implements MeterBinder {
  private final Notifier notifier;

  NotifierMetrics(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "amity.notifier.deliveries", "Messages delivered, one per alert and recipient",
        NotifierStats::delivered);
    counter(registry, "amity.notifier.delivery.failures", "Tries that failed and were retried later",
        NotifierStats::failedTries);
    counter(registry, "amity.notifier.dead.lettered",
        "Alert and recipient pairs given up on (permanent failure or too many tries), sent to amity.dead-letter",
        NotifierStats::deadLettered);
    counter(registry, "amity.notifier.digest.queued", "Alerts put aside for a recipient's daily digest",
        NotifierStats::queued);
    counter(registry, "amity.notifier.digests.sent", "Daily digests sent", NotifierStats::digestsSent);
    counter(registry, "amity.notifier.already.delivered",
        "Alert and recipient pairs skipped because the delivery log had them (after a restart or rebalance)",
        NotifierStats::alreadyDone);
    counter(registry, "amity.notifier.too.old", "Alerts not sent because they were older than the configured maximum age",
        NotifierStats::tooOld);
  }

  private void counter(MeterRegistry registry, String name, String help, ToDoubleFunction<NotifierStats> count) {
    FunctionCounter.builder(name, notifier, n -> count.applyAsDouble(n.stats())).description(help).register(registry);
  }
}
