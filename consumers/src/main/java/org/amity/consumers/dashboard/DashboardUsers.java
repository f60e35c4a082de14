package org.amity.consumers.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may see the dashboard: user names with password hashes ({@link PasswordHashes}), and the office each user
 * belongs to. A user of an office sees that office and the offices under it; a user without an office sees every
 * office. Every dashboard user has the read-only role {@link #ROLE_VIEWER}: the dashboard shows, it never changes
 * anything.
 */
public final class DashboardUsers {
  public static final String ROLE_VIEWER = "viewer";
  /** In configured entries, {@code NAME.office=OFFICE} gives user NAME's office, beside {@code NAME=HASH}. */
  public static final String OFFICE_SUFFIX = ".office";
  private static final Pattern OFFICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Compared against when the user is unknown, so that an unknown name takes as long as a wrong password. */
  private static final String DUMMY = PasswordHashes.hash("not-a-password".toCharArray());

  private final Map<String, String> hashes;
  private final Map<String, String> offices;

  /** Users who see every office. */
  public DashboardUsers(Map<String, String> hashes) {
    this(hashes, Map.of());
  }

  /** Users with their password hashes, and the office of those who see only one office (with those under it). */
  public DashboardUsers(Map<String, String> hashes, Map<String, String> offices) {
    this.hashes = checkedHashes(hashes);
    this.offices = checkedOffices(offices, this.hashes);
  }

  /** Users from configured entries: {@code NAME=HASH}, and {@code NAME.office=OFFICE} for a user of one office. */
  public static DashboardUsers fromEntries(Map<String, String> entries) {
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, String> offices = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      if (key.endsWith(OFFICE_SUFFIX)) {
        offices.put(key.substring(0, key.length() - OFFICE_SUFFIX.length()), value);
      } else {
        hashes.put(key, value);
      }
    });
    return new DashboardUsers(hashes, offices);
  }

  private static Map<String, String> checkedHashes(Map<String, String> hashes) {
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
    return Map.copyOf(checked);
  }

  private static Map<String, String> checkedOffices(Map<String, String> offices, Map<String, String> hashes) {
    Map<String, String> checked = new LinkedHashMap<>();
    offices.forEach((name, office) -> {
      String user = name == null ? "" : name.trim();
      if (!hashes.containsKey(user)) {
        throw new IllegalArgumentException("user " + user + " has an office but no password hash");
      }
      if (office == null || !OFFICE_ID.matcher(office.trim()).matches()) {
        throw new IllegalArgumentException("user " + user + ": the office must be an office id such as "
            + "shanghai-changning, not \"" + office + "\"");
      }
      checked.put(user, office.trim());
    });
    return Map.copyOf(checked);
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

  /** The user's office, whose relationships (and those of the offices under it) the user sees; empty: every office. */
  public Optional<String> office(String user) {
    return Optional.ofNullable(user == null ? null : offices.get(user));
  }
}
