package org.amity.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every role's HTTP server answers for operators: {@code /metrics}, {@code /health/live} and
 * {@code /health/ready}; and what it does for every request: a request id (the caller's {@code X-Request-Id} when
 * well formed, else a new one, sent back and put in the log context), a timer per route and status, and an access
 * log line for every request but the operators' own (path only: a query string may carry what must not be logged).
 */
public final class OpsEndpoints {
  public static final String REQUEST_ID = "X-Request-Id";
  /** The log context key of the request id. */
  public static final String REQUEST_ID_KEY = "request_id";
  /** The paths an operator's tools reach without signing in. */
  public static final String METRICS = "/metrics";
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";

  /** The logger of the access log. */
  public static final String ACCESS_LOG = "org.amity.access";

  private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** Methods tagged by name; any other (a client may invent one) is tagged OTHER, so that tags stay few. */
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private OpsEndpoints() {}

  /** Whether a path is one of the operators' endpoints, open without signing in. */
  public static boolean isOpsPath(String path) {
    return path.equals(METRICS) || path.equals(LIVE) || path.equals(READY);
  }

  /** Adds the operators' endpoints, request ids, request metrics and the access log to a server being configured. */
  public static void install(JavalinConfig config, Telemetry telemetry, Health health) {
    config.routes.before(OpsEndpoints::assignRequestId);
    config.routes.after(ctx -> MDC.remove(REQUEST_ID_KEY));
    config.routes.get(METRICS, ctx -> ctx.contentType(Telemetry.CONTENT_TYPE).result(telemetry.scrape()));
    config.routes.get(LIVE, ctx -> answer(ctx, health.live()));
    config.routes.get(READY, ctx -> answer(ctx, health.ready()));
    config.requestLogger.http((ctx, millis) -> finished(telemetry, ctx, millis));
  }

  private static void assignRequestId(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    String id = given != null && WELL_FORMED_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.header(REQUEST_ID, id);
    ctx.attribute(REQUEST_ID_KEY, id);
    MDC.put(REQUEST_ID_KEY, id);
  }

  private static void answer(Context ctx, ObjectNode report) {
    ctx.status(Health.up(report) ? 200 : 503).contentType("application/json").result(report.toString());
  }

  private static void finished(Telemetry telemetry, Context ctx, float millis) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    int status = ctx.statusCode();
    String method = METHODS.contains(ctx.method().name()) ? ctx.method().name() : "OTHER";
    Timer.builder("http.server.requests")
        .description("HTTP requests this role answered, by method, route and status")
        .tags("method", method, "uri", route, "status", Integer.toString(status))
        .register(telemetry.registry())
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    if (!isOpsPath(ctx.path())) {
      // an asynchronous request (server-sent events) ends on another thread than it began
      String id = ctx.attribute(REQUEST_ID_KEY);
      if (id != null) {
        MDC.put(REQUEST_ID_KEY, id);
      }
      ACCESS.info("{} {} {} {}ms", method, ctx.path(), status, Math.round(millis));
    }
    MDC.remove(REQUEST_ID_KEY);
  }
}
