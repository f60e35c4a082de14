package org.amity.consumers.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhook bodies as Amity's JSON, and as the WeCom and DingTalk group bots take them; DingTalk's signed URL. */
class WebhookFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Message MESSAGE = new Message("[Amity] 萨克拉门托：转入休眠", "活力值 8（休眠）\n伙伴页面：https://x",
      Map.of("alertId", "a-1"), "id");

  @Test
  void weComGetsAMarkdownMessage() throws Exception {
    JsonNode body = JSON.readTree(WebhookSender.body(MESSAGE, Recipient.WebhookFormat.WECOM));
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").path("content").asText()).startsWith("**[Amity] 萨克拉门托：转入休眠**\n活力值 8");
    assertThat(body.has("alertId")).isFalse();
  }

  @Test
  void dingTalkGetsAMarkdownMessageWithATitle() throws Exception {
    JsonNode body = JSON.readTree(WebhookSender.body(MESSAGE, Recipient.WebhookFormat.DINGTALK));
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").path("title").asText()).isEqualTo("[Amity] 萨克拉门托：转入休眠");
    assertThat(body.path("markdown").path("text").asText()).contains("### [Amity]", "活力值 8（休眠）  \n伙伴页面");
  }

  @Test
  void amitysOwnJsonCarriesTheTextAndTheFields() throws Exception {
    JsonNode body = JSON.readTree(WebhookSender.body(MESSAGE, Recipient.WebhookFormat.JSON));
    assertThat(body.path("text").asText()).startsWith("[Amity] 萨克拉门托");
    assertThat(body.path("alertId").asText()).isEqualTo("a-1");
  }

  @Test
  void aDingTalkUrlIsSignedWithTheTimestampAndTheHmacOfTheSecret() throws Exception {
    String url = WebhookSender.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC123", 1700000000000L);
    assertThat(url).startsWith("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=");
    String sign = URLDecoder.decode(url.substring(url.indexOf("&sign=") + 6), StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SEC123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(sign).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal("1700000000000\nSEC123".getBytes(StandardCharsets.UTF_8))));
  }
}
