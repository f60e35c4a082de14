package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class ConfigurationTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env = new HashMap<>();
  @TempDir
  Path dir;

  private int run(String... args) {
    return AmityCommand.execute(args, env, new PrintWriter(out), new PrintWriter(err));
  }

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("amity.properties"), content);
  }

  private <T> T parsed(Class<T> type, String... args) {
    CommandLine cli = AmityCommand.commandLine(AmityConfig.load(args, env));
    CommandLine.ParseResult result = cli.parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return type.cast(result.commandSpec().userObject());
  }

  @Test
  void theFileSetsAnOptionForOneCommandOrForAll() throws IOException {
    Path config = file("streams.query-port=9191\nbootstrap-servers=broker-1:9092\n");
    StreamsCommand streams = parsed(StreamsCommand.class, "streams", "--config", config.toString());
    IngestCommand ingest = parsed(IngestCommand.class, "ingest", "--config", config.toString());
    assertThat(streams.queryPort).isEqualTo(9191);
    assertThat(streams.connection.bootstrapServers).isEqualTo("broker-1:9092");
    assertThat(ingest.connection.bootstrapServers).isEqualTo("broker-1:9092");
    assertThat(ingest.port).isEqualTo(8080);
  }

  @Test
  void aFlagWinsOverTheEnvironmentAndTheEnvironmentOverTheFile() throws IOException {
    Path config = file("ingest.port=1111\nhost=0.0.0.0\n");
    env.put("AMITY_CONFIG", config.toString());
    env.put("AMITY_PORT", "2222");
    assertThat(parsed(IngestCommand.class, "ingest").port).isEqualTo(2222);
    env.put("AMITY_INGEST_PORT", "3333");
    assertThat(parsed(IngestCommand.class, "ingest").port).isEqualTo(3333);
    assertThat(parsed(IngestCommand.class, "ingest", "--port", "4444").port).isEqualTo(4444);
    assertThat(parsed(IngestCommand.class, "ingest").host).isEqualTo("0.0.0.0");
  }

  @Test
  void theUsualFileIsReadWhenNoneIsNamedAndANamedOneWins() throws IOException {
    Path usual = file("ingest.port=5555\n");
    Path named = Files.writeString(dir.resolve("other.properties"), "ingest.port=6666\n");
    assertThat(AmityConfig.load(new String[] {"ingest"}, env, usual).section("ingest.", false))
        .containsEntry("port", "5555");
    assertThat(AmityConfig.load(new String[] {"ingest", "--config=" + named}, env, usual).section("ingest.", false))
        .containsEntry("port", "6666");
    assertThat(AmityConfig.load(new String[] {"ingest"}, env, dir.resolve("absent.properties")).section("", true))
        .isEmpty();
  }

  @Test
  void kafkaClientPropertiesComeFromTheFileTheEnvironmentAndFlagsInThatOrder() throws IOException {
    Path config = file("kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=PLAIN\nkafka.client.id=from-file\n");
    env.put("AMITY_KAFKA_PROPERTY_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("AMITY_BOOTSTRAP_SERVERS", "broker-2:9093");
    Map<String, Object> client = parsed(IngestCommand.class, "ingest", "--config", config.toString(),
        "-X", "client.id=from-flag").connection.clientConfig();
    assertThat(client).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("client.id", "from-flag")
        .containsEntry("bootstrap.servers", "broker-2:9093");
  }

  @Test
  void modelConstantsInTheFileReachTheStreamsApplicationAndABadOneIsRefusedByName() throws IOException {
    Path config = file("amity.model.half-life-days=90\n");
    StreamsCommand streams = parsed(StreamsCommand.class, "streams", "--config", config.toString());
    assertThat(streams.connection.amityProperties()).containsEntry("amity.model.half-life-days", "90");
    assertThat(streams.connection.clientConfig()).doesNotContainKey("amity.model.half-life-days");
    config = file("amity.model.half-life-days=long\n");
    assertThat(run("streams", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("amity.model.half-life-days", "long");
  }

  @Test
  void dashboardUsersAndTheirOfficesComeFromTheEnvironmentTheUsersFileAndTheFlags() throws IOException {
    String hash = org.amity.consumers.dashboard.PasswordHashes.hash("secret".toCharArray());
    env.put("AMITY_DASHBOARD_USERS", "zhao=" + hash + ",zhao.office=jinan,wang=" + hash);
    Path usersFile = Files.writeString(dir.resolve("users.properties"),
        "li=" + hash + "\nli.office=shanghai\nchen=" + hash + "\nchen.office=shanghai\n");
    org.amity.consumers.dashboard.DashboardUsers users = parsed(DashboardCommand.class, "dashboard",
        "--users-file", usersFile.toString(), "--user", "sun=" + hash, "--user-office", "sun=shanghai-pudong",
        "--user-office", "chen=shanghai-changning").users();
    assertThat(users.office("zhao")).hasValue("jinan");
    assertThat(users.office("li")).hasValue("shanghai");
    assertThat(users.office("sun")).hasValue("shanghai-pudong");
    assertThat(users.office("chen")).as("a flag wins over the file").hasValue("shanghai-changning");
    assertThat(users.office("wang")).as("a user without an office sees every office").isEmpty();
  }

  @Test
  void aMisspeltKeyIsRefusedByNameBeforeAnythingStarts() throws IOException {
    Path config = file("streams.querry-port=9191\nbootstrap-server=x:1\nnotifier.route.a.to=desk@city.example.org\n");
    assertThat(run("platform", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("streams.querry-port", "streams has no option --querry-port",
        "bootstrap-server", "no command has an option --bootstrap-server").doesNotContain("notifier.route");
  }

  @Test
  void aNamedFileThatIsMissingIsRefusedByName() {
    env.put("AMITY_CONFIG", dir.resolve("nowhere.properties").toString());
    assertThat(run("platform")).isEqualTo(2);
    assertThat(err.toString()).contains("No such configuration file", "nowhere.properties");
  }

  @Test
  void aBadValueFromTheEnvironmentIsRefusedNamingTheOption() {
    env.put("AMITY_KAFKA_PORT", "ninety");
    assertThat(run("platform")).isEqualTo(2);
    assertThat(err.toString()).contains("--kafka-port", "ninety");
  }

  @Test
  void everyOptionOfEveryCommandIsExplainedAndItsHelpSaysHowToConfigureIt() {
    CommandLine cli = AmityCommand.commandLine(AmityConfig.load(new String[0], env));
    assertEveryOptionExplained(cli);
  }

  private void assertEveryOptionExplained(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.name().equals("help")) {
        continue;
      }
      assertEveryOptionExplained(sub);
      for (OptionSpec option : spec.options()) {
        assertThat(String.join(" ", option.description())).as("%s %s", spec.qualifiedName(), option.longestName())
            .hasSizeGreaterThan(10);
      }
      String help = sub.getUsageMessage();
      assertThat(help).as(spec.qualifiedName()).contains("--config");
      if (spec.subcommands().isEmpty() && spec.options().size() > 3) {
        assertThat(help).as(spec.qualifiedName()).contains(AmityConfig.variable(AmityConfig.commandPath(spec)) + "_");
      }
    }
  }

  @Test
  void theExampleFileIsValidAndNamesEveryOptionOfEveryCommandThatRuns() throws IOException {
    Path example = Path.of("..", "amity.example.properties");
    String text = Files.readString(example);
    java.util.Properties uncommented = new java.util.Properties();
    uncommented.load(new java.io.StringReader(text.replaceAll("(?m)^#(?=[a-z][a-z.-]*=)", "")));
    Path file = Files.writeString(dir.resolve("example.properties"), text.replaceAll("(?m)^#(?=[a-z][a-z.-]*=)", ""));
    CommandLine cli = AmityCommand.commandLine(AmityConfig.load(new String[] {"--config", file.toString()}, env));
    for (String command : java.util.List.of("platform", "streams", "ingest", "dashboard", "notifier", "demo",
        "load-demo", "import", "generate")) {
      for (OptionSpec option : cli.getSubcommands().get(command).getCommandSpec().options()) {
        String name = AmityConfig.optionName(option);
        if (!option.usageHelp() && !option.versionHelp() && !option.typeInfo().isMap() && !name.equals("config")
            && !name.equals("bootstrap-servers") && !name.equals("schema-registry-url") && !name.equals("hash-password")) {
          assertThat(uncommented).as("%s names %s.%s", example, command, name).containsKey(command + "." + name);
        }
      }
    }
  }
}
