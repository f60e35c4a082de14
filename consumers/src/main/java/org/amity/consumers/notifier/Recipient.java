package org.amity.consumers.notifier;

import java.net.URI;
import java.util.Locale;

/**
 * Someone to tell: an e-mail address, or a webhook URL (http or https). A recipient with {@code digest} gets one
 * message a day listing its alerts instead of one message per alert.
 */
public record Recipient(String address, boolean digest) {

  public enum Channel { EMAIL, WEBHOOK }

  public Recipient {
    address = address == null ? "" : address.strip();
    if (channelOf(address) == null) {
      throw new IllegalArgumentException("Not an e-mail address or an http(s) URL: '" + address + "'");
    }
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
}
