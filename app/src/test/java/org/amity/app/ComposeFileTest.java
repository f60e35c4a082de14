package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.amity.access.OfficeTokens;
import org.amity.consumers.dashboard.PasswordHashes;
import org.amity.partners.Office;
import org.amity.producers.demo.DemoData;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads docker-compose.yml (the demo) and deploy/production/docker-compose.yml and checks how their services are wired. */
class ComposeFileTest {
  private static final Path ROOT = repositoryRoot();
  private static final Path DEMO = ROOT.resolve("docker-compose.yml");
  private static final Path PRODUCTION = ROOT.resolve("deploy/production/docker-compose.yml");
  /** The one service that runs once and exits, so it has no health to check: it loads the demo data. */
  private static final String ONE_SHOT = "demo-loader";
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
  private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:-(.*)}");
  private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

  static Stream<Named<Path>> composeFiles() {
    return Stream.of(Named.of("docker-compose.yml", DEMO), Named.of("deploy/production/docker-compose.yml", PRODUCTION));
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void everyServiceHasAnImageOrABuild(Path file) {
    Compose compose = Compose.read(file);
    SoftAssertions.assertSoftly(softly -> compose.services().forEach((name, service) ->
        softly.assertThat(service.has("image") || service.has("build"))
            .as("%s: service %s has neither image nor build", ROOT.relativize(file), name).isTrue()));
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void everyServiceButTheOneShotDemoLoaderHasAHealthCheck(Path file) {
    Compose compose = Compose.read(file);
    SoftAssertions.assertSoftly(softly -> compose.services().forEach((name, service) -> {
      if (!name.equals(ONE_SHOT)) {
        JsonNode test = service.path("healthcheck").path("test");
        softly.assertThat(test.isArray() ? test.size() > 1 : !test.asText().isBlank())
            .as("%s: service %s has no healthcheck test", ROOT.relativize(file), name).isTrue();
      }
    }));
  }

  @Test
  void theDemoLoaderRunsOnceWithoutHealthCheckOrRestart() {
    JsonNode loader = Compose.read(DEMO).services().get(ONE_SHOT);
    assertThat(loader).as("docker-compose.yml: no service %s", ONE_SHOT).isNotNull();
    assertThat(loader.path("command").toString()).as("%s: command", ONE_SHOT).contains("load-demo");
    assertThat(loader.path("restart").asText()).as("%s: restart must be \"no\", it runs once", ONE_SHOT)
        .isEqualTo("no");
    assertThat(loader.has("healthcheck")).as("%s: a one-shot service has no health to check", ONE_SHOT).isFalse();
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void everyNamedVolumeAndSecretUsedIsDeclared(Path file) {
    Compose compose = Compose.read(file);
    SoftAssertions.assertSoftly(softly -> compose.services().forEach((name, service) -> {
      for (JsonNode volume : service.path("volumes")) {
        String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
        if (!source.isEmpty() && !source.startsWith("/") && !source.startsWith(".") && !source.startsWith("~")) {
          softly.assertThat(compose.root().path("volumes").has(source))
              .as("%s: service %s uses volume %s, which the top-level volumes do not declare", ROOT.relativize(file), name,
                  source).isTrue();
        }
      }
      for (JsonNode secret : service.path("secrets")) {
        String source = secret.isTextual() ? secret.asText() : secret.path("source").asText();
        softly.assertThat(compose.root().path("secrets").has(source))
            .as("%s: service %s uses secret %s, which the top-level secrets do not declare", ROOT.relativize(file), name,
                source).isTrue();
      }
    }));
  }

  @Test
  void amityServicesFindKafkaAtAnAddressTheKafkaServiceAdvertisesInsideTheNetwork() {
    Compose compose = Compose.read(DEMO);
    assertThat(compose.kafkaServices()).as("docker-compose.yml: no Kafka service (KAFKA_ADVERTISED_LISTENERS)").isNotEmpty();
    SoftAssertions.assertSoftly(softly -> compose.amityServices().forEach(name -> {
      String bootstrap = compose.env(name).getOrDefault("AMITY_BOOTSTRAP_SERVERS", "");
      softly.assertThat(bootstrap).as("%s: no AMITY_BOOTSTRAP_SERVERS", name).isNotBlank();
      for (String address : bootstrap.split(",")) {
        String host = address.trim().replaceFirst(":[0-9]+$", "");
        softly.assertThat(compose.services()).as("%s: AMITY_BOOTSTRAP_SERVERS names %s, which is no service", name, host)
            .containsKey(host);
        softly.assertThat(compose.advertisedListeners(host))
            .as("%s: AMITY_BOOTSTRAP_SERVERS names %s, which service %s does not advertise", name, address.trim(), host)
            .contains(address.trim());
      }
    }));
  }

  @Test
  void amityServicesFindTheSchemaRegistryAtADefinedServiceAndItsListenerPort() {
    Compose compose = Compose.read(DEMO);
    assertThat(compose.registryServices()).as("docker-compose.yml: no schema registry service").isNotEmpty();
    SoftAssertions.assertSoftly(softly -> compose.amityServices().forEach(name -> {
      URI url = URI.create(compose.env(name).getOrDefault("AMITY_SCHEMA_REGISTRY_URL", ""));
      softly.assertThat(compose.registryServices())
          .as("%s: AMITY_SCHEMA_REGISTRY_URL %s does not name the registry service", name, url).contains(url.getHost());
      softly.assertThat(compose.registryPorts(url.getHost()))
          .as("%s: AMITY_SCHEMA_REGISTRY_URL %s has a port the registry does not listen on", name, url)
          .contains(url.getPort());
    }));
  }

  @Test
  void theDashboardAsksTheStreamsServiceAtItsQueryPort() {
    Compose compose = Compose.read(DEMO);
    URI url = URI.create(compose.env("dashboard").getOrDefault("AMITY_STREAMS_URL", ""));
    assertThat(url.getHost()).as("dashboard: AMITY_STREAMS_URL %s does not name the streams service", url)
        .isEqualTo("streams");
    assertThat(String.valueOf(url.getPort())).as("dashboard: AMITY_STREAMS_URL %s is not the streams query port", url)
        .isEqualTo(compose.env("streams").get("AMITY_QUERY_PORT"));
  }

  @Test
  void amityServicesStartOnlyOnceKafkaAndTheRegistryAreHealthy() {
    Compose compose = Compose.read(DEMO);
    List<String> needed = new ArrayList<>(compose.kafkaServices());
    needed.addAll(compose.registryServices());
    SoftAssertions.assertSoftly(softly -> compose.amityServices().forEach(name -> {
      for (String dependency : needed) {
        softly.assertThat(compose.services().get(name).path("depends_on").path(dependency).path("condition").asText())
            .as("%s: depends_on %s must have condition service_healthy", name, dependency)
            .isEqualTo("service_healthy");
      }
    }));
  }

  @ParameterizedTest
  @MethodSource("composeFiles")
  void amityServicesWaitForStreamsWhichCreatesTheTopics(Path file) {
    Compose compose = Compose.read(file);
    SoftAssertions.assertSoftly(softly -> compose.amityServices().stream().filter(name -> !name.equals("streams"))
        .forEach(name -> softly.assertThat(
                compose.services().get(name).path("depends_on").path("streams").path("condition").asText())
            .as("%s: service %s must depend on streams with condition service_healthy", ROOT.relativize(file), name)
            .isEqualTo("service_healthy")));
  }

  @Test
  void prometheusScrapesEveryAmityServiceAtThePortItsHealthCheckAsks() {
    Compose compose = Compose.read(DEMO);
    JsonNode prometheus = Compose.read(ROOT.resolve("deploy/prometheus/prometheus.yml")).root();
    List<String> targets = new ArrayList<>();
    prometheus.path("scrape_configs").forEach(job -> job.path("static_configs")
        .forEach(config -> config.path("targets").forEach(target -> targets.add(target.asText()))));
    Pattern readyPort = Pattern.compile("http://localhost:(\\d+)/health/ready");
    SoftAssertions.assertSoftly(softly -> compose.amityServices().stream().filter(name -> !name.equals(ONE_SHOT))
        .forEach(name -> {
          Matcher port = readyPort.matcher(compose.services().get(name).path("healthcheck").path("test").toString());
          if (port.find()) {
            softly.assertThat(targets).as("Prometheus' targets").contains(name + ":" + port.group(1));
          } else {
            softly.fail("service %s does not check /health/ready", name);
          }
        }));
  }

  @Test
  void grafanaIsProvisionedFromTheRepositorysFiles() {
    JsonNode grafana = Compose.read(DEMO).services().get("grafana");
    List<String> sources = new ArrayList<>();
    grafana.path("volumes").forEach(volume -> sources.add(volume.asText().split(":")[0]));
    assertThat(sources).contains("./deploy/grafana/provisioning", "./deploy/grafana/dashboards");
    sources.forEach(source -> assertThat(ROOT.resolve(source)).as(source).exists());
    assertThat(ROOT.resolve("deploy/grafana/dashboards/amity.json")).isRegularFile();
  }

  @Test
  void theDemoCredentialsAreThePublicDemoPasswordAndTokens() {
    Compose compose = Compose.read(DEMO);
    String users = defaultOf(compose.env("dashboard").get("AMITY_DASHBOARD_USERS"));
    assertThat(users).as("dashboard: AMITY_DASHBOARD_USERS defaults to the demo user").startsWith("demo=");
    assertThat(PasswordHashes.matches("amity-demo".toCharArray(), users.substring("demo=".length())))
        .as("dashboard: the default hash is not the hash of the demo password amity-demo").isTrue();

    Map<String, String> tokens = pairs(defaultOf(compose.env("ingest").get("AMITY_INGEST_TOKENS")));
    Map<String, String> expected = new LinkedHashMap<>();
    for (Office office : DemoData.build(DemoData.earliestToday()).offices()) {
      expected.put(office.getOfficeId(), OfficeTokens.hash("amity-demo-" + office.getOfficeId()));
    }
    assertThat(tokens).as("ingest: AMITY_INGEST_TOKENS defaults to the hashes of the tokens amity-demo-OFFICE")
        .isEqualTo(expected);
    assertThat(pairs(defaultOf(compose.env("streams").get("AMITY_STREAMS_TOKENS"))))
        .as("streams: AMITY_STREAMS_TOKENS defaults to the same hashes as the ingest's").isEqualTo(expected);
    pairs(defaultOf(compose.env("dashboard").get("AMITY_DASHBOARD_STREAMS_TOKENS"))).forEach((office, token) ->
        assertThat(OfficeTokens.hash(token)).as("dashboard: AMITY_DASHBOARD_STREAMS_TOKENS of %s", office)
            .isEqualTo(expected.get(office)));
  }

  @Test
  void productionTalksSaslScramOverTlsToAClusterTheOperatorNames() {
    Compose compose = Compose.read(PRODUCTION);
    assertThat(compose.amityServices()).as("production: no Amity service").isNotEmpty();
    SoftAssertions.assertSoftly(softly -> compose.amityServices().forEach(name -> {
      Map<String, String> env = compose.env(name);
      for (String variable : List.of("AMITY_BOOTSTRAP_SERVERS", "AMITY_SCHEMA_REGISTRY_URL")) {
        softly.assertThat(env.getOrDefault(variable, "")).as("production %s: %s must be a required ${VAR:?message}",
            name, variable).matches(REQUIRED_VARIABLE);
      }
      softly.assertThat(env.get("AMITY_KAFKA_PROPERTY_SECURITY_PROTOCOL")).as("production %s: security.protocol", name)
          .isEqualTo("SASL_SSL");
      softly.assertThat(env.get("AMITY_KAFKA_PROPERTY_SASL_MECHANISM")).as("production %s: sasl.mechanism", name)
          .isEqualTo("SCRAM-SHA-512");
      softly.assertThat(env.getOrDefault("AMITY_KAFKA_PROPERTY_SASL_JAAS_CONFIG", ""))
          .as("production %s: sasl.jaas.config must use the SCRAM login module", name)
          .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ");
      String truststore = env.getOrDefault("AMITY_KAFKA_PROPERTY_SSL_TRUSTSTORE_LOCATION", "");
      softly.assertThat(truststore).as("production %s: ssl.truststore.location must be a secret", name)
          .startsWith("/run/secrets/");
      softly.assertThat(compose.services().get(name).path("secrets").toString())
          .as("production %s: the truststore secret is not given to the service", name)
          .contains("\"" + truststore.replaceFirst("^/run/secrets/", "") + "\"");
    }));
  }

  @Test
  void productionReplicatesEveryTopicThreeTimes() {
    Map<String, String> streams = Compose.read(PRODUCTION).env("streams");
    assertThat(streams.get("AMITY_REPLICATION_FACTOR")).as("production streams: AMITY_REPLICATION_FACTOR (Amity's topics)")
        .isEqualTo("3");
    assertThat(streams.get("AMITY_KAFKA_PROPERTY_REPLICATION_FACTOR"))
        .as("production streams: replication.factor (Kafka Streams' internal topics)").isEqualTo("3");
  }

  @Test
  void productionTakesEverySecretFromTheEnvironment() {
    Compose compose = Compose.read(PRODUCTION);
    SoftAssertions.assertSoftly(softly -> {
      compose.services().forEach((name, service) -> compose.env(name).forEach((variable, value) -> {
        if (variable.matches(".*(PASSWORD|USER_INFO|TOKENS|USERS)")) {
          softly.assertThat(value).as("production %s: %s must be a required ${VAR:?message}, not a value", name, variable)
              .matches(REQUIRED_VARIABLE);
        }
        if (variable.endsWith("SASL_JAAS_CONFIG")) {
          Matcher password = JAAS_PASSWORD.matcher(value);
          softly.assertThat(password.find() && REQUIRED_VARIABLE.matcher(password.group(1)).matches())
              .as("production %s: the password in %s must be a required ${VAR:?message}", name, variable).isTrue();
        }
      }));
      compose.root().path("secrets").properties().forEach(secret ->
          softly.assertThat(secret.getValue().path("file").asText())
              .as("production: secret %s must come from a file the operator names", secret.getKey())
              .matches(REQUIRED_VARIABLE));
    });
  }

  /** The default of a {@code ${NAME:-default}} value, with Compose's {@code $$} escape undone. */
  @ParameterizedTest
  @MethodSource("composeFiles")
  void everyAmityVariableOfAServiceNamesAnOptionOfItsCommand(Path file) {
    Compose compose = Compose.read(file);
    picocli.CommandLine amity = AmityCommand.commandLine(AmityConfig.load(new String[0], Map.of()));
    java.util.Set<String> notOptions = java.util.Set.of("AMITY_CONFIG", "AMITY_INGEST_TOKENS", "AMITY_DASHBOARD_USERS",
        "AMITY_STREAMS_TOKENS", "AMITY_DASHBOARD_STREAMS_TOKENS", "AMITY_SMTP_PASSWORD", "AMITY_JAVA_OPTS");
    SoftAssertions.assertSoftly(softly -> compose.amityServices().forEach(name -> {
      String command = compose.services().get(name).path("command").path(0).asText();
      softly.assertThat(amity.getSubcommands()).as("%s: service %s runs no amity command", ROOT.relativize(file), name)
          .containsKey(command);
      if (!amity.getSubcommands().containsKey(command)) {
        return;
      }
      java.util.Set<String> variables = new java.util.HashSet<>(notOptions);
      amity.getSubcommands().get(command).getCommandSpec().options().forEach(option -> {
        variables.add(AmityConfig.variable(AmityConfig.optionName(option)));
        variables.add(AmityConfig.variable(command + "." + AmityConfig.optionName(option)));
      });
      compose.env(name).keySet().stream()
          .filter(variable -> variable.startsWith("AMITY_") && !variable.startsWith(AmityConfig.KAFKA_VARIABLE_PREFIX))
          .forEach(variable -> softly.assertThat(variables)
              .as("%s: service %s sets %s, which is no option of 'amity %s'", ROOT.relativize(file), name, variable,
                  command).contains(variable));
    }));
  }

  private static String defaultOf(String value) {
    Matcher matcher = DEFAULTED_VARIABLE.matcher(value == null ? "" : value);
    assertThat(matcher.matches()).as("%s is not ${NAME:-default}", value).isTrue();
    return matcher.group(1).replace("$$", "$");
  }

  private static Map<String, String> pairs(String list) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      String[] parts = pair.split("=", 2);
      pairs.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
    }
    return pairs;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("docker-compose.yml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No docker-compose.yml beside mvnw above " + System.getProperty("user.dir"));
    }
    return dir;
  }

  private record Compose(JsonNode root) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Compose read(Path file) {
      try {
        return new Compose(YAML.readTree(file.toFile()));
      } catch (IOException e) {
        throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
      }
    }

    Map<String, JsonNode> services() {
      Map<String, JsonNode> services = new LinkedHashMap<>();
      root.path("services").properties().forEach(entry -> services.put(entry.getKey(), entry.getValue()));
      return services;
    }

    /** The services built from this repository's Dockerfile, or run from its amity image. */
    List<String> amityServices() {
      return services().entrySet().stream()
          .filter(e -> e.getValue().has("build") || e.getValue().path("image").asText().startsWith("amity:"))
          .map(Map.Entry::getKey).toList();
    }

    List<String> kafkaServices() {
      return services().keySet().stream().filter(name -> env(name).containsKey("KAFKA_ADVERTISED_LISTENERS")).toList();
    }

    List<String> registryServices() {
      return services().keySet().stream().filter(name -> env(name).containsKey("SCHEMA_REGISTRY_LISTENERS")).toList();
    }

    /** host:port of each listener the service advertises, e.g. kafka:9092. */
    List<String> advertisedListeners(String service) {
      String listeners = env(service).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
      return Arrays.stream(listeners.split(",")).map(String::trim).filter(l -> !l.isEmpty())
          .map(l -> l.replaceFirst("^[A-Za-z0-9_-]+://", "")).toList();
    }

    List<Integer> registryPorts(String service) {
      String listeners = env(service).getOrDefault("SCHEMA_REGISTRY_LISTENERS", "");
      return Arrays.stream(listeners.split(",")).map(String::trim).filter(l -> !l.isEmpty())
          .map(l -> URI.create(l).getPort()).toList();
    }

    /** The service's environment, given as a map or as a list of NAME=VALUE. */
    Map<String, String> env(String service) {
      Map<String, String> env = new LinkedHashMap<>();
      JsonNode environment = services().getOrDefault(service, MissingNode.getInstance()).path("environment");
      if (environment.isArray()) {
        environment.forEach(item -> {
          String[] parts = item.asText().split("=", 2);
          env.put(parts[0], parts.length > 1 ? parts[1] : "");
        });
      } else {
        environment.properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));
      }
      return env;
    }
  }
}
