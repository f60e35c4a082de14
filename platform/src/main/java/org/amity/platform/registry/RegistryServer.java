package org.amity.platform.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.amity.ops.Health;
import org.amity.ops.OpsEndpoints;
import org.amity.ops.Telemetry;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.amity.registry.RegisteredSchema;
import org.amity.registry.RegistryException;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Confluent Schema Registry REST API (Avro only) over a {@link SchemaRegistryClient}, so that
 * Confluent's serdes and our own {@code RestSchemaRegistryClient} can use it. The registry is not closed
 * with the server: whoever made it owns it.
 */
public final class RegistryServer implements AutoCloseable {
  public static final String DEFAULT_HOST = "127.0.0.1";
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(CONTENT_TYPE,
      "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

  private final SchemaRegistryClient registry;
  private final String host;
  private final int requestedPort;
  private final BasicCredentials credentials;
  private Telemetry telemetry;
  private Javalin app;

  /** A server on 127.0.0.1, on a free port, open to everyone. */
  public RegistryServer(SchemaRegistryClient registry) {
    this(registry, DEFAULT_HOST, 0);
  }

  /** A server open to everyone; port 0 picks a free port. */
  public RegistryServer(SchemaRegistryClient registry, String host, int port) {
    this(registry, host, port, Map.of());
  }

  /**
   * A server that demands HTTP basic authentication with one of {@code passwordsByUser} on every request
   * but the health probe {@code GET /}; an empty map leaves it open. Port 0 picks a free port.
   */
  public RegistryServer(SchemaRegistryClient registry, String host, int port, Map<String, String> passwordsByUser) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    this.requestedPort = port;
    this.credentials = new BasicCredentials(Map.copyOf(passwordsByUser));
  }

  public synchronized RegistryServer start() {
    if (app != null) {
      throw new IllegalStateException("The schema registry server is already started");
    }
    telemetry = Telemetry.of("registry");
    Gauge.builder("amity.registry.subjects", registry, schemas -> schemas.subjects().size())
        .description("Subjects the registry holds").register(telemetry.registry());
    Javalin server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new ErrorResponses.JettyBadMessages()));
      OpsEndpoints.install(config, telemetry, new Health());
      ErrorResponses.register(config.routes);
      config.routes.before(this::authorize);
      config.routes.before(RegistryServer::checkContentType);
      addRoutes(config.routes);
    });
    try {
      server.start(host, requestedPort);
    } catch (RuntimeException e) {
      server.stop();
      telemetry.close();
      throw e;
    }
    app = server;
    LOG.info("Schema registry listening on {}{}", url(), credentials.required() ? " (basic authentication)" : "");
    return this;
  }

  /** Where the registry's metrics go, once started: its Kafka journal's clients bind there too. */
  public synchronized MeterRegistry meters() {
    return telemetry.registry();
  }

  /** The port the server is bound to. */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("The schema registry server is not started");
    }
    return app.port();
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    // A wildcard address accepts connections but is no address to connect to.
    String shown = host.equals("0.0.0.0") || host.equals("::") ? DEFAULT_HOST : host;
    return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port();
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
      telemetry.close();
    }
  }

  private void addRoutes(RoutesConfig server) {
    server.get("/", ctx -> json(ctx, JSON.createObjectNode()));
    server.get("/schemas/types", ctx -> json(ctx, List.of("AVRO")));
    server.get("/schemas/ids/{id}", this::schemaById);
    server.get("/subjects", ctx -> json(ctx, registry.subjects()));
    server.post("/subjects/{subject}", this::lookup);
    server.get("/subjects/{subject}/versions", ctx -> json(ctx, registry.versions(subject(ctx))));
    server.post("/subjects/{subject}/versions", this::register);
    server.get("/subjects/{subject}/versions/{version}", ctx -> json(ctx, describe(requestedVersion(ctx))));
    server.get("/subjects/{subject}/versions/{version}/schema", this::rawSchema);
    server.post("/compatibility/subjects/{subject}/versions", this::checkCompatibility);
    server.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibilityWithVersion);
    server.get("/config", ctx -> json(ctx, levelAnswer(registry.globalCompatibility())));
    server.put("/config", this::setGlobalLevel);
    server.get("/config/{subject}", this::subjectLevel);
    server.put("/config/{subject}", this::setSubjectLevel);
  }

  private void authorize(Context ctx) {
    boolean healthProbe = ctx.method() == HandlerType.GET && (ctx.path().equals("/") || OpsEndpoints.isOpsPath(ctx.path()));
    if (credentials.required() && !healthProbe && !credentials.accepts(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
      throw ErrorResponses.unauthorized();
    }
  }

  private static void checkContentType(Context ctx) {
    String contentType = ctx.header("Content-Type");
    boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT;
    if (!hasBody || contentType == null || contentType.isBlank()) {
      return;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!ACCEPTED_CONTENT_TYPES.contains(mediaType)) {
      throw ErrorResponses.unsupportedMediaType();
    }
  }

  private void register(Context ctx) {
    int id = registry.register(subject(ctx), requestedSchema(ctx));
    json(ctx, JSON.createObjectNode().put("id", id));
  }

  private void lookup(Context ctx) {
    json(ctx, describe(registry.lookup(subject(ctx), requestedSchema(ctx))));
  }

  private void schemaById(Context ctx) {
    String idText = ctx.pathParam("id");
    int id;
    try {
      id = Integer.parseInt(idText);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound("Schema " + idText);
    }
    json(ctx, JSON.createObjectNode().put("schema", registry.schemaById(id).toString()));
  }

  private void rawSchema(Context ctx) {
    ctx.contentType(CONTENT_TYPE).result(requestedVersion(ctx).schema().toString());
  }

  /** Checks the schema against every version the subject's compatibility level demands. */
  private void checkCompatibility(Context ctx) {
    Schema candidate = requestedSchema(ctx);
    answerCompatibility(ctx, registry.compatibilityProblems(subject(ctx), candidate));
  }

  /** Checks the schema against one version only, in the directions of the level, as Confluent does. */
  private void checkCompatibilityWithVersion(Context ctx) {
    String subject = subject(ctx);
    registry.versions(subject); // an unknown subject is 40401 before the version is even read, as in Confluent
    RegisteredSchema target = requestedVersion(ctx);
    Schema candidate = requestedSchema(ctx);
    answerCompatibility(ctx, effectiveLevel(subject).problems(candidate, List.of(target.schema())));
  }

  private void answerCompatibility(Context ctx, List<String> problems) {
    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    if ("true".equalsIgnoreCase(ctx.queryParam("verbose"))) {
      answer.set("messages", JSON.valueToTree(problems));
    }
    json(ctx, answer);
  }

  private void setGlobalLevel(Context ctx) {
    CompatibilityLevel level = requestedLevel(ctx);
    registry.setGlobalCompatibility(level);
    json(ctx, JSON.createObjectNode().put("compatibility", level.name()));
  }

  private void subjectLevel(Context ctx) {
    String subject = subject(ctx);
    CompatibilityLevel level = registry.subjectCompatibility(subject);
    if (level == null && "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"))) {
      level = registry.globalCompatibility();
    }
    if (level == null) {
      throw new RegistryException(404, RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
          "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
    json(ctx, levelAnswer(level));
  }

  private void setSubjectLevel(Context ctx) {
    CompatibilityLevel level = requestedLevel(ctx);
    registry.setSubjectCompatibility(subject(ctx), level);
    json(ctx, JSON.createObjectNode().put("compatibility", level.name()));
  }

  private CompatibilityLevel effectiveLevel(String subject) {
    CompatibilityLevel own = registry.subjectCompatibility(subject);
    return own != null ? own : registry.globalCompatibility();
  }

  /** The version the path names: a number from 1, or "latest" (or -1) for the newest. */
  private RegisteredSchema requestedVersion(Context ctx) {
    String subject = subject(ctx);
    String version = ctx.pathParam("version").trim();
    if (version.equalsIgnoreCase("latest") || version.equals("-1")) {
      return registry.latest(subject);
    }
    return registry.version(subject, versionNumber(version));
  }

  private static int versionNumber(String version) {
    try {
      int number = Integer.parseInt(version);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, like any other invalid version
    }
    throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  /** The Avro schema in a {@code {"schema": "...", "schemaType": "AVRO"}} request. */
  private static Schema requestedSchema(Context ctx) {
    JsonNode body = requestBody(ctx);
    String schemaType = body.path("schemaType").asText("AVRO");
    if (!schemaType.equalsIgnoreCase("AVRO")) {
      throw RegistryException.invalidSchema("schema type " + schemaType + " is not supported; this registry serves only AVRO");
    }
    if (!body.path("references").isEmpty()) {
      throw RegistryException.invalidSchema("schema references are not supported");
    }
    JsonNode schema = body.path("schema");
    if (!schema.isTextual() || schema.asText().isBlank()) {
      throw RegistryException.invalidSchema("the request must carry the schema as a string in \"schema\"");
    }
    return LocalSchemaRegistry.parse(schema.asText());
  }

  /** The level in a {@code {"compatibility": "FULL"}} request. */
  private static CompatibilityLevel requestedLevel(Context ctx) {
    JsonNode level = requestBody(ctx).path("compatibility");
    return CompatibilityLevel.parse(level.isTextual() ? level.asText() : null);
  }

  /** The request's JSON object; an empty body reads as an empty object. */
  private static JsonNode requestBody(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ErrorResponses.badRequest(e.getOriginalMessage());
    }
    if (!body.isObject()) {
      throw ErrorResponses.badRequest("The request body must be a JSON object");
    }
    return body;
  }

  private static ObjectNode describe(RegisteredSchema registered) {
    return JSON.createObjectNode()
        .put("subject", registered.subject())
        .put("version", registered.version())
        .put("id", registered.id())
        .put("schema", registered.schema().toString());
  }

  private static ObjectNode levelAnswer(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibilityLevel", level.name());
  }

  private static void json(Context ctx, Object body) {
    ctx.contentType(CONTENT_TYPE).result(JSON.valueToTree(body).toString());
  }
}
