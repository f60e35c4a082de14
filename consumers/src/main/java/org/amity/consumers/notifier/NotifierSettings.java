package org.amity.consumers.notifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.amity.aggregates.AlertKind;
import org.amity.aggregates.Band;
import org.amity.contract.Topics;

/**
 * The notifier's configuration, read from a properties file (docs/operations.md, "Notifier", has an example). Every key is
 * optional except that an alert with no recipient is only logged.
 *
 * @param dashboardUrl       base of the links in messages: {dashboardUrl}/partners/{office}/{partner}
 * @param smtp               the mail server
 * @param routes             the routing rules, ordered by name
 * @param responsibleOfficer when the relationship's responsible officer (when an e-mail address) is told
 * @param digestRecipients   recipients who get one message a day instead of one per alert
 * @param digestAt           when the daily digest goes out, in {@code digestZone}
 * @param maxAttempts        tries per alert and recipient for a transient failure before it is dead-lettered
 * @param initialBackoff     the wait after the first failed try; doubled after each further one
 * @param maxBackoff         the longest wait between tries
 * @param maxAge             alerts raised longer ago than this are not sent (a new notifier on an old cluster
 *                           does not flood its recipients with history)
 * @param groupId            the Kafka consumer group; instances with the same group share the alerts
 * @param alertsTopic        where alerts come from
 * @param deliveriesTopic    the delivery log (compacted)
 * @param deadLetterTopic    where undeliverable alerts go
 * @param officesTopic       the offices: their language, time zone and alert contact
 */
public record NotifierSettings(
    String dashboardUrl,
    Smtp smtp,
    List<Route> routes,
    ResponsibleOfficer responsibleOfficer,
    Set<String> digestRecipients,
    LocalTime digestAt,
    ZoneId digestZone,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxAge,
    String groupId,
    String alertsTopic,
    String deliveriesTopic,
    String deadLetterTopic,
    String officesTopic) {

  /** When the relationship's responsible officer is a recipient. */
  public enum ResponsibleOfficer {
    /** Always, besides whoever the routes name. */
    ALWAYS,
    /** Only when no route matches the alert (the default). */
    FALLBACK,
    /** Never. */
    NEVER
  }

  /** The SMTP server; {@code user} empty for none. The password comes from the environment, never from the file. */
  public record Smtp(String host, int port, String user, String password, String from, boolean startTls,
                     Duration timeout) {
    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + ", user=" + user + ", from=" + from + ", starttls=" + startTls + "]";
    }
  }

  public NotifierSettings {
    dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
    routes = List.copyOf(routes);
    digestRecipients = Set.copyOf(digestRecipients);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retry.max-attempts must be at least 1, not " + maxAttempts);
    }
  }

  /** The settings of this file. */
  public static NotifierSettings load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return from(properties);
  }

  /**
   * The settings these properties give, defaults for the rest. A bad value is refused with its key named.
   * The SMTP password is {@code smtp-password} when given (for tests), else env {@code AMITY_SMTP_PASSWORD}.
   */
  private static final List<String> ROUTE_KEYS = List.of("relationship", "office", "kind", "band", "to", "language", "format",
      "secret-env");

  private static String language(Properties p, String key) {
    String value = p.getProperty(key, "").strip();
    if (!value.isEmpty() && !value.equals("zh") && !value.equals("en")) {
      throw new IllegalArgumentException(key + " must be zh or en, not '" + value + "'");
    }
    return value.isEmpty() ? null : value;
  }

  private static Recipient.WebhookFormat format(Properties p, String key) {
    String value = p.getProperty(key, "json").strip();
    try {
      return Recipient.WebhookFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be json, wecom or dingtalk, not '" + value + "'", e);
    }
  }

  /** A route's signing secret, read from the environment variable the file names (secrets are never in the file). */
  private static String secret(Properties p, String key, Map<String, String> env) {
    String variable = p.getProperty(key, "").strip();
    if (variable.isEmpty()) {
      return null;
    }
    String secret = env.get(variable);
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(key + " names the environment variable " + variable + ", which is not set");
    }
    return secret;
  }

  public static NotifierSettings from(Properties p) {
    return from(p, System.getenv());
  }

  /** Whether a key of the {@code notifier.*} section is one of its settings (a route's, the digest's, SMTP's...). */
  public static boolean knows(String key) {
    return key.startsWith("route.") || keysReadByFrom().contains(key);
  }

  /** The keys of the notifier's own settings, besides its routes: those {@link #from} reads. */
  private static Set<String> keysReadByFrom() {
    Set<String> asked = new TreeSet<>();
    Properties recording = new Properties() {
      @Override
      public String getProperty(String key) {
        asked.add(key);
        return super.getProperty(key);
      }
    };
    from(recording, Map.of());
    return Set.copyOf(asked);
  }

  /** The settings these properties give, secrets taken from {@code env}. */
  public static NotifierSettings from(Properties p, Map<String, String> env) {
    List<Route> routes = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("route.")) {
        int dot = key.indexOf('.', "route.".length());
        if (dot < 0) {
          throw new IllegalArgumentException("Routing keys are route.NAME.(" + String.join("|", ROUTE_KEYS) + "), not " + key);
        }
        names.add(key.substring("route.".length(), dot));
      }
    }
    for (String name : names) {
      String prefix = "route." + name + ".";
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith(prefix) && !ROUTE_KEYS.contains(key.substring(prefix.length()))) {
          throw new IllegalArgumentException("Unknown routing key " + key + " (route.NAME." + String.join("|", ROUTE_KEYS) + ")");
        }
      }
      List<String> to = list(p, prefix + "to");
      if (to.isEmpty()) {
        throw new IllegalArgumentException(prefix + "to names no recipient");
      }
      for (String address : to) {
        if (!Recipient.isAddress(address)) {
          throw new IllegalArgumentException(prefix + "to: not an e-mail address or an http(s) URL: '" + address + "'");
        }
      }
      routes.add(new Route(name, Set.copyOf(list(p, prefix + "relationship")), Set.copyOf(list(p, prefix + "office")),
          names(p, prefix + "kind", AlertKind.class), names(p, prefix + "band", Band.class), to, language(p, prefix + "language"),
          format(p, prefix + "format"), secret(p, prefix + "secret-env", env)));
    }
    List<String> digest = list(p, "digest.recipients");
    for (String address : digest) {
      if (!Recipient.isAddress(address)) {
        throw new IllegalArgumentException("digest.recipients: not an e-mail address or an http(s) URL: '" + address + "'");
      }
    }
    String password = p.getProperty("smtp-password", System.getenv().getOrDefault("AMITY_SMTP_PASSWORD", ""));
    Smtp smtp = new Smtp(p.getProperty("smtp-host", "localhost").strip(), integer(p, "smtp-port", 25),
        p.getProperty("smtp-user", "").strip(), password, p.getProperty("smtp-from", "amity@localhost").strip(),
        Boolean.parseBoolean(p.getProperty("smtp-starttls", "false").strip()),
        Duration.ofMillis(integer(p, "smtp-timeout-ms", 10_000)));
    ResponsibleOfficer officer;
    try {
      officer = ResponsibleOfficer.valueOf(p.getProperty("responsible-officer", "fallback").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("responsible-officer must be always, fallback or never, not '"
          + p.getProperty("responsible-officer") + "'");
    }
    LocalTime digestAt;
    ZoneId zone;
    try {
      digestAt = LocalTime.parse(p.getProperty("digest.at", "08:00").strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("digest.at must be a time of day like 08:00, not '" + p.getProperty("digest.at") + "'");
    }
    try {
      zone = ZoneId.of(p.getProperty("digest.zone", "UTC").strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("digest.zone must be a time zone like Asia/Shanghai, not '" + p.getProperty("digest.zone") + "'");
    }
    return new NotifierSettings(
        p.getProperty("dashboard-url", "http://localhost:8070").strip(),
        smtp, routes, officer, new LinkedHashSet<>(digest), digestAt, zone,
        integer(p, "retry.max-attempts", 8),
        Duration.ofMillis(integer(p, "retry.initial-backoff-ms", 1000)),
        Duration.ofMillis(integer(p, "retry.max-backoff-ms", 60_000)),
        Duration.ofDays(integer(p, "max-age-days", 30)),
        p.getProperty("group-id", "amity-notifier").strip(),
        p.getProperty("topics.alerts", Topics.ALERTS.name()).strip(),
        p.getProperty("topics.deliveries", Topics.NOTIFIER_DELIVERIES.name()).strip(),
        p.getProperty("topics.dead-letter", Topics.DEAD_LETTER.name()).strip(),
        p.getProperty("topics.offices", Topics.OFFICES.name()).strip());
  }

  /** The wait after the given failed try (1 for the first): initial backoff doubled per try, at most the maximum. */
  public Duration backoff(int failedTries) {
    long factor = 1L << Math.min(30, Math.max(0, failedTries - 1));
    long millis = initialBackoff.toMillis() * factor;
    return Duration.ofMillis(millis < 0 ? maxBackoff.toMillis() : Math.min(millis, maxBackoff.toMillis()));
  }

  private static List<String> list(Properties p, String key) {
    String value = p.getProperty(key, "");
    return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static <E extends Enum<E>> Set<String> names(Properties p, String key, Class<E> type) {
    Set<String> known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    Set<String> names = new LinkedHashSet<>();
    for (String name : list(p, key)) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (!known.contains(upper)) {
        throw new IllegalArgumentException(key + ": '" + name + "' is none of " + new TreeSet<>(known));
      }
      names.add(upper);
    }
    return names;
  }

  private static int integer(Properties p, String key, int defaultValue) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
    }
  }
}
