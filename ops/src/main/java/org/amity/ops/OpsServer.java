package org.amity.ops;

import io.javalin.Javalin;

/** A small HTTP server with only the operators' endpoints, for a role that serves nothing else (the notifier). */
public final class OpsServer implements AutoCloseable {
  private final Javalin server;

  private OpsServer(Javalin server) {
    this.server = server;
  }

  /** Serves {@code /metrics}, {@code /health/live} and {@code /health/ready} on host:port (0 picks a free port). */
  public static OpsServer start(String host, int port, Telemetry telemetry, Health health) {
    Javalin server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      OpsEndpoints.install(config, telemetry, health);
    });
    server.start(host, port);
    return new OpsServer(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
