package org.amity.consumers.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.amity.consumers.view.DashboardView;
import org.amity.partners.RelationshipKind;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The leadership report downloaded from the dashboard: an office the user sees, as XLSX or PDF, named for the office,
 * period and language; every bad request refused with its status and a message in Chinese and English.
 */
class ReportDownloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "report-test";
  private static final String CITY_USER = "li.shanghai";
  private static final String DISTRICT_USER = "chen.changning";
  private static final DashboardView VIEW = new DashboardView();
  private static DashboardServer server;

  @BeforeAll
  static void start() {
    Fixtures.shanghaiAndChangning(VIEW);
    VIEW.putRelationship("shanghai/nl-rotterdam", Fixtures.relationship("shanghai/nl-rotterdam", "Rotterdam", "鹿特丹",
        "NL", null, RelationshipKind.SISTER_CITY, LocalDate.of(1979, 5, 29)));
    String hash = PasswordHashes.hash(PASSWORD.toCharArray());
    server = new DashboardServer(new DashboardSettings("127.0.0.1", 0), DashboardUsers.fromEntries(Map.of(CITY_USER,
        hash, CITY_USER + ".office", "shanghai", DISTRICT_USER, hash, DISTRICT_USER + ".office",
        "shanghai-changning")), VIEW).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anOfficeTheUserSeesIsReportedAsAWorkbookNamedForItsOfficePeriodAndLanguage() throws Exception {
    HttpResponse<byte[]> answer = get(CITY_USER, "/api/v1/report?office=shanghai&period=2024&format=XLSX&lang=zh");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(ReportDownload.XLSX);
    assertThat(answer.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"amity-report-shanghai-2024-zh.xlsx\"");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("上海市外办友城工作报告（2024年）");
      assertThat(book.getSheet("伙伴明细").getRow(2).getCell(0).getStringCellValue()).isEqualTo("鹿特丹 Rotterdam");
    }
    HttpResponse<byte[]> pdf = get(CITY_USER, "/api/v1/report?office=shanghai&period=2024-01-01..2024-06-30"
        + "&format=pdf&lang=en");
    assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isIn(200, 503);
    if (pdf.statusCode() == 200) {
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"amity-report-shanghai-2024-01-01..2024-06-30-en.pdf\"");
    }
  }

  @Test
  void aDistrictUserGetsNotFoundForTheCitysReportJustAsForAnOfficeThatDoesNotExist() throws Exception {
    HttpResponse<byte[]> city = get(DISTRICT_USER, "/api/v1/report?office=shanghai&period=2024");
    HttpResponse<byte[]> nowhere = get(DISTRICT_USER, "/api/v1/report?office=nowhere&period=2024");
    assertThat(city.statusCode()).isEqualTo(404);
    assertThat(text(city)).isEqualTo(text(nowhere).replace("nowhere", "shanghai"));
    assertThat(get(DISTRICT_USER, "/api/v1/report?office=shanghai-changning&period=2024").statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no office            | period=2024                                          | 400 | 缺少 office;office is missing
      blank office         | office=%20&period=2024                               | 400 | 缺少 office;office is missing
      unknown office       | office=nowhere&period=2024                           | 404 | 没有外办 nowhere;No office nowhere
      no period            | office=shanghai                                      | 400 | period 应为;period must be a year
      two-digit year       | office=shanghai&period=24                            | 400 | 而不是 "24";not "24"
      thirteenth month     | office=shanghai&period=2024-13                       | 400 | not "2024-13"
      day that is not one  | office=shanghai&period=2024-02-30..2024-03-01        | 400 | not "2024-02-30..2024-03-01"
      one day only         | office=shanghai&period=2024-05-01                    | 400 | not "2024-05-01"
      period backwards     | office=shanghai&period=2024-06-30..2024-01-01        | 400 | 晚于结束日期;after its end
      more than ten years  | office=shanghai&period=2000-01-01..2024-12-31        | 400 | 最长十年;ten years at most
      period to come       | office=shanghai&period=2099                          | 400 | 尚未开始;has not begun
      unknown format       | office=shanghai&period=2024&format=docx              | 400 | format 应为 xlsx 或 pdf;not "docx"
      csv is not a report  | office=shanghai&period=2024&format=csv               | 400 | format must be xlsx or pdf
      unknown language     | office=shanghai&period=2024&lang=fr                  | 400 | lang 应为 zh 或 en;lang must be zh or en, not "fr"
      language spelt out   | office=shanghai&period=2024&lang=chinese             | 400 | not "chinese"
      """)
  void aBadRequestIsRefusedNamingWhatIsWrong(String name, String query, int status, String mentions)
      throws Exception {
    HttpResponse<byte[]> answer = get(CITY_USER, "/api/v1/report?" + query);
    assertThat(answer.statusCode()).as(text(answer)).isEqualTo(status);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("error").asText()).contains(mentions.split(";")).contains(" / ");
    assertThat(answer.headers().firstValue("Content-Disposition")).isEmpty();
  }

  @Test
  void withoutTheRightPasswordOrWithAnotherMethodThereIsNoReport() throws Exception {
    HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
        + "/api/v1/report?office=shanghai&period=2024")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> wrong = HTTP.send(request(CITY_USER, "wrong", "/api/v1/report?office=shanghai&period=2024")
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> post = HTTP.send(request(CITY_USER, PASSWORD, "/api/v1/report?office=shanghai&period=2024")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private static HttpResponse<byte[]> get(String user, String path) throws Exception {
    return HTTP.send(request(user, PASSWORD, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder request(String user, String password, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Basic " + credentials);
  }

  private static String text(HttpResponse<byte[]> answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
