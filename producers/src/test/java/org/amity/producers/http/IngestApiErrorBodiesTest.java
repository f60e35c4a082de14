package org.amity.producers.http;

import static org.amity.producers.http.IngestFixture.JSON;
import static org.amity.producers.http.IngestFixture.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.amity.platform.EmbeddedPlatformExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever is wrong with a request (a method an endpoint does not take, a path that does not exist, a broken URI or
 * header), the answer is the documented JSON error with its status, never Jetty's HTML or plain text. The requests go
 * over a raw socket, so that they can be as broken as a careless client makes them.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class IngestApiErrorBodiesTest {
  private static IngestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new IngestFixture(EmbeddedPlatformExtension.platform());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a method the relationships do not take | DELETE /api/v1/relationships HTTP/1.1                | 405
      a method the offices do not take       | POST /api/v1/offices HTTP/1.1                        | 405
      TRACE                                  | TRACE /api/v1/events HTTP/1.1                         | 405
      a path that does not exist             | GET /api/v2/events HTTP/1.1                           | 404
      a broken percent escape                | GET /api/v1/relationships/%zz HTTP/1.1                | 400
      a path that climbs out                 | GET /api/v1/../../etc/passwd HTTP/1.1                 | 404
      a space in the path                    | GET /api/v1/rela tionships HTTP/1.1                   | 400
      """)
  void anyErrorIsAnsweredInJson(String name, String requestLine, int status) throws IOException {
    Answer answer = send(requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN_A
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).as(answer.text()).startsWith("application/json");
    assertThat(JSON.readTree(answer.body()).path("error").asText()).as(answer.text()).isNotBlank();
  }

  @Test
  void aHeaderTooLargeIsAnsweredInJson() throws IOException {
    Answer answer = send("GET /api/v1/relationships HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "x".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).as(answer.text()).isEqualTo(431);
    assertThat(answer.contentType()).as(answer.text()).startsWith("application/json");
  }

  @Test
  void aBodyThatStopsArrivingIsAnswered408InJsonWhenItsTimeIsUp() throws IOException {
    Answer answer = send("POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN_A
        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":");
    assertThat(answer.status()).as(answer.text()).isEqualTo(408);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("did not arrive within 10 s", "秒内没有送达");
  }

  private record Answer(int status, String contentType, String body, String text) {}

  /** Sends the bytes as they are (a request may stop half-way) and reads the answer to the end of the connection. */
  private static Answer send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fixture.api.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunked(body);
      }
      int status = Integer.parseInt(head.split(" ")[1]);
      String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
          .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
      return new Answer(status, contentType, body, text);
    }
  }

  private static String dechunked(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
