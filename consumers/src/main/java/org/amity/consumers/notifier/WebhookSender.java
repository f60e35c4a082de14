package org.amity.consumers.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JSON POST to a webhook URL: {@code {"text": "...", ...structured fields}}, the shape Slack, Mattermost,
 * Rocket.Chat and most chat tools' incoming webhooks accept (they show "text", and ignore what they do not know).
 * 2xx is delivered; 5xx, 408, 429 and no connection are transient; any other answer is permanent. With a secret, the
 * body is signed: {@value #TIMESTAMP} (Unix seconds) and {@value #SIGNATURE} ({@code v1=} and the hex HMAC-SHA256,
 * under the secret, of the timestamp, a dot and the body), which a receiver checks (docs/operations.md).
 */
public final class WebhookSender implements Sender {
  public static final String TIMESTAMP = "X-Amity-Timestamp";
  public static final String SIGNATURE = "X-Amity-Signature";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final Duration timeout;

  public WebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The JSON body sent for this message: Amity's fields with the text, or a WeCom or DingTalk group bot's message. */
  public static String body(Message message, Recipient.WebhookFormat format) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (format) {
      case WECOM -> {
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("content", "**" + message.subject() + "**\n" + message.text()));
      }
      case DINGTALK -> {
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("title", message.subject(), "text", "### " + message.subject() + "\n\n"
            + message.text().replace("\n", "  \n")));
      }
      case JSON -> {
        body.put("text", message.subject() + "\n" + message.text());
        body.put("subject", message.subject());
        body.putAll(message.fields());
      }
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A DingTalk bot's URL signed as DingTalk asks: {@code &timestamp=T&sign=S}, S the Base64 of the HMAC-SHA256 of
   * "T\nsecret" under the secret, URL-encoded.
   */
  static String signedUrl(String url, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String sign = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
      return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
          + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@value #SIGNATURE} header of a body sent at this moment (Unix seconds) under this secret. */
  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void send(Recipient recipient, Message message) throws DeliveryFailure {
    HttpRequest request;
    try {
      long now = System.currentTimeMillis();
      boolean dingTalk = recipient.format() == Recipient.WebhookFormat.DINGTALK;
      String url = recipient.secret() != null && dingTalk ? signedUrl(recipient.address(), recipient.secret(), now)
          : recipient.address();
      String body = body(message, recipient.format());
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
          .timeout(timeout)
          .header("Content-Type", "application/json; charset=utf-8")
          .header("Idempotency-Key", message.id())
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (recipient.secret() != null && !dingTalk) {
        long seconds = now / 1000;
        builder.header(TIMESTAMP, Long.toString(seconds)).header(SIGNATURE, signature(recipient.secret(), seconds, body));
      }
      request = builder.build();
    } catch (IllegalArgumentException e) {
      throw DeliveryFailure.permanentFailure("not a webhook URL: " + recipient.address(), e);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure("webhook unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("interrupted", e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String answer = "webhook answered " + status + ": " + abbreviate(response.body());
    if (status >= 500 || status == 408 || status == 429) {
      throw DeliveryFailure.transientFailure(answer, null);
    }
    throw DeliveryFailure.permanentFailure(answer, null);
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
