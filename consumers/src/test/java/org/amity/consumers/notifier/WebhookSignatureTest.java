package org.amity.consumers.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver on 127.0.0.1 checks a signed webhook as docs/operations.md tells receivers to. */
class WebhookSignatureTest {
  private static final String SECRET = "whsec-0f3c9a";
  private static final Message MESSAGE = new Message("[Amity] 萨克拉门托：转入休眠", "活力值 8（休眠）",
      Map.of("alertId", "a-1"), "a-1|desk@city.example.org");

  private final CompletableFuture<Map<String, String>> received = new CompletableFuture<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.complete(Map.of("body", body,
          "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP)),
          "signature", String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE))));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aJsonWebhookWithASecretCarriesATimestampAndTheHmacOfTimestampAndBody() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    new WebhookSender(Duration.ofSeconds(5)).send(recipient(SECRET), MESSAGE);
    Map<String, String> request = received.get(10, TimeUnit.SECONDS);

    long timestamp = Long.parseLong(request.get("timestamp"));
    assertThat(timestamp).isBetween(before, before + 5);
    assertThat(MessageDigest.isEqual(request.get("signature").getBytes(StandardCharsets.US_ASCII),
        expected(SECRET, request.get("timestamp"), request.get("body")).getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(expected("another-secret", request.get("timestamp"), request.get("body")))
        .isNotEqualTo(request.get("signature"));
    assertThat(expected(SECRET, request.get("timestamp"), request.get("body").replace("休眠", "活跃")))
        .as("a body changed on the way no longer matches").isNotEqualTo(request.get("signature"));
  }

  @Test
  void aWebhookWithoutASecretIsNotSigned() throws Exception {
    new WebhookSender(Duration.ofSeconds(5)).send(recipient(null), MESSAGE);
    assertThat(received.get(10, TimeUnit.SECONDS)).containsEntry("signature", "null").containsEntry("timestamp", "null");
  }

  private Recipient recipient(String secret) {
    return new Recipient("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", false, "zh",
        Recipient.WebhookFormat.JSON, secret);
  }

  /** What a receiver computes: v1= and the hex HMAC-SHA256 of "timestamp.body" under the shared secret. */
  private static String expected(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
