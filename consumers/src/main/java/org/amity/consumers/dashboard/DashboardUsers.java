package org.amity.consumers.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may see the dashboard: user names with password hashes ({@link PasswordHashes}). Every dashboard user has the
 * read-only role {@link #ROLE_VIEWER}: the dashboard shows, it never changes anything.
 */
public final class DashboardUsers {
  public static final String ROLE_VIEWER = "viewer";
  /** Compared against when the user is unknown, so that an unknown name takes as long as a wrong password. */
  private static final String DUMMY = PasswordHashes.hash("not-a-password".toCharArray());

  private final Map<String, String> hashes;

  public DashboardUsers(Map<String, String> hashes) {
    Map<String, String> checked = new LinkedHashMap<>();
    hashes.forEach((name, hash) -> {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a dashboard user needs a name");
      }
      try {
        PasswordHashes.check(hash);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("user " + name + ": " + e.getMessage());
      }
      checked.put(name.trim(), hash.trim());
    });
    this.hashes = Map.copyOf(checked);
  }

  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  /** The user's name when the password is right. */
  public Optional<String> authenticate(String name, char[] password) {
    String hash = name == null ? null : hashes.get(name);
    boolean ok = PasswordHashes.matches(password, hash == null ? DUMMY : hash);
    return ok && hash != null ? Optional.of(name) : Optional.empty();
  }
}
