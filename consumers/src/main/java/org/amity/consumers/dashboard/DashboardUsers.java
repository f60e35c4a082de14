package org.amity.consumers.dashboard;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see the dashboard: user names with password hashes ({@link PasswordHashes}), and the office each user
 * belongs to. A user of an office sees that office and the offices under it; a user without an office sees every
 * office. A user is a {@link #ROLE_VIEWER}, who only reads, unless made an {@link #ROLE_OFFICER}, who also follows
 * alerts up (acknowledges, assigns, plans, decides, closes) for the offices the user sees.
 */
public final class DashboardUsers {
  public static final String ROLE_VIEWER = "viewer";
  public static final String ROLE_OFFICER = "officer";
  /** In configured entries, {@code NAME.office=OFFICE} gives user NAME's office, beside {@code NAME=HASH}. */
  public static final String OFFICE_SUFFIX = ".office";
  /** In configured entries, {@code NAME.role=officer} makes user NAME an officer. */
  public static final String ROLE_SUFFIX = ".role";
  private static final Pattern OFFICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Compared against when the user is unknown, so that an unknown name takes as long as a wrong password. */
  private static final String DUMMY = PasswordHashes.hash("not-a-password".toCharArray());

  private static final Logger log = LoggerFactory.getLogger(DashboardUsers.class);

  private final Map<String, String> hashes;
  private final VerifiedPasswords verified = new VerifiedPasswords();
  private final Map<String, String> offices;
  private final Set<String> officers;

  /** Viewers who see every office. */
  public DashboardUsers(Map<String, String> hashes) {
    this(hashes, Map.of());
  }

  /** Viewers with their password hashes, and the office of those who see only one office (with those under it). */
  public DashboardUsers(Map<String, String> hashes, Map<String, String> offices) {
    this(hashes, offices, Set.of());
  }

  /** Users with their password hashes, their offices, and which of them are officers. */
  public DashboardUsers(Map<String, String> hashes, Map<String, String> offices, Set<String> officers) {
    this.hashes = new ConcurrentHashMap<>(checkedHashes(hashes));
    this.offices = checkedOffices(offices, this.hashes);
    this.officers = checkedOfficers(officers, this.hashes);
  }

  /**
   * Users from configured entries: {@code NAME=HASH}, {@code NAME.office=OFFICE} for a user of one office and
   * {@code NAME.role=officer} (or viewer, the default).
   */
  public static DashboardUsers fromEntries(Map<String, String> entries) {
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, String> offices = new LinkedHashMap<>();
    Set<String> officers = new LinkedHashSet<>();
    entries.forEach((key, value) -> {
      if (key.endsWith(OFFICE_SUFFIX)) {
        offices.put(key.substring(0, key.length() - OFFICE_SUFFIX.length()), value);
      } else if (key.endsWith(ROLE_SUFFIX)) {
        String user = key.substring(0, key.length() - ROLE_SUFFIX.length());
        String role = value == null ? "" : value.trim();
        if (role.equals(ROLE_OFFICER)) {
          officers.add(user);
        } else if (!role.equals(ROLE_VIEWER)) {
          throw new IllegalArgumentException("user " + user + ": the role must be " + ROLE_VIEWER + " or "
              + ROLE_OFFICER + ", not \"" + value + "\"");
        }
      } else {
        hashes.put(key, value);
      }
    });
    return new DashboardUsers(hashes, offices, officers);
  }

  private static Set<String> checkedOfficers(Set<String> officers, Map<String, String> hashes) {
    for (String officer : officers) {
      if (!hashes.containsKey(officer.trim())) {
        throw new IllegalArgumentException("user " + officer + " has a role but no password hash");
      }
    }
    return officers.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
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

  /**
   * The user's name when the password is right. A right password under a weak hash (fewer iterations than new hashes
   * get) is hashed again, for this process; the configuration keeps the old hash until it is replaced, as the warning
   * logged says.
   */
  public Optional<String> authenticate(String name, char[] password) {
    if (name != null && verified.matches(name, password)) {
      return Optional.of(name);
    }
    String hash = name == null ? null : hashes.get(name);
    boolean ok = PasswordHashes.matches(password, hash == null ? DUMMY : hash);
    if (!ok || hash == null) {
      return Optional.empty();
    }
    verified.remember(name, password);
    if (PasswordHashes.isWeak(hash) && hashes.replace(name, hash, PasswordHashes.hash(password))) {
      log.warn("Dashboard user {}: the configured password hash has {} PBKDF2 iterations, fewer than {}; it is hashed "
          + "again for this run. Replace it in the configuration with the output of 'amity dashboard --hash-password'",
          name, PasswordHashes.iterations(hash), PasswordHashes.ITERATIONS);
    }
    return Optional.of(name);
  }

  /** The hash the user's password is checked against now. */
  String hashInUse(String user) {
    return hashes.get(user);
  }

  /** The user's role: {@link #ROLE_OFFICER} or {@link #ROLE_VIEWER}. */
  public String role(String user) {
    return user != null && officers.contains(user) ? ROLE_OFFICER : ROLE_VIEWER;
  }

  /** The user's office, whose relationships (and those of the offices under it) the user sees; empty: every office. */
  public Optional<String> office(String user) {
    return Optional.ofNullable(user == null ? null : offices.get(user));
  }
}
