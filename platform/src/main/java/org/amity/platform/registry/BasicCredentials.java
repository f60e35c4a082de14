package org.amity.platform.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The user/password pairs that HTTP basic authentication accepts; none means the server is open. */
final class BasicCredentials {
  private static final String SCHEME = "basic ";

  private final List<byte[]> accepted;

  BasicCredentials(Map<String, String> passwordsByUser) {
    this.accepted = passwordsByUser.entrySet().stream()
        .map(e -> (e.getKey() + ":" + e.getValue()).getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  boolean required() {
    return !accepted.isEmpty();
  }

  /** Whether an {@code Authorization} header carries one of the accepted pairs. */
  boolean accepts(String authorization) {
    byte[] presented = decode(authorization);
    if (presented == null) {
      return false;
    }
    boolean match = false;
    // Compares with every pair, in constant time, so the timing tells nothing about which one nearly matched.
    for (byte[] pair : accepted) {
      match |= MessageDigest.isEqual(presented, pair);
    }
    return match;
  }

  private static byte[] decode(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + accepted.size() + " user(s)]";
  }
}
