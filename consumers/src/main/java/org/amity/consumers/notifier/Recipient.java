package org.amity.consumers.notifier;

import java.net.URI;
import java.util.Locale;

/**
 * Someone to tell: an e-mail address, or a webhook URL (http or https). A recipient with {@code digest} gets one
 * message a day listing its alerts instead of one message per alert.
 *
 * @param language "zh" or "en" for this recipient, or null for the office's language
 * @param format how a webhook's body is written: Amity's JSON, or a WeCom or DingTalk group bot's message
 * @param secret the secret that signs its webhooks (a DingTalk bot's URL, else the body), or null (never shown)
 */
public record Recipient(String address, boolean digest, String language, WebhookFormat format, String secret) {

  public enum Channel { EMAIL, WEBHOOK }

  /** The body a webhook receives. */
  public enum WebhookFormat { JSON, WECOM, DINGTALK }

  public Recipient {
    address = address == null ? "" : address.strip();
    format = format == null ? WebhookFormat.JSON : format;
    if (channelOf(address) == null) {
      throw new IllegalArgumentException("Not an e-mail address or an http(s) URL: '" + address + "'");
    }
  }

  public Recipient(String address, boolean digest) {
    this(address, digest, null, WebhookFormat.JSON, null);
  }

  public Channel channel() {
    return channelOf(address);
  }

  /** True for text that can be a recipient: an e-mail address or an http(s) URL. */
  public static boolean isAddress(String text) {
    return text != null && channelOf(text.strip()) != null;
  }

  private static Channel channelOf(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return URI.create(address).getHost() == null ? null : Channel.WEBHOOK;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    int at = address.indexOf('@');
    boolean email = at > 0 && at == address.lastIndexOf('@') && address.indexOf('.', at) > at + 1
        && !address.endsWith(".") && address.chars().noneMatch(c -> Character.isWhitespace(c) || c == ',' || c == '<' || c == '>');
    return email ? Channel.EMAIL : null;
  }

  @Override
  public String toString() {
    return address + (language == null ? "" : " (" + language + ")") + (format == WebhookFormat.JSON ? "" : " " + format);
  }
}
