package org.amity.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.amity.labels.Labels;
import org.amity.producers.sheet.WrittenDate;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.serde.ContractClasses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The single entry point: {@code amity <role> [options]}. */
@Command(
    name = "amity",
    mixinStandardHelpOptions = true,
    versionProvider = AmityCommand.Version.class,
    description = "Amity keeps a city's international partnerships alive: exchange events in, vitality and dormancy alerts out.",
    subcommands = {PlatformCommand.class, IngestCommand.class, ImportCommand.class, OfficesCommand.class, PartnersCommand.class, GenerateCommand.class,
        TokenCommand.class, StreamsCommand.class, DashboardCommand.class, NotifierCommand.class, ReportCommand.class, DemoCommand.class,
        LoadDemoCommand.class, CommandLine.HelpCommand.class})
public final class AmityCommand implements Runnable {
  private static final int HELP_WIDTH = 112;

  @CommandLine.Spec
  private CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The configuration file (env AMITY_CONFIG; default: ./amity.properties when it exists).")
  Path config;

  public static void main(String[] args) {
    ContractClasses.trust();
    try {
      LogFormat.apply(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("amity: " + e.getMessage());
      System.exit(2);
    }
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command with its configuration read from {@code env} and the configuration file. */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli;
    try {
      AmityConfig config = AmityConfig.load(args, env);
      cli = commandLine(config);
      config.unreadVariables(cli.getCommandSpec()).forEach(warning -> err.println("amity: " + warning));
      err.flush();
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
    cli.registerConverter(Duration.class, AmityCommand::duration);
    cli.registerConverter(LocalDate.class, AmityCommand::date);
    registerSymbols(cli, RelationshipStatus.class);
    registerSymbols(cli, RelationshipKind.class);
    registerSymbols(cli, PartnerLevel.class);
    registerSymbols(cli, OfficeLevel.class);
    cli.setParameterExceptionHandler(new CommandLineMistake());
    cli.setExecutionExceptionHandler(new BindFailure());
    cli.setExecutionStrategy(parsed -> {
      checkPorts(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    addConfigurationFooter(cli);
    return cli;
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("“" + text + "”不是时长，应按 ISO-8601 写作 PT10S、PT5M 或 PT1H / is not a "
          + "duration; write it ISO-8601, e.g. PT10S, PT5M or PT1H");
    }
  }

  private static LocalDate date(String text) {
    return WrittenDate.parse(text).orElseThrow(() -> new CommandLine.TypeConversionException("“" + text
        + "”不是日期，应写作 " + WrittenDate.FORMS + " / is not a date like 2024-07-10, 2024/7/10 or 2024年7月10日"));
  }

  private static <E extends Enum<E>> void registerSymbols(CommandLine cli, Class<E> type) {
    cli.registerConverter(type, text -> symbol(type, text));
  }

  /** A symbol as written ("ENDED", "ended") or as its Chinese label says it ("已终止"). */
  private static <E extends Enum<E>> E symbol(Class<E> type, String text) {
    String word = text.strip();
    for (E symbol : type.getEnumConstants()) {
      if (symbol.name().equalsIgnoreCase(word) || Labels.zh(symbol).equals(word)) {
        return symbol;
      }
    }
    String zh = Arrays.stream(type.getEnumConstants()).map(Labels::zh).collect(Collectors.joining("、"));
    String en = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw new CommandLine.TypeConversionException("“" + text + "”应为 " + zh + " 之一 / must be one of " + en);
  }

  /** A port out of range is refused before the command connects to anything or creates a file. */
  private static void checkPorts(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    for (OptionSpec option : command.commandSpec().options()) {
      if (option.longestName().endsWith("-port") && option.getValue() instanceof Integer port
          && (port < 0 || port > 65_535)) {
        throw new CommandLine.ParameterException(command.commandSpec().commandLine(),
            option.longestName() + " " + port + " 不是端口号（0 至 65535） / Invalid value for option '" + option.longestName()
                + "': " + port + " is not a port (0 to 65535)");
      }
    }
  }

  private static void addConfigurationFooter(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      addConfigurationFooter(sub);
      sub.getCommandSpec().usageMessage().footer(AmityConfig.footer(sub.getCommandSpec()));
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "请指定命令，例如 'amity demo' 或 'amity platform' / Name a command, e.g. 'amity demo' or 'amity platform'.");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AmityCommand.class.getPackage().getImplementationVersion();
      return new String[] {"amity " + (version == null ? "development build" : version)};
    }
  }
}
