package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.aggregates.OfficeYield;
import org.amity.aggregates.YieldSum;
import org.amity.contract.Topics;
import org.amity.labels.Labels;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The demo's Shanghai report for 2024, written by {@code amity report} as XLSX and PDF against a running demo and read
 * back with POI and PDFBox: what it yielded equals Shanghai's 2024 record on amity.office-yields (own, and with
 * Changning), its partners are those of amity.relationships, and its bands at the year's end are those the streams
 * query API scores for the last moment of 2024.
 */
final class DemoReportCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TREE = "shanghai";

  private final int[] ports;
  private final String token;
  private final Path dir;

  DemoReportCheck(int[] ports, String demoOutput, Path dir) {
    this.ports = ports;
    Matcher m = Pattern.compile("token for shanghai: (\\S+)").matcher(demoOutput);
    assertThat(m.find()).as("the demo prints Shanghai's token").isTrue();
    this.token = m.group(1);
    this.dir = dir;
  }

  void check() throws Exception {
    aTokenTheStreamsApplicationRefusesStopsTheReport();
    Path xlsx = report("shanghai-2024.xlsx", "shanghai");
    Path pdf = report("shanghai-2024.pdf", "上海市人民政府外事办公室");
    OfficeYield topic = (OfficeYield) TopicRecords.newest("127.0.0.1:" + ports[0], "http://127.0.0.1:" + ports[2],
        Topics.OFFICE_YIELDS.name()).get("shanghai/2024");
    assertThat(topic).as("Shanghai's 2024 on amity.office-yields").isNotNull();
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      yieldsAsOnTheTopic(rows(book.getSheet("交流成果")), topic);
      partnersAsOnTheTopics(rows(book.getSheet("概况")), rows(book.getSheet("伙伴明细")));
      bandsAsTheStreamsApplicationScoresThem(rows(book.getSheet("伙伴活力等级及变化")), rows(book.getSheet("伙伴明细")));
    }
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    for (Map.Entry<String, Long> money : topic.getOwn().getMoney().entrySet()) {
      assertThat(text).contains(("协议与项目金额" + money.getKey() + format(amount(money.getValue(), money.getKey()))
          + format(amount(topic.getWithDistricts().getMoney().get(money.getKey()), money.getKey()))));
    }
    topic.getWithDistricts().getPeople().forEach((type, n) -> assertThat(text).contains(
        Labels.text("People." + type, Labels.ZH).replaceAll("\\s+", "")));
    assertThat(text).contains("上海市人民政府外事办公室友城工作报告（2024年）");
  }

  private void aTokenTheStreamsApplicationRefusesStopsTheReport() throws Exception {
    Path out = dir.resolve("refused.xlsx");
    try (AmityProcess report = AmityProcess.start(dir.resolve("refused.log"), Map.of(), "report",
        "--bootstrap-servers", "127.0.0.1:" + ports[0], "--schema-registry-url", "http://127.0.0.1:" + ports[2],
        "--office", "shanghai", "--period", "2024", "--out", out.toString(),
        "--streams-url", "http://127.0.0.1:" + ports[4], "--streams-token", "shanghai=not-" + token)) {
      assertThat(report.awaitExit(Duration.ofSeconds(120))).as(report.output()).isEqualTo(1);
      assertThat(report.output()).contains("流处理查询接口拒绝了 --streams-token", "refused --streams-token",
          "nothing written", "API 令牌无效 / The API token is not valid");
    }
    assertThat(out).doesNotExist();
  }

  /** The office's report, the office named by its id or its name. */
  private Path report(String file, String office) throws Exception {
    Path out = dir.resolve(file);
    try (AmityProcess report = AmityProcess.start(dir.resolve(file + ".log"), Map.of(), "report",
        "--bootstrap-servers", "127.0.0.1:" + ports[0], "--schema-registry-url", "http://127.0.0.1:" + ports[2],
        "--office", office, "--period", "2024", "--out", out.toString(),
        "--streams-url", "http://127.0.0.1:" + ports[4], "--streams-token", "shanghai=" + token)) {
      assertThat(report.awaitExit(Duration.ofSeconds(120))).as(report.output()).isZero();
      assertThat(report.output()).contains("Report written: " + out);
    }
    return out;
  }

  private static void yieldsAsOnTheTopic(Map<String, List<Object>> sheet, OfficeYield topic) {
    YieldSum own = topic.getOwn();
    YieldSum all = topic.getWithDistricts();
    all.getMoney().forEach((currency, minor) -> assertThat(sheet.get("协议与项目金额 " + currency)).as(currency)
        .containsExactly(number(own.getMoney().get(currency), currency), amount(minor, currency).doubleValue()));
    all.getPeople().forEach((type, n) -> assertThat(sheet.get("参与人数：" + Labels.text("People." + type, Labels.ZH)))
        .as(type).containsExactly(own.getPeople().containsKey(type) ? (Object) own.getPeople().get(type).doubleValue()
            : "", n.doubleValue()));
    all.getEvents().forEach((type, n) -> assertThat(sheet.get("事件：" + Labels.text("EventType." + type, Labels.ZH)))
        .as(type).containsExactly(own.getEvents().containsKey(type)
            ? (Object) own.getEvents().get(type).doubleValue() : "", n.doubleValue()));
    long rows = sheet.keySet().stream().filter(k -> k.startsWith("协议与项目金额") || k.startsWith("参与人数")
        || k.startsWith("事件")).count();
    assertThat(rows).as("no figure the topic lacks").isEqualTo(all.getMoney().size() + all.getPeople().size()
        + all.getEvents().size());
  }

  private void partnersAsOnTheTopics(Map<String, List<Object>> summary, Map<String, List<Object>> partners) {
    List<Relationship> expected = partnersOf2024();
    assertThat(summary.get("伙伴数")).containsExactly((double) expected.size());
    for (Relationship r : expected) {
      String name = r.getPartnerNameZh() == null ? r.getPartnerNameEn() : r.getPartnerNameZh() + " " + r.getPartnerNameEn();
      assertThat(partners).as(r.getRelationshipId()).containsKey(name);
    }
  }

  /** The bands at the end, counted, equal the streams application's scores at the first moment of 2025 in Shanghai. */
  private void bandsAsTheStreamsApplicationScoresThem(Map<String, List<Object>> bands,
                                                      Map<String, List<Object>> partners) throws Exception {
    Map<String, Double> counted = new TreeMap<>();
    for (Relationship r : partnersOf2024()) {
      JsonNode history = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[4]
              + "/api/v1/vitality/" + r.getRelationshipId() + "/history?days=366&step=366&until=2025-01-01T00:00:00%2B08:00"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
      counted.merge(Labels.text("Band." + history.path("history").get(1).path("band").asText(), Labels.ZH), 1.0,
          Double::sum);
    }
    counted.forEach((band, n) -> assertThat(bands.get(band)).as(band).element(1).isEqualTo(n));
    assertThat(partners).hasSize(counted.values().stream().mapToInt(Double::intValue).sum() + 2);
  }

  /** Shanghai's and Changning's relationships on amity.relationships established by 2024's end, not ended before it. */
  private List<Relationship> partnersOf2024() {
    return TopicRecords.newest("127.0.0.1:" + ports[0], "http://127.0.0.1:" + ports[2], Topics.RELATIONSHIPS.name())
        .values().stream().map(Relationship.class::cast).filter(r -> r.getOfficeId().startsWith(TREE))
        .filter(r -> r.getEstablishedOn() == null || !r.getEstablishedOn().isAfter(LocalDate.of(2024, 12, 31)))
        .filter(r -> r.getStatusHistory().stream().noneMatch(c -> c.getStatus() == RelationshipStatus.ENDED
            && c.getSince().isBefore(LocalDate.of(2024, 1, 1)))).toList();
  }

  private static Object number(Long minor, String currency) {
    return minor == null ? "" : amount(minor, currency).doubleValue();
  }

  private static BigDecimal amount(Long minor, String currency) {
    return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits());
  }

  private static String format(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,." + amount.scale() + "f", amount);
  }

  /** Each row's cells after the first, by the first: numbers as doubles, text as text, empty as "". */
  private static Map<String, List<Object>> rows(Sheet sheet) {
    assertThat(sheet).isNotNull();
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    for (Row row : sheet) {
      if (row.getCell(0) == null) {
        continue;
      }
      List<Object> cells = new ArrayList<>();
      for (int i = 1; i < row.getLastCellNum(); i++) {
        Cell cell = row.getCell(i);
        cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
            : cell.getStringCellValue());
      }
      rows.put(row.getCell(0).getStringCellValue(), cells);
    }
    return rows;
  }
}
