package org.amity.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of one role (ingest, streams, dashboard, notifier, registry): the JVM's, the role's Kafka clients' and
 * Amity's own, each series tagged with the role, scraped by Prometheus from the role's {@code /metrics}.
 */
public final class Telemetry implements AutoCloseable {
  /** The content type of Prometheus' text format, which every Prometheus server reads. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final String role;

  private Telemetry(String role) {
    this.role = role;
    registry.config().commonTags("application", "amity", "role", role);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** A role's metrics, with the JVM's bound. */
  public static Telemetry of(String role) {
    return new Telemetry(role);
  }

  public String role() {
    return role;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every series in Prometheus' text format. */
  public String scrape() {
    return registry.scrape(CONTENT_TYPE);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
