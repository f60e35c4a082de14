package org.amity.app;

import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.amity.consumers.notifier.Notifier;
import org.amity.consumers.notifier.NotifierSettings;
import org.amity.ops.Health;
import org.amity.ops.OpsServer;
import org.amity.ops.Telemetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity notifier}: tells the responsible people of each alert, by mail or webhook, until Ctrl-C. */
@Command(
    name = "notifier",
    header = "把提醒发给各外办 / Sends the alerts to each office's recipients",
    mixinStandardHelpOptions = true,
    description = {
        "Reads alerts from amity.alerts and tells each relationship's recipients,",
        "by e-mail over SMTP and/or by a JSON POST to a webhook.",
        "Who gets what is in the configuration file (--config), under notifier.",
        "(docs/operations.md, 'Notifier'): notifier.route.NAME.relationship|office|kind|band|to|language|format|secret-env,",
        "notifier.responsible-officer, notifier.digest.recipients|at|zone,",
        "notifier.retry.*, notifier.max-age-days.",
        "Each alert reaches each recipient once, also across restarts",
        "(delivery log: amity.notifier-deliveries); undeliverable ones go to",
        "amity.dead-letter. The SMTP password is read from env",
        "AMITY_SMTP_PASSWORD, never from a flag or the file.",
        ""})
final class NotifierCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server (default localhost).")
  String smtpHost;

  @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default 25).")
  Integer smtpPort;

  @Option(names = "--smtp-user", paramLabel = "USER",
      description = "SMTP user; with it the password comes from env AMITY_SMTP_PASSWORD (default none).")
  String smtpUser;

  @Option(names = "--smtp-from", paramLabel = "ADDRESS",
      description = "Sender address of the mails (default amity@localhost).")
  String smtpFrom;

  @Option(names = "--smtp-starttls",
      description = "Require STARTTLS (default false).")
  Boolean smtpStartTls;

  @Option(names = "--dashboard-url", paramLabel = "URL",
      description = "Base of the partner links, {URL}/partners/{office}/{partner} (default http://localhost:8070).")
  String dashboardUrl;

  @Option(names = "--group-id", paramLabel = "ID",
      description = "Kafka consumer group; instances with one group share the alerts (default amity-notifier).")
  String groupId;

  @Option(names = "--ops-host", defaultValue = "127.0.0.1",
      description = "Address of the operators' port: /metrics, /health/live, /health/ready (default: ${DEFAULT-VALUE}).")
  String opsHost;

  @Option(names = "--ops-port", defaultValue = "8071", description = "The operators' port (default: ${DEFAULT-VALUE}).")
  int opsPort;

  @Override
  public Integer call() throws Exception {
    NotifierSettings settings;
    try {
      settings = NotifierSettings.from(properties());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "notifier configuration: " + e.getMessage());
    }
    Notifier notifier = Notifier.start(settings, connection.clientConfig());
    Telemetry telemetry = Telemetry.of("notifier");
    notifier.bindTo(telemetry.registry());
    OpsServer ops = OpsServer.start(opsHost, opsPort, telemetry, new Health()
        .live("notifier", () -> Optional.ofNullable(notifier.failure())
            .map(e -> "通知服务已停止 / The notifier stopped: " + e.getMessage()))
        .ready("notifier", () -> notifier.isRunning() ? Optional.empty()
            : Optional.of("通知服务尚未运行 / The notifier is not running yet")));
    notifier.awaitRunning(java.time.Duration.ofSeconds(60));
    String smtp = settings.smtp().host() + ":" + settings.smtp().port();
    String opsUrl = "http://" + opsHost + ":" + ops.port();
    System.out.println("通知服务：" + settings.routes().size() + " 条路由，经 " + smtp + " 发邮件，链接指向 " + settings.dashboardUrl()
        + "，指标与健康检查在 " + opsUrl + " / Notifier: " + settings.routes().size() + " routes, mail via " + smtp
        + ", links to " + settings.dashboardUrl() + "; metrics and health on " + opsUrl);
    Thread watchdog = new Thread(() -> {
      try {
        notifier.awaitStopped();
      } catch (InterruptedException e) {
        return;
      }
      if (notifier.failure() != null) {
        String reason = notifier.failure().getMessage();
        System.err.println("通知服务已停止：" + reason + "（没有丢失：重启后从最后处理完的提醒继续） / The notifier stopped: "
            + reason + " (nothing is lost: it resumes from the last alert it finished)");
        System.exit(1);
      }
    }, "amity-notifier-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    UntilStopped.run(notifier, ops, telemetry);
    return 0;
  }

  private Properties properties() {
    Properties properties = AmityConfig.of(spec).section("notifier.", false);
    properties.remove("smtp-password");
    put(properties, "smtp-host", smtpHost);
    put(properties, "smtp-port", smtpPort);
    put(properties, "smtp-user", smtpUser);
    put(properties, "smtp-from", smtpFrom);
    put(properties, "smtp-starttls", smtpStartTls);
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
