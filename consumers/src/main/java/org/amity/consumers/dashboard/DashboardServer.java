package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.amity.consumers.view.DashboardView;

/**
 * The dashboard's web server: its pages ({@link DashboardPages}), sign-in ({@link DashboardAuth}), JSON API
 * ({@link DashboardApi}), leadership reports ({@link ReportDownload}), follow-up steps ({@link FollowUpApi}) and live updates ({@link LiveUpdates}) over a
 * {@link DashboardView}, and {@code /health}.
 */
public final class DashboardServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DashboardSettings settings;
  private final DashboardView view;
  private final DashboardAuth auth;
  private final DashboardApi api;
  private final FollowUpApi followUps;
  private final LiveUpdates live;
  private final ReportDownload reports;
  private Javalin server;

  /** A dashboard that only reads: follow-up steps are refused (503). */
  public DashboardServer(DashboardSettings settings, DashboardUsers users, DashboardView view) {
    this(settings, users, view, null);
  }

  /** @param writer where officers' follow-up steps go */
  public DashboardServer(DashboardSettings settings, DashboardUsers users, DashboardView view, FollowUpWriter writer) {
    this.settings = settings;
    this.view = view;
    this.auth = new DashboardAuth(users, view);
    StreamsQueries streams = new StreamsQueries(settings, view);
    this.api = new DashboardApi(view, auth, streams);
    this.reports = new ReportDownload(view, auth, streams);
    this.live = new LiveUpdates(view, auth);
    this.followUps = new FollowUpApi(view, auth, writer, Clock.systemUTC());
  }

  public DashboardServer start() {
    server = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.enableWebjars();
      config.jetty.modifyServletContextHandler(handler -> {
        handler.getSessionHandler().setHttpOnly(true);
        handler.getSessionHandler().getSessionCookieConfig().setName("AMITY_DASHBOARD");
      });
    });
    auth.routes(server);
    server.get("/health", this::health);
    DashboardPages.routes(server);
    api.routes(server);
    followUps.routes(server);
    reports.routes(server);
    live.routes(server);
    server.start(settings.host(), settings.port());
    return this;
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://" + settings.host() + ":" + port();
  }

  /** UP while the feed keeps the view current; DOWN (503) with the reason once it stopped. */
  private void health(Context ctx) {
    Optional<String> stopped = view.feedStoppedBecause();
    ObjectNode health = JSON.createObjectNode().put("status", stopped.isPresent() ? "DOWN" : "UP")
        .put("version", view.version());
    stopped.ifPresent(reason -> health.put("reason", "the feed stopped: " + reason));
    ctx.status(stopped.isPresent() ? 503 : 200).json(health);
  }

  @Override
  public void close() {
    live.close();
    if (server != null) {
      server.stop();
    }
  }
}
