package org.amity.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API. Ids are cached both ways: a schema's id per
 * subject, and the schema of each id, since neither ever changes. With several URLs, each is tried in turn
 * when one cannot be reached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One for the process: each client would otherwise keep its own selector thread, and every serde has a client. */
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final List<URI> urls;
  private final String authorization;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    this.urls = config.urls().stream().map(RestSchemaRegistryClient::withoutUserInfo).toList();
    this.authorization = config.userInfo() == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    int id = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = LocalSchemaRegistry.parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
    schemasById.put(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    RegisteredSchema found = registered(send("POST", "/subjects/" + encode(subject), schemaBody(schema)));
    idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, found.id());
    return found;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  @Override
  public List<String> compatibilityProblems(String subject, Schema schema) {
    JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions?verbose=true",
        schemaBody(schema));
    List<String> problems = new ArrayList<>();
    if (!answer.path("is_compatible").asBoolean()) {
      answer.path("messages").forEach(node -> problems.add(node.asText()));
      if (problems.isEmpty()) {
        problems.add("the registry answered is_compatible=false");
      }
    }
    return problems;
  }

  @Override
  public CompatibilityLevel globalCompatibility() {
    return CompatibilityLevel.parse(send("GET", "/config", null).path("compatibilityLevel").asText());
  }

  @Override
  public void setGlobalCompatibility(CompatibilityLevel level) {
    send("PUT", "/config", compatibilityBody(level));
  }

  @Override
  public CompatibilityLevel subjectCompatibility(String subject) {
    try {
      return CompatibilityLevel.parse(send("GET", "/config/" + encode(subject), null).path("compatibilityLevel").asText());
    } catch (RegistryException e) {
      if (e.errorCode() == RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED
          || e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    send("PUT", "/config/" + encode(subject), compatibilityBody(level));
  }

  private JsonNode send(String method, String path, ObjectNode body) {
    RegistryException unreachable = null;
    for (URI base : urls) {
      HttpRequest request = request(base, method, path, body);
      try {
        return answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), request.uri());
      } catch (IOException e) {
        unreachable = new RegistryException(503, RegistryException.REGISTRY_UNREACHABLE,
            "Cannot reach the schema registry at " + base + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(503, RegistryException.REGISTRY_UNREACHABLE, "Interrupted calling " + base, e);
      }
    }
    throw unreachable;
  }

  private HttpRequest request(URI base, String method, String path, ObjectNode body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  private static JsonNode answer(HttpResponse<String> response, URI uri) {
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.statusCode() / 100 == 2 && json != null) {
      return json;
    }
    if (json != null && json.has("error_code")) {
      throw new RegistryException(response.statusCode(), json.path("error_code").asInt(),
          json.path("message").asText());
    }
    throw new RegistryException(response.statusCode(), response.statusCode(),
        "Unexpected answer " + response.statusCode() + " from " + uri + ": " + abbreviate(response.body()));
  }

  private static RegisteredSchema registered(JsonNode node) {
    return new RegisteredSchema(node.path("subject").asText(), node.path("id").asInt(),
        node.path("version").asInt(), LocalSchemaRegistry.parse(node.path("schema").asText()));
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private static ObjectNode compatibilityBody(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibility", level.name());
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI withoutUserInfo(URI uri) {
    return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
