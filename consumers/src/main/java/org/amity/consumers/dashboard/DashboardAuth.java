package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.amity.consumers.view.DashboardView;
import org.amity.ops.OpsEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking: every request but the operators' endpoints ({@link OpsEndpoints}) and the login page needs a signed-in user, from a session (the
 * login form) or HTTP Basic credentials (scripts). The dashboard only reads, but for the follow-up steps an officer
 * posts ({@link FollowUpApi}); those must be JSON from a page of this dashboard (a cross-site form can send neither).
 */
final class DashboardAuth {
  private static final Logger log = LoggerFactory.getLogger(DashboardAuth.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "amity.user";
  /** The request attribute holding the signed-in user, set by {@link #guard}. */
  private static final String SIGNED_IN = "amity.signed-in";

  private final DashboardUsers users;
  private final DashboardView view;
  private final SignInThrottle throttle;

  DashboardAuth(DashboardUsers users, DashboardView view, Clock clock) {
    this.users = users;
    this.view = view;
    this.throttle = new SignInThrottle(clock);
  }

  /** A sign-in that came before the throttle's wait was over: answered 429 without checking the password. */
  private static final class TooEarly extends RuntimeException {
    private final long seconds;

    TooEarly(Duration wait) {
      super(null, null, false, false);
      this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    String message() {
      return "登录失败次数过多，请 " + seconds + " 秒后再试 / Too many failed sign-ins; try again in " + seconds + " s";
    }
  }

  void routes(RoutesConfig server) {
    server.before(this::guard);
    server.post("/login", this::login);
    server.post("/logout", ctx -> {
      ctx.req().getSession().invalidate();
      ctx.redirect("/login");
    });
  }

  /** The signed-in user of a request that passed the guard. */
  static String signedIn(Context ctx) {
    return ctx.attribute(SIGNED_IN);
  }

  /** The office of the request's user; null for a user of every office. */
  String office(Context ctx) {
    return users.office(signedIn(ctx)).orElse(null);
  }

  /** The offices the signed-in user sees. */
  OfficeScope scope(Context ctx) {
    return OfficeScope.of(office(ctx), view);
  }

  /** Whether the office exists and the user sees it; if not, answers 404, as for an office that does not exist. */
  boolean seesOffice(Context ctx, String office) {
    if (scope(ctx).sees(office) && view.knowsOffice(office)) {
      return true;
    }
    ctx.status(404).json(JSON.createObjectNode().put("status", 404)
        .put("error", "没有外办 " + office + " / No office " + office));
    return false;
  }

  /**
   * Where to go after signing in: a path of this dashboard, else the overview. "//host" and "/\\host" are other
   * sites to a browser, and a control character or a space has no place in a Location header.
   */
  static String pageAfterSignIn(String next) {
    return next != null && next.matches("/(?![/\\\\])[\\x21-\\x7E]*") ? next : "/";
  }

  private void guard(Context ctx) {
    String path = ctx.path();
    if (OpsEndpoints.isOpsPath(path) || path.equals("/login")) {
      return;
    }
    String method = ctx.method().name();
    boolean reads = method.equals("GET") || method.equals("HEAD");
    boolean step = method.equals("POST") && path.equals(FollowUpApi.PATH);
    if (!reads && !path.equals("/logout") && !step) {
      ctx.status(405).json(JSON.createObjectNode().put("status", 405)
          .put("error", "看板只读，跟进步骤除外 / The dashboard only reads, but for follow-up steps"));
      ctx.skipRemainingHandlers();
      return;
    }
    if (step && !fromThisSite(ctx)) {
      ctx.status(403).json(JSON.createObjectNode().put("status", 403)
          .put("error", "跟进步骤须从本看板的页面发出 / A follow-up step must come from this dashboard's pages"));
      ctx.skipRemainingHandlers();
      return;
    }
    if (step && !json(ctx)) {
      ctx.status(415).json(JSON.createObjectNode().put("status", 415)
          .put("error", "跟进步骤须为 JSON（Content-Type: application/json） / "
              + "A follow-up step must be JSON (Content-Type: application/json)"));
      ctx.skipRemainingHandlers();
      return;
    }
    Optional<String> user;
    try {
      user = user(ctx);
    } catch (TooEarly e) {
      ctx.header("Retry-After", Long.toString(e.seconds)).status(429)
          .json(JSON.createObjectNode().put("status", 429).put("error", e.message()));
      ctx.skipRemainingHandlers();
      return;
    }
    if (user.isPresent()) {
      ctx.attribute(SIGNED_IN, user.get());
      return;
    }
    if (path.startsWith("/api/")) {
      ctx.status(401).json(JSON.createObjectNode().put("status", 401).put("error", basic(ctx)
          ? "用户名或密码错误 / Wrong user name or password"
          : "请先登录：POST /login，或发送 HTTP Basic 凭据 / Sign in first: POST /login, or send HTTP Basic credentials"));
    } else {
      ctx.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
    ctx.skipRemainingHandlers();
  }

  private static boolean json(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /**
   * Whether a request comes from a page of this dashboard: as the browser says (Sec-Fetch-Site), else by the origin it
   * names, this host as the browser reached it (behind a proxy, its Host or X-Forwarded-Host). A script sends neither.
   */
  private static boolean fromThisSite(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none");
    }
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true;
    }
    try {
      String host = URI.create(origin).getRawAuthority();
      return host != null && (host.equalsIgnoreCase(ctx.host()) || host.equalsIgnoreCase(ctx.header("X-Forwarded-Host")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The user's role: {@link DashboardUsers#ROLE_OFFICER} or {@link DashboardUsers#ROLE_VIEWER}. */
  String role(Context ctx) {
    return users.role(signedIn(ctx));
  }

  private static boolean basic(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /** The signed-in user: from the session, else from HTTP Basic credentials. */
  private Optional<String> user(Context ctx) {
    String fromSession = ctx.sessionAttribute(USER);
    if (fromSession != null) {
      return Optional.of(fromSession);
    }
    if (basic(ctx)) {
      String header = ctx.header("Authorization");
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return authenticate(ctx, decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Checks a password unless the throttle says to wait (then throws {@link TooEarly}), and tells the throttle. */
  private Optional<String> authenticate(Context ctx, String name, char[] password) {
    Optional<Duration> wait = throttle.attempt(name, ctx.ip());
    if (wait.isPresent()) {
      throw new TooEarly(wait.get());
    }
    Optional<String> user = users.authenticate(name, password);
    user.ifPresent(signedIn -> throttle.succeeded(name, ctx.ip()));
    return user;
  }

  private void login(Context ctx) {
    String name = ctx.formParam("username");
    String password = ctx.formParam("password");
    String next = pageAfterSignIn(ctx.formParam("next"));
    Optional<String> user;
    try {
      user = authenticate(ctx, name == null ? "" : name, password == null ? new char[0] : password.toCharArray());
    } catch (TooEarly e) {
      ctx.header("Retry-After", Long.toString(e.seconds)).status(429).html("<!doctype html><meta charset=\"utf-8\">"
          + "<title>Amity</title><p>" + e.message() + "</p><p><a href=\"/login?next="
          + URLEncoder.encode(next, StandardCharsets.UTF_8) + "\">登录 / Sign in</a></p>");
      return;
    }
    if (user.isEmpty()) {
      log.info("Failed dashboard sign-in for {}", name);
      ctx.redirect("/login?failed=1&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    ctx.req().getSession().invalidate();
    ctx.req().getSession(true);
    ctx.sessionAttribute(USER, user.get());
    ctx.redirect(next);
  }
}
