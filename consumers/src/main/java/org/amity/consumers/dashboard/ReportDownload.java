package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.amity.consumers.report.LeadershipReport;
import org.amity.consumers.report.PdfReport;
import org.amity.consumers.report.ReportFont;
import org.amity.consumers.report.ReportFromView;
import org.amity.consumers.report.ReportPeriod;
import org.amity.consumers.report.XlsxReport;
import org.amity.consumers.view.DashboardView;
import org.amity.labels.Labels;

/**
 * {@code GET /api/v1/report?office=&period=&format=xlsx|pdf&lang=zh|en}: the leadership report of an office the user
 * sees, as a file to download.
 */
final class ReportDownload {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final DashboardView view;
  private final DashboardAuth auth;
  private final StreamsQueries streams;

  ReportDownload(DashboardView view, DashboardAuth auth, StreamsQueries streams) {
    this.view = view;
    this.auth = auth;
    this.streams = streams;
  }

  void routes(RoutesConfig server) {
    server.get("/api/v1/report", this::report);
  }

  private void report(Context ctx) throws IOException {
    String office = ctx.queryParam("office");
    if (office == null || office.isBlank()) {
      refuse(ctx, 400, "缺少 office：要为哪个外办生成报告？如 office=shanghai / office is missing: which office is the "
          + "report for? e.g. office=shanghai");
      return;
    }
    if (!auth.seesOffice(ctx, office)) {
      return;
    }
    String format = ctx.queryParamAsClass("format", String.class).getOrDefault("xlsx").toLowerCase(Locale.ROOT);
    String lang = ctx.queryParamAsClass("lang", String.class).getOrDefault("zh").toLowerCase(Locale.ROOT);
    if (!format.equals("xlsx") && !format.equals("pdf")) {
      refuse(ctx, 400, "format 应为 xlsx 或 pdf，而不是 \"" + format + "\" / format must be xlsx or pdf, not \""
          + format + "\"");
      return;
    }
    if (!lang.equals("zh") && !lang.equals("en")) {
      refuse(ctx, 400, "lang 应为 zh 或 en，而不是 \"" + lang + "\" / lang must be zh or en, not \"" + lang + "\"");
      return;
    }
    ReportPeriod period = ReportPeriod.parse(ctx.queryParam("period"), LocalDate.now(Labels.DEFAULT_ZONE));
    LeadershipReport report = ReportFromView.make(view, streams::bandsAt, office, period, Instant.now());
    Locale language = Labels.language(lang);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format.equals("pdf")) {
      try {
        PdfReport.write(report, language, ReportFont.find(null), out);
      } catch (RuntimeException e) {
        refuse(ctx, 503, e.getMessage());
        return;
      }
    } else {
      XlsxReport.write(report, language, out);
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(office, period, lang, format) + "\"");
    ctx.contentType(format.equals("pdf") ? "application/pdf" : XLSX).result(out.toByteArray());
  }

  /** amity-report-shanghai-2024-zh.xlsx; an office id holds no quote. */
  static String fileName(String office, ReportPeriod period, String lang, String format) {
    return "amity-report-" + office.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + period + "-" + lang + "." + format;
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).json(JSON.createObjectNode().put("status", status).put("error", message));
  }
}
