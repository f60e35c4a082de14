package org.amity.consumers.dashboard;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.amity.consumers.view.DashboardView;
import org.amity.ops.Health;
import org.amity.ops.OpsEndpoints;
import org.amity.ops.Telemetry;

/**
 * The dashboard's web server: its pages ({@link DashboardPages}), sign-in ({@link DashboardAuth}), JSON API
 * ({@link DashboardApi}), leadership reports ({@link ReportDownload}), follow-up steps ({@link FollowUpApi}) and live updates ({@link LiveUpdates}) over a
 * {@link DashboardView}, and the operators' endpoints ({@link OpsEndpoints}).
 */
public final class DashboardServer implements AutoCloseable {

  private final DashboardSettings settings;
  private final DashboardView view;
  private final DashboardAuth auth;
  private final DashboardApi api;
  private final FollowUpApi followUps;
  private final LiveUpdates live;
  private final ReportDownload reports;
  private final Telemetry telemetry = Telemetry.of("dashboard");
  private Javalin server;

  /** A dashboard that only reads: follow-up steps are refused (503). */
  public DashboardServer(DashboardSettings settings, DashboardUsers users, DashboardView view) {
    this(settings, users, view, null);
  }

  /** @param writer where officers' follow-up steps go */
  public DashboardServer(DashboardSettings settings, DashboardUsers users, DashboardView view, FollowUpWriter writer) {
    this.settings = settings;
    this.view = view;
    this.auth = new DashboardAuth(users, view, Clock.systemUTC());
    StreamsQueries streams = new StreamsQueries(settings, view);
    this.api = new DashboardApi(view, auth, streams);
    this.reports = new ReportDownload(view, auth, streams);
    this.live = new LiveUpdates(view, auth);
    this.followUps = new FollowUpApi(view, auth, writer, Clock.systemUTC());
    Gauge.builder("amity.dashboard.relationships", view, v -> v.relationships().size())
        .description("Relationships the dashboard's view holds").register(telemetry.registry());
    Gauge.builder("amity.dashboard.alerts", view, v -> v.alerts().size())
        .description("Alerts the dashboard's view holds (the newest " + DashboardView.MAX_ALERTS + ")")
        .register(telemetry.registry());
    Gauge.builder("amity.dashboard.feed.running", view, v -> v.feedStoppedBecause().isEmpty() ? 1 : 0)
        .description("1 while the feed keeps the view current, 0 once it stopped").register(telemetry.registry());
  }

  public DashboardServer start() {
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServletContextHandler(handler -> {
        handler.getSessionHandler().setHttpOnly(true);
        handler.getSessionHandler().getSessionCookieConfig().setName("AMITY_DASHBOARD");
      });
      OpsEndpoints.install(config, telemetry, new Health().live("feed", this::feedProblem));
      auth.routes(config.routes);
      DashboardPages.routes(config.routes);
      api.routes(config.routes);
      followUps.routes(config.routes);
      reports.routes(config.routes);
      live.routes(config.routes);
    });
    server.start(settings.host(), settings.port());
    return this;
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://" + settings.host() + ":" + port();
  }

  /** Where the dashboard's metrics go: its feed's Kafka consumer binds there too. */
  public MeterRegistry meters() {
    return telemetry.registry();
  }

  /** Empty while the feed keeps the view current; once it stopped, why (the view shows only the past). */
  private Optional<String> feedProblem() {
    return view.feedStoppedBecause().map(reason -> "数据源已停止 / the feed stopped: " + reason);
  }

  @Override
  public void close() {
    live.close();
    if (server != null) {
      server.stop();
    }
    telemetry.close();
  }
}
