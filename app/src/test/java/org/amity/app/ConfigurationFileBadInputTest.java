package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad configuration file (or environment) is refused with exit code 2 and a message naming the file, key or option
 * and what is wrong, before anything starts. Properties files are lenient: a line without '=' is a key with an empty
 * value, so such a line is refused as an unknown key or as an empty value of its option. ConfigurationTest already
 * covers misspelt keys, a missing file named by AMITY_CONFIG, a bad value from the environment and a model constant
 * that is not a number.
 */
class ConfigurationFileBadInputTest {
  private static final String TOKENS = "shanghai=" + "a".repeat(64);

  @TempDir
  Path dir;

  enum File { TEXT, LATIN_1, DIRECTORY, MISSING }

  enum NamedBy { FLAG, ENV }

  /** A configuration file (its kind and text), how it is named, the command run, and what the refusal must mention. */
  record Case(String name, File file, String text, NamedBy namedBy, String command, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case file(String name, String text, String command, String mentions) {
    return new Case(name, File.TEXT, text, NamedBy.FLAG, command, mentions);
  }

  static Stream<Case> cases() {
    return Stream.of(
        file("an option of another command", "ingest.query-port=9191\n", "streams", "ingest.query-port;ingest has no option --query-port"),
        file("an unknown sub-command's key", "partners.remove.office=x\n", "streams", "partners.remove.office;partners has no option"),
        file("a line that is a sentence", "this is not a key value line\n", "streams", "unknown key 'this'"),
        file("a line without a key", "=8080\n", "streams", "a line without a key"),
        file("a Kafka key without a name", "kafka.=SASL_SSL\n", "streams", "'kafka.';names no Kafka property"),
        file("a key for a command-line-only option", "streams.help=true\n", "streams", "streams.help;only the command line takes"),
        file("a key without a value", "streams.query-port\n", "streams", "--query-port;''"),
        file("a value that is not a number", "streams.query-port=eighty\n", "streams", "--query-port;eighty"),
        file("two values for one option", "streams.query-port: 9191 9192\n", "streams", "--query-port;9191 9192"),
        file("a port out of range", "port=70000\n", "ingest", "--port;70000;0 to 65535"),
        file("a duration not ISO-8601", "review-interval=1h\n", "streams", "--review-interval;1h;PT1H"),
        file("a streams setting that is an option", "amity.streams.review-interval-ms=20000\n", "streams",
            "amity.streams.review-interval-ms;--review-interval"),
        file("a misspelt model constant", "amity.model.half-lif-days=90\n", "ingest",
            "unknown setting amity.model.half-lif-days;did you mean amity.model.half-life-days;未知的设置"),
        file("a misspelt streams setting", "amity.streams.emit-intervl-ms=50\n", "streams",
            "amity.streams.emit-intervl-ms;did you mean amity.streams.emit-interval-ms"),
        file("a punctuation longer than a transaction may last", "amity.streams.punctuation-budget-ms=60000\n", "streams",
            "punctuation-budget-ms must be at most 5000;60000"),
        file("a misspelt notifier setting", "notifier.smtp-hots=mail.example.org\n", "streams",
            "notifier.smtp-hots;notifier has no option --smtp-hots"),
        file("a misspelt Kafka property", "kafka.securty.protocol=SASL_SSL\n", "streams",
            "unknown Kafka property 'kafka.securty.protocol';did you mean kafka.security.protocol"),
        file("an unknown enum symbol", "partners.add.kind=TWIN_TOWN\n",
            "partners add --office x --partner nl-x --name-en X --country NL", "--kind;TWIN_TOWN"),
        file("a broken unicode escape", "streams.application-id=caf\\u00zz\n", "streams", "Cannot read the configuration file;uxxxx"),
        new Case("a file in Latin-1", File.LATIN_1, "streams.application-id=café\n", NamedBy.FLAG, "streams", "not UTF-8"),
        new Case("a missing file named by --config", File.MISSING, null, NamedBy.FLAG, "streams", "No such configuration file;amity.properties"),
        new Case("a directory named by --config", File.DIRECTORY, null, NamedBy.FLAG, "streams", "is a directory"),
        new Case("a directory named by AMITY_CONFIG", File.DIRECTORY, null, NamedBy.ENV, "streams", "is a directory"),
        new Case("office tokens in the environment without hashes", File.TEXT, "", NamedBy.ENV, "ingest",
            "AMITY_INGEST_TOKENS;NAME=HASH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedBeforeAnythingStarts(Case bad) throws IOException {
    Path config = dir.resolve("amity.properties");
    switch (bad.file()) {
      case TEXT -> Files.writeString(config, bad.text(), StandardCharsets.UTF_8);
      case LATIN_1 -> Files.write(config, bad.text().getBytes(StandardCharsets.ISO_8859_1));
      case DIRECTORY -> Files.createDirectory(config);
      case MISSING -> { }
    }
    Map<String, String> env = new HashMap<>(Map.of("AMITY_BOOTSTRAP_SERVERS", "127.0.0.1:1",
        "AMITY_INGEST_TOKENS", bad.name().startsWith("office tokens") ? "shanghai" : TOKENS));
    String args = bad.command();
    if (bad.namedBy() == NamedBy.FLAG) {
      args += " --config " + config;
    } else {
      env.put("AMITY_CONFIG", config.toString());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = AmityCommand.execute(args.split(" "), env, new PrintWriter(out), new PrintWriter(err));

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(bad.mentions().split(";"));
    assertThat(err.toString()).as("no stack trace").doesNotContain("\tat ");
    assertThat(out.toString()).as("standard output").isEmpty();
    try (Stream<Path> made = Files.list(dir)) {
      assertThat(made).as("files made").allMatch(config::equals);
    }
  }
}
