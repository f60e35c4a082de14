package org.amity.app;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amity.access.OfficeTokens;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code amity ingest}: the HTTP ingest API, until Ctrl-C. */
@Command(
    name = "ingest",
    header = "提供 HTTP 接收接口 / Serves the HTTP ingest API for the offices' systems",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the HTTP ingest API: offices POST events as JSON to /api/v1/events and manage their",
        "relationships under /api/v1/relationships. OpenAPI document: /api/v1/openapi.json.",
        "Each office authenticates with its API token; only SHA-256 hashes of the tokens are configured",
        "('amity token OFFICE' makes a token and its hash)."})
final class IngestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--token-hash", paramLabel = "OFFICE=SHA256HEX",
      description = "An office's token hash. Repeatable. Also read from env AMITY_INGEST_TOKENS (OFFICE=HASH,...).")
  Map<String, String> tokenHashes = new HashMap<>();

  @Option(names = "--tokens-file", paramLabel = "FILE",
      description = "A properties file of OFFICE=SHA256HEX lines.")
  Path tokensFile;

  @Option(names = "--max-body-bytes", defaultValue = "1048576",
      description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--max-batch-events", defaultValue = "1000",
      description = "Most events in one batch; more get 413 (default: ${DEFAULT-VALUE}).")
  int maxBatchEvents;

  @Option(names = "--instance-id", paramLabel = "ID",
      description = {"Names this instance to Kafka (its transactional id). A restart under the same name fences what",
          "the previous run left open, so that new events are visible at once; give each instance its own",
          "(default: the host name and --port)."})
  String instanceId;

  @Override
  public Integer call() throws Exception {
    OptionChecks.requireAtLeast(spec, "--max-body-bytes", maxBodyBytes, 1);
    OptionChecks.requireAtLeast(spec, "--max-batch-events", maxBatchEvents, 1);
    OfficeTokens tokens = tokens();
    Map<String, Object> config = connection.clientConfig();
    config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "amity-ingest-"
        + (instanceId != null ? instanceId : InetAddress.getLocalHost().getHostName() + "-" + port));
    AmityPublisher publisher = AmityPublisher.start(config);
    PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
    IngestApi api;
    try {
      api = new IngestApi(new IngestSettings(host, port, maxBodyBytes, maxBatchEvents), tokens, publisher,
          partners, Clock.systemUTC()).start();
    } catch (RuntimeException e) {
      partners.close();
      publisher.close();
      throw e;
    }
    System.out.println("接入 API / Ingest API: " + api.url() + "/api/v1/events  (OpenAPI: " + api.url() + "/api/v1/openapi.json)");
    UntilStopped.run(api, partners, publisher);
    return 0;
  }

  private OfficeTokens tokens() throws IOException {
    Map<String, String> hashes = NamedHashes.collect(spec.commandLine(), "AMITY_INGEST_TOKENS", "--tokens-file",
        tokensFile, tokenHashes);
    if (hashes.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "No office tokens: give --token-hash OFFICE=HASH, --tokens-file or AMITY_INGEST_TOKENS ('amity token OFFICE' makes one)");
    }
    try {
      return new OfficeTokens(hashes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
