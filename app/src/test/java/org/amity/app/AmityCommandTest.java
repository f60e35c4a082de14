package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmityCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private final Map<String, String> env = new HashMap<>();

  private int run(String... args) {
    return AmityCommand.execute(args, env, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void platformHelpExplainsEveryOption() {
    assertThat(run("platform", "--help")).isZero();
    assertThat(out.toString()).contains("--data-dir", "--kafka-port", "--controller-port", "--registry-port", "--host");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "ingest, --token-hash, --bootstrap-servers",
      "import, --skip-bad-rows, --schema-registry-url",
      "generate, --quiet-share, --truth",
      "partners add, --established, --kafka-property",
      "partners list, --office, --bootstrap-servers",
      "token, OFFICE, --help",
      "streams, --query-port, --schema-registry-url",
      "streams, --token-hash, --tokens-file",
      "dashboard, --users-file, --bootstrap-servers",
      "dashboard, --streams-url, --hash-password",
      "demo, --dashboard-port, --data-dir",
      "notifier, --config, --bootstrap-servers",
      "load-demo, --simulate-interval, --bootstrap-servers",
      "notifier, --smtp-host, --schema-registry-url",
      "notifier, --dashboard-url, --kafka-property"})
  void everyCommandExplainsItsOptions(String command, String option, String connectionOption) {
    String[] args = (command + " --help").split(" ");
    assertThat(run(args)).isZero();
    assertThat(out.toString()).contains(option, connectionOption);
  }

  @Test
  void theCommandListGivesEachCommandInOneLineChineseFirst() {
    assertThat(run("--help")).isZero();
    List<String> commands = out.toString().lines().dropWhile(line -> !line.equals("Commands:")).skip(1)
        .filter(line -> !line.startsWith("  help ")).toList();
    assertThat(commands).hasSize(13).allSatisfy(line -> assertThat(line).matches("  [a-z-]+ +\\p{IsHan}.* / [A-Z].*"));
  }

  @Test
  void aPortThatIsNotANumberIsRefusedByName() {
    assertThat(run("platform", "--kafka-port", "ninety")).isEqualTo(2);
    assertThat(err.toString()).contains("--kafka-port", "ninety");
  }

  @Test
  void aMisspeltVariableIsNamedWithTheOneMeant() {
    env.put("AMITY_INGEST_PROT", "9090");
    env.put("AMITY_BOOTSTRAP_SERVER", "127.0.0.1:1");
    assertThat(run("token", "shanghai")).isZero();
    assertThat(err.toString()).contains("AMITY_INGEST_PROT", "AMITY_INGEST_PORT", "AMITY_BOOTSTRAP_SERVER",
        "AMITY_BOOTSTRAP_SERVERS", "没有选项读取环境变量");
  }

  @Test
  void aModelConstantThatIsNotANumberIsRefusedByName() {
    assertThat(run("streams", "-X", "amity.model.half-life-days=long")).isEqualTo(2);
    assertThat(err.toString()).contains("amity.model.half-life-days", "long");
  }

  @Test
  void theDashboardHelpExplainsEveryOption() {
    assertThat(run("dashboard", "--help")).isZero();
    assertThat(out.toString()).contains("--port", "--host", "--user", "--user-office", "--users-file", "--streams-url",
        "--streams-token", "--streams-tokens-file", "--hash-password", "--bootstrap-servers", "--schema-registry-url", "--kafka-property");
  }

  @Test
  void theDashboardMakesAPasswordHashItAccepts() {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("open sesame\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(run("dashboard", "--hash-password")).isZero();
    } finally {
      System.setIn(stdin);
    }
    String hash = out.toString().lines().findFirst().orElseThrow();
    assertThat(hash).startsWith("pbkdf2-sha256$");
    assertThat(org.amity.consumers.dashboard.PasswordHashes.matches("open sesame".toCharArray(), hash)).isTrue();
  }

  @Test
  void theDashboardRefusesToStartWithoutUsersOrWithAPlainPassword() {
    assertThat(run("dashboard", "--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("No dashboard users", "--hash-password");
    assertThat(run("dashboard", "--port", "0", "--user", "li=secret")).isEqualTo(2);
    assertThat(err.toString()).contains("user li", "pbkdf2-sha256");
  }

  @Test
  void theDashboardRefusesAnOfficeForAUserItDoesNotKnow() {
    String hash = org.amity.consumers.dashboard.PasswordHashes.hash("secret".toCharArray());
    assertThat(run("dashboard", "--port", "0", "--user", "li=" + hash, "--user-office", "lee=shanghai")).isEqualTo(2);
    assertThat(err.toString()).contains("user lee", "no password hash");
  }

  @Test
  void aNotifierConfigurationWithAnUnknownBandIsRefusedByNameBeforeConnecting(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("amity.properties"),
        "notifier.route.europe.band=SLEEPY\nnotifier.route.europe.to=desk@city.example.org\n");
    assertThat(run("notifier", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("route.europe.band", "SLEEPY");
  }

  @Test
  void anUnknownCommandIsRefusedByName() {
    assertThat(run("teleport")).isEqualTo(2);
    assertThat(err.toString()).contains("teleport");
  }

  @Test
  void noCommandAsksForOne() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("amity platform");
  }
}
