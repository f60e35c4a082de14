package org.amity.consumers.dashboard;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords found right in the last minutes, kept as HMACs under a key that lives only in this process, so that a
 * script's HTTP Basic requests do not each derive a PBKDF2 key. A wrong password is never kept.
 */
final class VerifiedPasswords {
  static final Duration KEPT_FOR = Duration.ofMinutes(5);

  private record Verified(byte[] mac, long untilNanos) {}

  private final SecretKeySpec key;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedPasswords() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  boolean matches(String user, char[] password) {
    Verified entry = verified.get(user);
    if (entry == null || System.nanoTime() - entry.untilNanos() > 0) {
      return false;
    }
    return MessageDigest.isEqual(entry.mac(), mac(user, password));
  }

  void remember(String user, char[] password) {
    verified.put(user, new Verified(mac(user, password), System.nanoTime() + KEPT_FOR.toNanos()));
  }

  private byte[] mac(String user, char[] password) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      hmac.update(user.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      hmac.update(bytes);
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } finally {
      Arrays.fill(bytes.array(), (byte) 0);
    }
  }
}
