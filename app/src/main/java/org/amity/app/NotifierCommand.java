package org.amity.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.amity.consumers.notifier.Notifier;
import org.amity.consumers.notifier.NotifierSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity notifier}: tells the responsible people of each alert, by mail or webhook, until Ctrl-C. */
@Command(
    name = "notifier",
    mixinStandardHelpOptions = true,
    description = {
        "Reads alerts from amity.alerts and tells each relationship's recipients,",
        "by e-mail over SMTP and/or by a JSON POST to a webhook.",
        "Who gets what is in the --config file (README, 'Notifier'):",
        "  route.NAME.relationship|office|kind|band|to, responsible-officer,",
        "  digest.recipients, digest.at, digest.zone, retry.*, max-age-days.",
        "Each alert reaches each recipient once, also across restarts",
        "(delivery log: amity.notifier-deliveries); undeliverable ones go to",
        "amity.dead-letter. Flags below override the file. The SMTP password",
        "is read from env AMITY_SMTP_PASSWORD, never from a flag or the file.",
        ""})
final class NotifierCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The notifier's properties file: routes, digest, retries, SMTP, dashboard URL.")
  Path config;

  @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server (file: smtp.host; default localhost).")
  String smtpHost;

  @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (file: smtp.port; default 25).")
  Integer smtpPort;

  @Option(names = "--smtp-user", paramLabel = "USER",
      description = "SMTP user; with it the password comes from env AMITY_SMTP_PASSWORD (file: smtp.user; default none).")
  String smtpUser;

  @Option(names = "--smtp-from", paramLabel = "ADDRESS",
      description = "Sender address of the mails (file: smtp.from; default amity@localhost).")
  String smtpFrom;

  @Option(names = "--smtp-starttls",
      description = "Require STARTTLS (file: smtp.starttls; default false).")
  Boolean smtpStartTls;

  @Option(names = "--dashboard-url", paramLabel = "URL",
      description = "Base of the partner links, {URL}/partners/{office}/{partner} (file: dashboard-url; default http://localhost:8090).")
  String dashboardUrl;

  @Option(names = "--group-id", paramLabel = "ID",
      description = "Kafka consumer group; instances with one group share the alerts (file: group-id; default amity-notifier).")
  String groupId;

  @Override
  public Integer call() throws Exception {
    NotifierSettings settings;
    try {
      settings = NotifierSettings.from(properties());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), (config == null ? "" : config + ": ") + e.getMessage());
    }
    Notifier notifier = Notifier.start(settings, connection.clientConfig());
    notifier.awaitRunning(java.time.Duration.ofSeconds(60));
    System.out.println("Notifier: " + settings.routes().size() + " routes, mail via " + settings.smtp().host() + ":"
        + settings.smtp().port() + ", links to " + settings.dashboardUrl());
    Thread watchdog = new Thread(() -> {
      try {
        notifier.awaitStopped();
      } catch (InterruptedException e) {
        return;
      }
      if (notifier.failure() != null) {
        System.err.println("The notifier stopped: " + notifier.failure().getMessage()
            + " (nothing is lost: it resumes from the last alert it finished)");
        System.exit(1);
      }
    }, "amity-notifier-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    UntilStopped.run(notifier);
    return 0;
  }

  private Properties properties() throws IOException {
    Properties properties = new Properties();
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new ParameterException(spec.commandLine(), "No such configuration file: " + config);
      }
      try (Reader reader = Files.newBufferedReader(config)) {
        properties.load(reader);
      }
    }
    properties.remove("smtp.password");
    put(properties, "smtp.host", smtpHost);
    put(properties, "smtp.port", smtpPort);
    put(properties, "smtp.user", smtpUser);
    put(properties, "smtp.from", smtpFrom);
    put(properties, "smtp.starttls", smtpStartTls);
    put(properties, "dashboard-url", dashboardUrl);
    put(properties, "group-id", groupId);
    return properties;
  }

  private static void put(Properties properties, String key, Object value) {
    if (value != null) {
      properties.setProperty(key, value.toString());
    }
  }
}
