package org.amity.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The single entry point: {@code amity <role> [options]}. */
@Command(
    name = "amity",
    mixinStandardHelpOptions = true,
    versionProvider = AmityCommand.Version.class,
    description = "Amity keeps a city's international partnerships alive: exchange events in, vitality and dormancy alerts out.",
    subcommands = {PlatformCommand.class, IngestCommand.class, ImportCommand.class, PartnersCommand.class, GenerateCommand.class,
        TokenCommand.class, StreamsCommand.class, DashboardCommand.class, NotifierCommand.class, DemoCommand.class,
        LoadDemoCommand.class, CommandLine.HelpCommand.class})
public final class AmityCommand implements Runnable {
  private static final int HELP_WIDTH = 112;

  @CommandLine.Spec
  private CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The configuration file (env AMITY_CONFIG; default: ./amity.properties when it exists).")
  Path config;

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command with its configuration read from {@code env} and the configuration file. */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli;
    try {
      cli = commandLine(AmityConfig.load(args, env));
    } catch (IllegalArgumentException e) {
      err.println("amity: " + e.getMessage());
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine(AmityConfig config) {
    CommandLine cli = new CommandLine(new AmityCommand()).setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpWidth(HELP_WIDTH);
    config.check(cli.getCommandSpec());
    cli.setDefaultValueProvider(config);
    addConfigurationFooter(cli);
    return cli;
  }

  private static void addConfigurationFooter(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      addConfigurationFooter(sub);
      sub.getCommandSpec().usageMessage().footer(AmityConfig.footer(sub.getCommandSpec()));
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'amity demo' or 'amity platform'.");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AmityCommand.class.getPackage().getImplementationVersion();
      return new String[] {"amity " + (version == null ? "development build" : version)};
    }
  }
}
