package org.amity.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.dashboard.DashboardSettings;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.dashboard.StreamsQueries;
import org.amity.consumers.report.BandsAt;
import org.amity.consumers.report.LeadershipReport;
import org.amity.consumers.report.PdfReport;
import org.amity.consumers.report.ReportFont;
import org.amity.consumers.report.ReportFromView;
import org.amity.consumers.report.ReportPeriod;
import org.amity.consumers.report.XlsxReport;
import org.amity.labels.Labels;
import org.amity.producers.partners.OfficeDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity report}: an office's report for the leadership over a period, as XLSX or PDF. */
@Command(
    name = "report",
    header = "写外办给领导的报告（XLSX 或 PDF） / Writes an office's report for the leadership (XLSX or PDF)",
    mixinStandardHelpOptions = true,
    description = {
        "Writes an office's report for the leadership (with the offices under it) over a period, in Chinese or",
        "English, as XLSX or PDF: partners by band at the start and the end, exchanges by type and field, what they",
        "yielded, revived and newly dormant partners, open follow-ups, coming anniversaries and expiring agreements.",
        "It reads the aggregate topics and the exchange events from the beginning; the bands at the period's ends come",
        "from the streams application's query API (--streams-url, --streams-token; a token it refuses stops the report),",
        "else the report shows today's."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the report is written", "1:no such office, the topics could not be read, or the query API refused the token: nothing written",
        "2:a bad option: nothing read, nothing written"})
final class ReportCommand implements Callable<Integer> {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--office", required = true, paramLabel = "OFFICE", description = "The office, by id or registered name, e.g. shanghai or 上海市人民政府外事办公室.")
  String office;

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      description = "A year (2024), a month (2024-03) or two days (2024-01-01..2024-06-30).")
  String period;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The file to write: .xlsx or .pdf (the format follows the name unless --format says).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "xlsx or pdf (default: from the file's name).")
  String format;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
      description = "zh (the default) or en.")
  String lang;

  @Option(names = "--overwrite", description = "Replace the file if it exists (without it, an existing file is kept).")
  boolean overwrite;

  @Option(names = "--font", paramLabel = "FILE",
      description = "A TrueType font with Chinese (.ttf/.ttc) for the PDF (default: amity.report.font, env "
          + "AMITY_REPORT_FONT, else a usual system font such as WenQuanYi Micro Hei).")
  Path font;

  @Option(names = "--streams-url", paramLabel = "URL",
      description = "The streams application's query API (e.g. http://localhost:8090), asked for the bands at the "
          + "period's start and end.")
  String streamsUrl;

  @Option(names = "--streams-token", paramLabel = "OFFICE=TOKEN",
      description = "An office's API token for the streams query API. Repeatable.")
  Map<String, String> streamsTokens = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    ReportPeriod reportPeriod = checked(() -> ReportPeriod.parse(period, LocalDate.now(Labels.DEFAULT_ZONE)));
    String fileFormat = format();
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw bad("--lang 应为 zh 或 en，而不是 \"" + lang + "\" / --lang must be zh or en, not \"" + lang + "\"");
    }
    Path fontFile = fileFormat.equals("pdf") ? checked(() -> ReportFont.find(font)) : null;
    checkOut();
    checkStreams();

    DashboardView view = new DashboardView();
    try (DashboardFeed feed = DashboardFeed.start(view, connection.clientConfig())) {
      if (!feed.awaitCaughtUp(READ_TIMEOUT)) {
        return failed("未能在 " + READ_TIMEOUT.toSeconds() + " 秒内读完各主题，未写入任何文件 / The topics could not be "
            + "read within " + READ_TIMEOUT.toSeconds() + " s: nothing written");
      }
    }
    Optional<String> named = OfficeDirectory.idOf(view.offices(), office).filter(view::knowsOffice);
    if (named.isEmpty()) {
      return failed(Labels.both(language -> "--office " + Labels.format("office.unknown", language, office)
          + (language.equals(Labels.ZH) ? "；未写入任何文件" : "; nothing written")));
    }
    String officeId = named.get();
    BandsAt bands = BandsAt.UNKNOWN;
    if (streamsUrl != null) {
      StreamsQueries streams = new StreamsQueries(new DashboardSettings("127.0.0.1", 0, streamsUrl, streamsTokens), view);
      Optional<String> refusal = streams.refusal(officeId);
      if (refusal.isPresent()) {
        return failed("流处理查询接口拒绝了 --streams-token，未写入任何文件 / The streams query API refused --streams-token; "
            + "nothing written: " + refusal.get());
      }
      bands = streams::bandsAt;
    }
    LeadershipReport report = ReportFromView.make(view, bands, officeId, reportPeriod, Instant.now());
    try {
      write(report, fileFormat, fontFile);
    } catch (FileAlreadyExistsException e) {
      return failed("--out 文件在读取期间出现，未替换：" + out + " / --out appeared while the topics were read and is "
          + "kept: " + out);
    }
    spec.commandLine().getOut().println("报告已写入 / Report written: " + out.toAbsolutePath() + "（" + report.partners()
        .size() + " 个伙伴，" + report.exchanges() + " 次交流 / " + report.partners().size() + " partners, "
        + report.exchanges() + " exchanges）" + (report.bandsOverTime() ? "" : streamsUrl == null
            ? "\n注意：未提供 --streams-url，期初活力等级未知，见报告中等级表下的说明 / Note: no --streams-url given: the bands "
                + "at the start are unknown (see the note under the bands)"
            : "\n注意：流处理查询接口没有回答每个伙伴的历史等级，见报告中等级表下的说明 / Note: the streams query API did not "
                + "answer for every partner: see the note under the bands"));
    return 0;
  }

  /** Written beside the file and moved in place: a failure leaves no half-written report. */
  private void write(LeadershipReport report, String fileFormat, Path fontFile) throws IOException {
    Path folder = out.toAbsolutePath().getParent();
    Path partial = folder.resolve(".amity-report-" + UUID.randomUUID() + ".part");
    try {
      try (OutputStream stream = Files.newOutputStream(partial)) {
        Locale language = Labels.language(lang);
        if (fileFormat.equals("pdf")) {
          PdfReport.write(report, language, fontFile, stream);
        } else {
          XlsxReport.write(report, language, stream);
        }
      }
      if (overwrite) {
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(partial, out);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private String format() {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    String chosen = format != null ? format : name.endsWith(".pdf") ? "pdf" : name.endsWith(".xlsx") ? "xlsx" : null;
    if (chosen == null) {
      throw bad("--out 的文件名应以 .xlsx 或 .pdf 结尾，或用 --format 指定格式：" + out + " / --out should end in .xlsx "
          + "or .pdf, or --format should say which: " + out);
    }
    if (!chosen.equals("xlsx") && !chosen.equals("pdf")) {
      throw bad("--format 应为 xlsx 或 pdf，而不是 \"" + chosen + "\" / --format must be xlsx or pdf, not \"" + chosen
          + "\"");
    }
    return chosen;
  }

  private void checkOut() {
    Path folder = out.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw bad("--out 所在的文件夹不存在或不可写：" + folder + " / --out: the folder " + folder
          + " does not exist or cannot be written to");
    }
    if (Files.isDirectory(out)) {
      throw bad("--out 是一个文件夹：" + out + " / --out is a directory: " + out);
    }
    if (Files.exists(out) && !overwrite) {
      throw bad("--out 文件已存在：" + out + "（用 --overwrite 替换） / --out exists: " + out
          + " (--overwrite replaces it)");
    }
  }

  /** A query API to ask needs an http(s) address and a token to ask with. */
  private void checkStreams() {
    if (streamsUrl == null) {
      if (!streamsTokens.isEmpty()) {
        throw bad("--streams-token 需要 --streams-url / --streams-token needs --streams-url");
      }
      return;
    }
    URI uri;
    try {
      uri = new URI(streamsUrl);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw bad("--streams-url 应为 http(s) 地址，如 http://localhost:8090，而不是 \"" + streamsUrl + "\" / "
          + "--streams-url must be an http(s) address such as http://localhost:8090, not \"" + streamsUrl + "\"");
    }
    if (streamsTokens.isEmpty()) {
      throw bad("--streams-url 需要 --streams-token OFFICE=TOKEN / --streams-url needs --streams-token OFFICE=TOKEN");
    }
  }

  private <T> T checked(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw bad(e.getMessage());
    }
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private int failed(String message) {
    spec.commandLine().getErr().println(message);
    return 1;
  }
}
