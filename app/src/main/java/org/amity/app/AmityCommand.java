package org.amity.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point: {@code amity <role> [options]}. */
@Command(
    name = "amity",
    mixinStandardHelpOptions = true,
    versionProvider = AmityCommand.Version.class,
    description = "Amity keeps a city's international partnerships alive: exchange events in, vitality and dormancy alerts out.",
    subcommands = {PlatformCommand.class, IngestCommand.class, ImportCommand.class, PartnersCommand.class, GenerateCommand.class,
        TokenCommand.class, StreamsCommand.class, DashboardCommand.class, NotifierCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class})
public final class AmityCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new AmityCommand()).setCaseInsensitiveEnumValuesAllowed(true);
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
