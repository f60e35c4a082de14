package org.amity.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.amity.consumers.notifier.NotifierSettings;
import org.amity.streams.settings.StreamsSettings;
import org.amity.text.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command's options their values from the environment and one configuration file; a flag on the command
 * line wins over both. For option {@code --foo-bar} of command {@code CMD} (sub-commands joined by a dot, e.g.
 * {@code partners.add}) the first of these that is set counts: env {@code AMITY_CMD_FOO_BAR}, env
 * {@code AMITY_FOO_BAR}, file key {@code CMD.foo-bar}, file key {@code foo-bar}, the built-in default.
 *
 * <p>Kafka client properties come from {@code kafka.NAME} keys in the file and {@code AMITY_KAFKA_PROPERTY_NAME}
 * variables (dots written as underscores); {@code amity.*} keys are the streams application's model and settings;
 * {@code notifier.*} keys beyond the notifier's options are its routes, digest and retries.
 */
final class AmityConfig implements CommandLine.IDefaultValueProvider {
  static final String FILE_VARIABLE = "AMITY_CONFIG";
  static final Path USUAL_FILE = Path.of("amity.properties");
  static final String KAFKA_PREFIX = "kafka.";
  static final String KAFKA_VARIABLE_PREFIX = "AMITY_KAFKA_PROPERTY_";
  static final String STREAMS_PREFIX = "amity.";
  private static final String CONFIG_OPTION = "--config";
  /** Variables read other than as options: secrets, the file, and those of the scripts and compose files. */
  private static final Set<String> READ_VARIABLES = Set.of(FILE_VARIABLE, "AMITY_INGEST_TOKENS", "AMITY_STREAMS_TOKENS",
      "AMITY_DASHBOARD_USERS", "AMITY_DASHBOARD_STREAMS_TOKENS",
      "AMITY_SMTP_PASSWORD", LogFormat.VARIABLE, "AMITY_JAVA_OPTS", "AMITY_IMAGE", "AMITY_KAFKA_USERNAME",
      "AMITY_KAFKA_PASSWORD", "AMITY_KAFKA_TRUSTSTORE", "AMITY_KAFKA_TRUSTSTORE_PASSWORD",
      "AMITY_SCHEMA_REGISTRY_USER_INFO");

  private final Path source;
  private final Properties file;
  private final Map<String, String> env;

  private AmityConfig(Path source, Properties file, Map<String, String> env) {
    this.source = source;
    this.file = file;
    this.env = env;
  }

  /** The configuration a command was started with; none (defaults only) when it was built without one. */
  static AmityConfig of(CommandSpec command) {
    CommandSpec root = command.root();
    return root.defaultValueProvider() instanceof AmityConfig config ? config : new AmityConfig(null, new Properties(), Map.of());
  }

  /** The file named by {@code --config}, else by {@code AMITY_CONFIG}, else {@code ./amity.properties} if present. */
  static AmityConfig load(String[] args, Map<String, String> env) {
    return load(args, env, USUAL_FILE);
  }

  static AmityConfig load(String[] args, Map<String, String> env, Path usualFile) {
    Path named = namedFile(args, env);
    Path path = named != null ? named : Files.isRegularFile(usualFile) ? usualFile : null;
    Properties file = new Properties();
    if (path != null) {
      if (Files.isDirectory(path)) {
        throw new IllegalArgumentException("The configuration file " + path + " is a directory, not a file");
      }
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("No such configuration file: " + path);
      }
      try (Reader reader = Files.newBufferedReader(path)) {
        file.load(reader);
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("The configuration file " + path + " is not UTF-8 text; save it as UTF-8", e);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("Cannot read the configuration file " + path + ": " + e.getMessage(), e);
      }
    }
    return new AmityConfig(path, file, Map.copyOf(env));
  }

  private static Path namedFile(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(CONFIG_OPTION)) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(CONFIG_OPTION + " needs a FILE");
        }
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith(CONFIG_OPTION + "=")) {
        return Path.of(args[i].substring(CONFIG_OPTION.length() + 1));
      }
    }
    String fromEnv = env.get(FILE_VARIABLE);
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !configurable(option)) {
      return null;
    }
    String name = optionName(option);
    String command = commandPath(option.command());
    for (String variable : List.of(variable(command + "." + name), variable(name))) {
      String value = env.get(variable);
      if (value != null) {
        return value;
      }
    }
    String value = file.getProperty(command + "." + name);
    return value != null ? value.strip() : stripped(file.getProperty(name));
  }

  /** Kafka client properties: the file's {@code kafka.*} keys, then the {@code AMITY_KAFKA_PROPERTY_*} variables. */
  Map<String, String> kafkaProperties() {
    Map<String, String> properties = new TreeMap<>();
    for (String key : file.stringPropertyNames()) {
      if (key.startsWith(KAFKA_PREFIX)) {
        properties.put(key.substring(KAFKA_PREFIX.length()), file.getProperty(key).strip());
      }
    }
    env.forEach((variable, value) -> {
      if (variable.startsWith(KAFKA_VARIABLE_PREFIX) && variable.length() > KAFKA_VARIABLE_PREFIX.length()) {
        properties.put(variable.substring(KAFKA_VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
            value);
      }
    });
    return properties;
  }

  /** The file's keys under {@code prefix}, without it: {@code amity.*} for the streams application, a section. */
  Properties section(String prefix, boolean keepPrefix) {
    Properties section = new Properties();
    for (String key : file.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        section.setProperty(keepPrefix ? key : key.substring(prefix.length()), file.getProperty(key).strip());
      }
    }
    return section;
  }

  /**
   * The {@code AMITY_*} variables that no option, Kafka property or secret reads: a misspelt one would otherwise be
   * silently ignored. Warned about, not refused, as scripts and compose files set variables of their own.
   */
  List<String> unreadVariables(CommandSpec root) {
    Set<String> read = new HashSet<>(READ_VARIABLES);
    collectVariables(root, read);
    return env.keySet().stream().filter(name -> name.startsWith("AMITY_") && !name.startsWith(KAFKA_VARIABLE_PREFIX)
        && !read.contains(name)).sorted().map(name -> {
          String near = Spelling.nearest(name, read).orElse("?");
          return "警告：没有选项读取环境变量 " + name + "（是否想写 " + near + "？）/ warning: no option reads the"
              + " environment variable " + name + " (did you mean " + near + "?)";
        }).toList();
  }

  private static void collectVariables(CommandSpec command, Set<String> read) {
    String path = commandPath(command);
    command.options().stream().filter(AmityConfig::configurable).forEach(option -> {
      read.add(variable(optionName(option)));
      if (!path.isEmpty()) {
        read.add(variable(path + "." + optionName(option)));
      }
    });
    command.subcommands().values().forEach(sub -> collectVariables(sub.getCommandSpec(), read));
  }

  String variable(String name, String otherwise) {
    return env.getOrDefault(name, otherwise);
  }

  /**
   * Refuses a file key that no command reads, naming it: a misspelt key must not be silently ignored. The
   * {@code amity.*} keys are the streams application's settings, refused when unknown or out of range.
   */
  void check(CommandSpec root) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeMap<>(file).keySet().stream().map(Object::toString).toList()) {
      String problem = problem(root, key);
      if (problem != null) {
        problems.add(problem);
      }
    }
    try {
      StreamsSettings.from(section(STREAMS_PREFIX, true));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("The configuration file " + source + " has " + String.join("; ", problems));
    }
  }

  private static String problem(CommandSpec root, String key) {
    if (key.isBlank()) {
      return "a line without a key (it starts with '=' or ':')";
    }
    if (key.equals(KAFKA_PREFIX)) {
      return "a key 'kafka.' that names no Kafka property";
    }
    if (key.startsWith(KAFKA_PREFIX)) {
      return KafkaPropertyNames.problem(key.substring(KAFKA_PREFIX.length()), key);
    }
    if (key.startsWith(STREAMS_PREFIX)) {
      return null;
    }
    CommandSpec command = root;
    String rest = key;
    while (rest.contains(".") && command.subcommands().containsKey(rest.substring(0, rest.indexOf('.')))) {
      command = command.subcommands().get(rest.substring(0, rest.indexOf('.'))).getCommandSpec();
      rest = rest.substring(rest.indexOf('.') + 1);
    }
    if (command == root) {
      return hasOption(root, rest) ? null : "an unknown key '" + key + "' (no command has an option --" + key + ")";
    }
    OptionSpec option = command.findOption("--" + rest);
    if (option != null && !configurable(option)) {
      return "a key '" + key + "' for --" + rest + ", which only the command line takes";
    }
    if (option != null || command.name().equals("notifier") && NotifierSettings.knows(rest)) {
      return null;
    }
    return "an unknown key '" + key + "' (" + commandPath(command).replace('.', ' ') + " has no option --" + rest + ")";
  }

  private static boolean hasOption(CommandSpec command, String name) {
    return command.findOption("--" + name) != null || command.subcommands().values().stream()
        .anyMatch(sub -> hasOption(sub.getCommandSpec(), name));
  }

  /** What {@code --help} says about the file and the environment, with this command's first option as example. */
  static String[] footer(CommandSpec command) {
    String path = commandPath(command);
    OptionSpec example = command.options().stream().filter(AmityConfig::configurable).findFirst().orElse(null);
    if (example == null) {
      return new String[0];
    }
    String name = optionName(example);
    List<String> lines = new ArrayList<>(List.of("",
        "Each option can also be set in the configuration file (--config) as " + path + ".OPTION=VALUE or OPTION=VALUE,",
        "and in the environment as " + variable(path) + "_OPTION or AMITY_OPTION (capitals, '-' as '_').",
        "E.g. --" + name + ": " + path + "." + name + "=..., " + variable(path + "." + name) + "=... or "
            + variable(name) + "=...",
        "A flag wins over the environment, the environment over the file."));
    if (command.findOption("-X") != null) {
      lines.add("Kafka client properties: -X NAME=VALUE, file kafka.NAME=VALUE, env AMITY_KAFKA_PROPERTY_NAME ('.' as '_').");
    }
    return lines.toArray(String[]::new);
  }

  private static boolean configurable(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp() && !option.typeInfo().isMap()
        && !option.longestName().equals(CONFIG_OPTION);
  }

  static String optionName(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  static String commandPath(CommandSpec command) {
    List<String> names = new ArrayList<>();
    for (CommandSpec c = command; c != null && c.parent() != null; c = c.parent()) {
      names.add(0, c.name());
    }
    return String.join(".", names);
  }

  static String variable(String key) {
    return "AMITY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String stripped(String value) {
    return value == null ? null : value.strip();
  }
}
