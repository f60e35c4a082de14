package org.amity.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.amity.registry.RegisteredSchema;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.RegistryException;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the server over HTTP with plain JSON, as a foreign Confluent client would. */
class RegistryServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String SUBJECT = "amity.partnerships-value";

  private static final String V1 = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"string"}]}""";
  /** V1 plus an optional field with a default: backward compatible. */
  private static final String V2 = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"string"},
        {"name":"since","type":["null","int"],"default":null}]}""";
  /** V1 plus a required field without a default: new readers cannot read old data. */
  private static final String WITH_REQUIRED_FIELD = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"string"},
        {"name":"country","type":"string"}]}""";
  /** V1 with the city's type changed to int. */
  private static final String CITY_AS_INT = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"int"}]}""";
  private static final String CITY_AS_INT_WITH_SINCE = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"int"},
        {"name":"since","type":["null","int"],"default":null}]}""";

  private LocalSchemaRegistry registry;
  private RegistryServer server;

  record Answer(int status, HttpHeaders headers, String text) {
    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  @BeforeEach
  void startServer() {
    registry = new LocalSchemaRegistry();
    server = new RegistryServer(registry).start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void bindsToTheLoopbackOnAFreePortAndAnswersTheHealthProbe() {
    assertThat(server.port()).isPositive();
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());

    Answer answer = get("/");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith(CONTENT_TYPE);
    assertThat(answer.json().isObject()).isTrue();
    assertThat(answer.json().size()).isZero();
  }

  @Test
  void registersASchemaAndAnswersTheSameIdForTheSameSchema() {
    Answer first = register(SUBJECT, V1);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith(CONTENT_TYPE);
    int id = first.json().path("id").asInt();
    assertThat(id).isPositive();

    assertThat(register(SUBJECT, V1).json().path("id").asInt()).isEqualTo(id);
    assertThat(register("amity.exchanges-value", V1).json().path("id").asInt()).isEqualTo(id);
    assertThat(get("/subjects").json()).containsExactlyInAnyOrder(
        JSON.getNodeFactory().textNode("amity.exchanges-value"), JSON.getNodeFactory().textNode(SUBJECT));
    assertThat(get("/subjects/" + SUBJECT + "/versions").json().toString()).isEqualTo("[1]");
  }

  @Test
  void looksUpASchemaUnderItsSubject() {
    int id = idOf(register(SUBJECT, V1));

    JsonNode found = post("/subjects/" + SUBJECT, schemaBody(V1)).json();
    assertThat(found.path("subject").asText()).isEqualTo(SUBJECT);
    assertThat(found.path("version").asInt()).isEqualTo(1);
    assertThat(found.path("id").asInt()).isEqualTo(id);
    assertThat(parse(found.path("schema").asText())).isEqualTo(parse(V1));

    Answer unknownSubject = post("/subjects/nobody-value", schemaBody(V1));
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    Answer notUnderSubject = post("/subjects/" + SUBJECT, schemaBody(V2));
    assertThat(notUnderSubject.status()).isEqualTo(404);
    assertThat(notUnderSubject.errorCode()).isEqualTo(40403);
  }

  @Test
  void answersTheSchemaOfAnId() {
    int id = idOf(register(SUBJECT, V1));

    Answer answer = get("/schemas/ids/" + id);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(parse(answer.json().path("schema").asText())).isEqualTo(parse(V1));

    Answer unknown = get("/schemas/ids/9999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo(40403);
    assertThat(unknown.json().path("message").asText()).startsWith("Schema 9999 not found");
    Answer notANumber = get("/schemas/ids/abc");
    assertThat(notANumber.status()).isEqualTo(404);
    assertThat(notANumber.errorCode()).isEqualTo(40403);
  }

  @Test
  void acceptsACompatibleEvolutionAsTheNextVersion() {
    int v1 = idOf(register(SUBJECT, V1));
    Answer evolved = register(SUBJECT, V2);
    assertThat(evolved.status()).isEqualTo(200);
    int v2 = idOf(evolved);
    assertThat(v2).isNotEqualTo(v1);

    assertThat(get("/subjects/" + SUBJECT + "/versions").json().toString()).isEqualTo("[1,2]");
    for (String latest : new String[] {"latest", "-1"}) {
      JsonNode newest = get("/subjects/" + SUBJECT + "/versions/" + latest).json();
      assertThat(newest.path("subject").asText()).isEqualTo(SUBJECT);
      assertThat(newest.path("version").asInt()).isEqualTo(2);
      assertThat(newest.path("id").asInt()).isEqualTo(v2);
      assertThat(parse(newest.path("schema").asText())).isEqualTo(parse(V2));
    }
    JsonNode first = get("/subjects/" + SUBJECT + "/versions/1").json();
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(first.path("id").asInt()).isEqualTo(v1);

    Answer raw = get("/subjects/" + SUBJECT + "/versions/1/schema");
    assertThat(raw.status()).isEqualTo(200);
    assertThat(parse(raw.text())).isEqualTo(parse(V1));
  }

  @Test
  void refusesAnIncompatibleEvolutionWithConfluentsConflict() {
    register(SUBJECT, V1);

    for (String incompatible : new String[] {WITH_REQUIRED_FIELD, CITY_AS_INT}) {
      Answer refused = register(SUBJECT, incompatible);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo(409);
      assertThat(refused.json().path("message").asText())
          .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"");
    }
    assertThat(registry.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void refusesInvalidSchemasAndRequests() {
    assertInvalidSchema(register(SUBJECT, "this is not a schema"));
    assertInvalidSchema(register(SUBJECT, "{\"type\":\"record\",\"fields\":[]}"));
    assertInvalidSchema(post("/subjects/" + SUBJECT + "/versions", "{}"));
    assertInvalidSchema(post("/subjects/" + SUBJECT + "/versions", "{\"schema\": 42}"));

    Answer protobuf = post("/subjects/" + SUBJECT + "/versions",
        JSON.createObjectNode().put("schema", "syntax = \"proto3\";").put("schemaType", "PROTOBUF").toString());
    assertInvalidSchema(protobuf);
    assertThat(protobuf.json().path("message").asText()).contains("PROTOBUF");

    Answer avroNamed = post("/subjects/" + SUBJECT + "/versions",
        JSON.createObjectNode().put("schema", V1).put("schemaType", "AVRO").toString());
    assertThat(avroNamed.status()).isEqualTo(200);

    Answer malformed = post("/subjects/" + SUBJECT + "/versions", "{\"schema\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(400);
    assertThat(registry.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void answersConfluentsNotFoundCodes() {
    register(SUBJECT, V1);

    assertError(get("/subjects/nobody-value/versions"), 404, 40401);
    assertError(get("/subjects/nobody-value/versions/latest"), 404, 40401);
    assertError(get("/subjects/nobody-value/versions/1"), 404, 40401);
    assertError(get("/subjects/" + SUBJECT + "/versions/7"), 404, 40402);
    assertError(get("/subjects/" + SUBJECT + "/versions/7/schema"), 404, 40402);
    assertError(get("/subjects/" + SUBJECT + "/versions/first"), 422, 42202);
    assertError(get("/subjects/" + SUBJECT + "/versions/0"), 422, 42202);

    Answer unknownRoute = get("/no/such/route");
    assertError(unknownRoute, 404, 404);
    assertThat(unknownRoute.json().path("message").asText()).isEqualTo("HTTP 404 Not Found");
  }

  @Test
  void checksCompatibilityWithTheLatestVersionAndVerboseMessages() {
    String versions = "/compatibility/subjects/" + SUBJECT + "/versions";
    assertThat(post(versions, schemaBody(V1)).json().path("is_compatible").asBoolean()).isTrue();
    assertError(post(versions + "/latest", schemaBody(V1)), 404, 40401);
    register(SUBJECT, V1);

    Answer compatible = post(versions + "/latest?verbose=true", schemaBody(V2));
    assertThat(compatible.status()).isEqualTo(200);
    assertThat(compatible.json().path("is_compatible").asBoolean()).isTrue();
    assertThat(compatible.json().path("messages").isArray()).isTrue();
    assertThat(compatible.json().path("messages")).isEmpty();

    Answer terse = post(versions + "/1", schemaBody(WITH_REQUIRED_FIELD));
    assertThat(terse.json().path("is_compatible").asBoolean()).isFalse();
    assertThat(terse.json().has("messages")).isFalse();

    Answer verbose = post(versions + "?verbose=true", schemaBody(WITH_REQUIRED_FIELD));
    assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.json().path("messages").toString()).contains("country");

    assertError(post(versions + "/5", schemaBody(V2)), 404, 40402);
    assertError(post(versions + "/latest", schemaBody("nonsense")), 422, 42201);
  }

  @Test
  void checksOneVersionInTheLevelsDirectionButNotTransitively() {
    registry.setSubjectCompatibility(SUBJECT, CompatibilityLevel.NONE);
    register(SUBJECT, V1);
    register(SUBJECT, CITY_AS_INT);
    put("/config/" + SUBJECT, "{\"compatibility\": \"BACKWARD_TRANSITIVE\"}");
    String versions = "/compatibility/subjects/" + SUBJECT + "/versions";

    assertThat(isCompatible(post(versions + "/latest", schemaBody(CITY_AS_INT_WITH_SINCE)))).isTrue();
    assertThat(isCompatible(post(versions + "/1", schemaBody(CITY_AS_INT_WITH_SINCE)))).isFalse();
    assertThat(isCompatible(post(versions, schemaBody(CITY_AS_INT_WITH_SINCE)))).isFalse();

    // FORWARD: old readers ignore the new required field, so only the other direction would object.
    register("amity.forward-value", V1);
    put("/config/amity.forward-value", "{\"compatibility\": \"FORWARD\"}");
    String forward = "/compatibility/subjects/amity.forward-value/versions";
    assertThat(isCompatible(post(forward + "/latest", schemaBody(WITH_REQUIRED_FIELD)))).isTrue();
    put("/config/amity.forward-value", "{\"compatibility\": \"BACKWARD\"}");
    assertThat(isCompatible(post(forward + "/latest", schemaBody(WITH_REQUIRED_FIELD)))).isFalse();
  }

  @Test
  void readsAndWritesTheGlobalCompatibilityLevel() {
    assertThat(get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");

    Answer set = put("/config", "{\"compatibility\": \"FULL\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().path("compatibility").asText()).isEqualTo("FULL");
    assertThat(get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);

    assertError(put("/config", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
    assertError(put("/config", "{}"), 422, 42203);
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void readsAndWritesASubjectsCompatibilityLevel() {
    String config = "/config/" + SUBJECT;
    assertError(get(config), 404, 40408);
    assertThat(get(config + "?defaultToGlobal=true").json().path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD_TRANSITIVE");

    Answer set = put(config, "{\"compatibility\": \"none\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().path("compatibility").asText()).isEqualTo("NONE");
    assertThat(get(config).json().path("compatibilityLevel").asText()).isEqualTo("NONE");
    assertThat(registry.subjectCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);

    assertError(put(config, "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
    assertThat(registry.subjectCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);

    // with NONE, an incompatible change is accepted
    register(SUBJECT, V1);
    assertThat(register(SUBJECT, CITY_AS_INT).status()).isEqualTo(200);
  }

  @Test
  void handlesUrlEncodedSubjectsWithDotsDashesAndSpaces() {
    String subject = "amity.city pairs-v2+extra";
    String encoded = URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    int id = idOf(register(encoded, V1));

    assertThat(registry.subjects()).containsExactly(subject);
    assertThat(get("/subjects").json().get(0).asText()).isEqualTo(subject);
    JsonNode latest = get("/subjects/" + encoded + "/versions/latest").json();
    assertThat(latest.path("subject").asText()).isEqualTo(subject);
    assertThat(latest.path("id").asInt()).isEqualTo(id);
  }

  @Test
  void acceptsConfluentsContentTypesAndRefusesOthers() {
    for (String contentType : new String[] {CONTENT_TYPE, "application/vnd.schemaregistry+json",
        "application/json; charset=utf-8", null}) {
      assertThat(send("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(V1), contentType, null).status())
          .as("content type %s", contentType).isEqualTo(200);
    }
    assertError(send("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(V1), "text/plain", null), 415, 415);
  }

  @Test
  void demandsBasicAuthenticationWhenGivenCredentials() {
    try (RegistryServer guarded = new RegistryServer(registry, "127.0.0.1", 0, Map.of("amity", "s3cret")).start()) {
      String url = guarded.url();

      Answer anonymous = send(url, "GET", "/subjects", null, null, null);
      assertError(anonymous, 401, 40101);
      assertThat(anonymous.json().path("message").asText()).isEqualTo("Unauthorized");
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("Basic"));
      assertError(send(url, "GET", "/subjects", null, null, basic("amity", "wrong")), 401, 40101);
      assertError(send(url, "GET", "/subjects", null, null, basic("other", "s3cret")), 401, 40101);
      assertError(send(url, "GET", "/subjects", null, null, "Basic not-base64!"), 401, 40101);
      assertError(send(url, "POST", "/subjects/" + SUBJECT + "/versions", schemaBody(V1), CONTENT_TYPE, null),
          401, 40101);
      assertThat(registry.subjects()).isEmpty();

      assertThat(send(url, "GET", "/subjects", null, null, basic("amity", "s3cret")).status()).isEqualTo(200);
      assertThat(send(url, "POST", "/subjects/" + SUBJECT + "/versions", schemaBody(V1), CONTENT_TYPE,
          basic("amity", "s3cret")).status()).isEqualTo(200);
      assertThat(send(url, "GET", "/", null, null, null).status()).isEqualTo(200);
    }
  }

  @Test
  void answersUnexpectedFailuresAsJsonWithStoreError() {
    SchemaRegistryClient broken = (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
          throw new IllegalStateException("disk on fire");
        });
    try (RegistryServer failing = new RegistryServer(broken).start()) {
      Answer answer = send(failing.url(), "GET", "/subjects", null, null, null);
      assertError(answer, 500, 50001);
      assertThat(answer.contentType()).startsWith(CONTENT_TYPE);
    }
  }

  @Test
  void servesOurOwnRestClient() {
    try (SchemaRegistryClient client = RegistryClientConfig.from(Map.of("schema.registry.url", server.url())).newClient()) {
      Schema v1 = parse(V1);
      int id = client.register(SUBJECT, v1);
      assertThat(client.schemaById(id)).isEqualTo(v1);
      RegisteredSchema found = client.lookup(SUBJECT, v1);
      assertThat(found.version()).isEqualTo(1);
      assertThat(found.id()).isEqualTo(id);
      assertThat(client.latest(SUBJECT).schema()).isEqualTo(v1);
      assertThat(client.compatibilityProblems(SUBJECT, parse(V2))).isEmpty();
      assertThat(client.compatibilityProblems(SUBJECT, parse(WITH_REQUIRED_FIELD))).isNotEmpty();
      assertThat(client.subjectCompatibility(SUBJECT)).isNull();
      client.setSubjectCompatibility(SUBJECT, CompatibilityLevel.FULL);
      assertThat(client.subjectCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.FULL);
      assertThatThrownBy(() -> client.register(SUBJECT, parse(CITY_AS_INT)))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    }
  }

  private Answer register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  private static int idOf(Answer registered) {
    assertThat(registered.status()).as(registered.text()).isEqualTo(200);
    return registered.json().path("id").asInt();
  }

  private static boolean isCompatible(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().path("is_compatible").asBoolean();
  }

  private static void assertInvalidSchema(Answer answer) {
    assertError(answer, 422, 42201);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(CONTENT_TYPE);
    assertThat(answer.errorCode()).as(answer.text()).isEqualTo(errorCode);
    assertThat(answer.json().path("message").asText()).isNotBlank();
  }

  private static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Answer get(String path) {
    return send("GET", path, null, null, null);
  }

  private Answer post(String path, String body) {
    return send("POST", path, body, CONTENT_TYPE, null);
  }

  private Answer put(String path, String body) {
    return send("PUT", path, body, CONTENT_TYPE, null);
  }

  private Answer send(String method, String path, String body, String contentType, String authorization) {
    return send(server.url(), method, path, body, contentType, authorization);
  }

  private static Answer send(String url, String method, String path, String body, String contentType,
      String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .header("Accept", CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
