package org.amity.consumers.dashboard;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Dashboard passwords, hashed with PBKDF2 (HMAC-SHA256, a random 16-byte salt) and compared in constant time.
 * A hash reads {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in Base64 without padding). New hashes use
 * the iterations OWASP asks for PBKDF2-HMAC-SHA256; a hash with fewer still matches, and {@link #isWeak} tells.
 */
public final class PasswordHashes {
  public static final String SCHEME = "pbkdf2-sha256";
  public static final int ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private PasswordHashes() {}

  /** A new hash of the password, with a fresh salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return SCHEME + "$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether the password matches the hash; false (never an exception) for a malformed hash. */
  public static boolean matches(char[] password, String hash) {
    String[] parts = hash == null ? new String[0] : hash.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      boolean matches = MessageDigest.isEqual(derive(password, salt, iterations), expected);
      if (iterations < ITERATIONS) {
        // as long as a current hash takes, so that the time does not tell a user with an old hash from no user
        derive(password, salt, ITERATIONS - iterations);
      }
      return matches;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a well-formed hash has fewer iterations than new hashes get. */
  public static boolean isWeak(String hash) {
    return iterations(hash) < ITERATIONS;
  }

  /** The iterations of a well-formed hash. */
  public static int iterations(String hash) {
    return Integer.parseInt(hash.split("\\$")[1]);
  }

  /** Throws IllegalArgumentException naming what is wrong with a configured hash. */
  public static void check(String hash) {
    String[] parts = hash == null ? new String[0] : hash.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException("a password hash must read " + SCHEME
          + "$ITERATIONS$SALT$HASH ('amity dashboard --hash-password' makes one)");
    }
    try {
      if (Integer.parseInt(parts[1]) < 1) {
        throw new IllegalArgumentException("iterations must be positive");
      }
      Base64.getDecoder().decode(parts[2]);
      Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed password hash: " + e.getMessage());
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
