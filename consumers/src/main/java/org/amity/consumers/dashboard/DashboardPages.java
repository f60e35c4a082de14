package org.amity.consumers.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The page (one for every path of the app), the login page and the page's scripts and styles. */
final class DashboardPages {
  /** Where the Chart.js WebJar serves its UMD build, whatever its version. */
  private static final String CHART_JS = chartJsPath();

  private DashboardPages() {}

  static void routes(RoutesConfig server) {
    server.get("/login", ctx -> ctx.html(resource("login.html")));
    server.get("/", DashboardPages::page);
    server.get("/partners", DashboardPages::page);
    server.get("/partners/{office}/{partner}", DashboardPages::page);
    server.get("/offices/{office}", DashboardPages::page);
    server.get("/map", DashboardPages::page);
    server.get("/assets/{file}", DashboardPages::asset);
    server.get(CHART_JS, DashboardPages::chartJs);
  }

  private static void page(Context ctx) {
    ctx.html(resource("index.html").replace("{{chartjs}}", CHART_JS));
  }

  private static String chartJsPath() {
    Properties pom = new Properties();
    try (InputStream in = DashboardPages.class.getResourceAsStream(
        "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in != null) {
        pom.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/webjars/chart.js/" + pom.getProperty("version", "unknown") + "/dist/chart.umd.js";
  }

  /**
   * Read from the class path as it is asked for: Javalin's WebJars handler would open the whole application jar as a
   * file system and keep its index (tens of MB) on the heap.
   */
  private static void chartJs(Context ctx) throws IOException {
    try (InputStream in = DashboardPages.class.getResourceAsStream("/META-INF/resources" + CHART_JS)) {
      if (in == null) {
        ctx.status(404);
        return;
      }
      ctx.header("Cache-Control", "max-age=31536000, immutable").contentType("text/javascript; charset=utf-8")
          .result(in.readAllBytes());
    }
  }

  private static void asset(Context ctx) {
    String file = ctx.pathParam("file");
    String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css"
        : file.endsWith(".json") ? "application/json" : null;
    if (type == null || !file.matches("[a-z0-9-]+\\.(js|css|json)")
        || DashboardPages.class.getResource("/dashboard/" + file) == null) {
      ctx.status(404);
      return;
    }
    ctx.contentType(type + "; charset=utf-8").result(resource(file));
  }

  private static String resource(String name) {
    try (InputStream in = DashboardPages.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource /dashboard/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
