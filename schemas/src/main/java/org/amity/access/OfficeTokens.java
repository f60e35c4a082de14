package org.amity.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The offices' API tokens, kept only as SHA-256 hashes (tokens are long random strings, so a fast hash
 * is enough). A presented token is hashed and compared with every office's hash in constant time.
 */
public final class OfficeTokens {
  /** No office has a token: every token is refused. */
  public static final OfficeTokens NONE = new OfficeTokens(Map.of());

  private final Map<String, byte[]> hashesByOffice;

  /** @param hexHashesByOffice office id → SHA-256 of its token, in hex (see {@link #hash}) */
  public OfficeTokens(Map<String, String> hexHashesByOffice) {
    this.hashesByOffice = Map.copyOf(hexHashesByOffice.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> parseHex(e.getKey(), e.getValue()))));
  }

  public boolean isEmpty() {
    return hashesByOffice.isEmpty();
  }

  /** The office whose token this is, if any. */
  public Optional<String> officeOf(String token) {
    byte[] presented = sha256(token);
    String match = null;
    for (Map.Entry<String, byte[]> entry : hashesByOffice.entrySet()) {
      if (MessageDigest.isEqual(presented, entry.getValue())) {
        match = entry.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  /** The token of an {@code Authorization: Bearer <token>} header; empty without one. */
  public static Optional<String> bearer(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorizationHeader.substring(7).trim());
  }

  /** The hex SHA-256 of a token, as configured for an office. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** A new random token: 32 bytes, URL-safe base64. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] parseHex(String office, String hex) {
    try {
      byte[] bytes = HexFormat.of().parseHex(hex.trim());
      if (bytes.length != 32) {
        throw new IllegalArgumentException("length");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The token hash of office " + office
          + " must be 64 hex digits (SHA-256; 'amity token " + office + "' makes one)");
    }
  }
}
