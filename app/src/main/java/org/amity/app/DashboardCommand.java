package org.amity.app;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amity.consumers.view.DashboardFeed;
import org.amity.consumers.dashboard.DashboardServer;
import org.amity.consumers.dashboard.DashboardSettings;
import org.amity.consumers.dashboard.DashboardUsers;
import org.amity.consumers.view.DashboardView;
import org.amity.consumers.dashboard.FollowUpWriter;
import org.amity.consumers.dashboard.PasswordHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity dashboard}: the web dashboard and its JSON API, until Ctrl-C. */
@Command(
    name = "dashboard",
    header = "提供仪表盘网页 / Serves the dashboard",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the dashboard: partners by band per office, the office ranking, the newest alerts, the partner",
        "table (filters, CSV export) and each partner's score history, components and forecast, updated live.",
        "It reads amity.vitality, amity.activity, amity.yields, amity.office-rollups, amity.alerts,",
        "amity.follow-ups and the master data from the beginning (committed records only) into memory. JSON API",
        "under /api/v1/; only /metrics, /health/live, /health/ready and the sign-in page are open.",
        "Users sign in with a password; only PBKDF2 hashes are configured ('amity dashboard --hash-password'",
        "makes one). A user given an office (--user-office, or NAME.office=OFFICE beside NAME=HASH) sees that",
        "office and the offices under it; others see every office. A user is a viewer, who only reads, unless made",
        "an officer (--user-role NAME=officer, or NAME.role=officer), who also follows alerts up: the steps are",
        "written to amity.follow-up-steps."})
final class DashboardCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8070", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--user", paramLabel = "NAME=HASH",
      description = "A dashboard user and the hash of their password. Repeatable. Also read from env "
          + "AMITY_DASHBOARD_USERS (NAME=HASH,NAME.office=OFFICE,...).")
  Map<String, String> userHashes = new LinkedHashMap<>();

  @Option(names = "--user-office", paramLabel = "NAME=OFFICE",
      description = "The office a dashboard user belongs to: the user sees that office and the offices under it "
          + "(a city office's user its districts too). Repeatable. A user without an office sees every office.")
  Map<String, String> userOffices = new LinkedHashMap<>();

  @Option(names = "--user-role", paramLabel = "NAME=ROLE",
      description = "A dashboard user's role: viewer (the default: only reads) or officer (also follows alerts up: "
          + "acknowledges, assigns, plans an exchange, decides, closes). Repeatable.")
  Map<String, String> userRoles = new LinkedHashMap<>();

  @Option(names = "--users-file", paramLabel = "FILE",
      description = "A properties file of NAME=HASH lines, and NAME.office=OFFICE and NAME.role=officer lines.")
  Path usersFile;

  @Option(names = "--streams-url", paramLabel = "URL",
      description = "The streams application's query API (e.g. http://localhost:8090), asked for a partner's full "
          + "score history (without it the chart shows the records the dashboard has seen).")
  String streamsUrl;

  @Option(names = "--streams-token", paramLabel = "OFFICE=TOKEN",
      description = "An office's API token for the streams query API; it serves that office and the offices under it. "
          + "Repeatable. Also read from env AMITY_DASHBOARD_STREAMS_TOKENS (OFFICE=TOKEN,...).")
  Map<String, String> streamsTokens = new LinkedHashMap<>();

  @Option(names = "--streams-tokens-file", paramLabel = "FILE", description = "A properties file of OFFICE=TOKEN lines.")
  Path streamsTokensFile;

  @Option(names = "--hash-password",
      description = "Reads a password (from the console without echo, else one line of standard input), prints the "
          + "NAME=HASH value to configure, and exits.")
  boolean hashPassword;

  @Override
  public Integer call() throws Exception {
    if (hashPassword) {
      char[] password = readPassword();
      if (password.length == 0) {
        throw new ParameterException(spec.commandLine(), "密码不能为空 / An empty password cannot be hashed");
      }
      String hash = PasswordHashes.hash(password);
      spec.commandLine().getOut().println(hash);
      spec.commandLine().getOut().println("配置用户 / configure a user: --user NAME=" + hash
          + "  (AMITY_DASHBOARD_USERS='NAME=" + hash + "')");
      spec.commandLine().getOut().flush();
      return 0;
    }
    DashboardUsers users = users();
    DashboardView view = new DashboardView();
    DashboardFeed feed = DashboardFeed.start(view, connection.clientConfig());
    FollowUpWriter writer = FollowUpWriter.start(connection.clientConfig());
    DashboardServer server = new DashboardServer(new DashboardSettings(host, port, streamsUrl,
        NamedHashes.collect(spec.commandLine(), "AMITY_DASHBOARD_STREAMS_TOKENS", "--streams-tokens-file",
            streamsTokensFile, streamsTokens)), users, view, writer).start();
    feed.bindTo(server.meters());
    System.out.println("看板 / Dashboard: " + server.url() + "/  (JSON: " + server.url() + "/api/v1/partners)");
    if (!feed.awaitCaughtUp(Duration.ofSeconds(5))) {
      System.out.println("仍在读取汇总主题，页面随数据到达而填满 / Still reading the aggregate topics; the page fills in as they arrive.");
    }
    UntilStopped.run(server, feed, writer);
    return 0;
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("密码 / Password: ");
      return password == null ? new char[0] : password;
    }
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
        java.nio.charset.StandardCharsets.UTF_8)).readLine();
    return line == null ? new char[0] : line.toCharArray();
  }

  /** The users from AMITY_DASHBOARD_USERS, the users file and the flags, in that order (the last wins). */
  DashboardUsers users() throws IOException {
    Map<String, String> entries = NamedHashes.collect(spec.commandLine(), "AMITY_DASHBOARD_USERS", "--users-file",
        usersFile, userHashes);
    userOffices.forEach((name, office) -> entries.put(name + DashboardUsers.OFFICE_SUFFIX, office));
    userRoles.forEach((name, role) -> entries.put(name + DashboardUsers.ROLE_SUFFIX, role));
    DashboardUsers users;
    try {
      users = DashboardUsers.fromEntries(entries);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (users.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "没有看板用户：请用 --user NAME=HASH、--users-file 或 "
          + "AMITY_DASHBOARD_USERS 配置（'amity dashboard --hash-password' 生成散列） / No dashboard users: give --user NAME=HASH, "
          + "--users-file or AMITY_DASHBOARD_USERS ('amity dashboard --hash-password' makes a hash)");
    }
    return users;
  }
}
