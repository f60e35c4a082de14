package org.amity.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.amity.registry.CompatibilityLevel;
import org.amity.registry.LocalSchemaRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad request to the registry's REST API gets Confluent's status and error_code and a message naming the problem,
 * and changes nothing: no schema registered, no subject added, no level changed. RegistryServerTest already covers a
 * text that is not JSON, a record without a name, a missing or numeric "schema", PROTOBUF, a broken body, a new
 * required field or a changed field type, unknown subjects and versions, versions "first" and 0, ids 9999 and "abc",
 * unknown compatibility levels, text/plain bodies and missing or wrong credentials.
 */
class RegistryApiBadInputTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String SUBJECT = "amity.partnerships-value";
  private static final String VERSIONS = "/subjects/" + SUBJECT + "/versions";
  private static final String V1 = """
      {"type":"record","name":"Partnership","namespace":"org.amity","fields":[
        {"name":"city","type":"string"},
        {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["SISTER","FRIENDLY"]}}]}""";

  private static LocalSchemaRegistry registry;
  private static RegistryServer server;

  /** One bad request and the answer it must get. */
  record Case(String name, String method, String path, String body, int status, int errorCode, String mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() {
    registry = new LocalSchemaRegistry();
    registry.register(SUBJECT, new Schema.Parser().parse(V1));
    server = new RegistryServer(registry).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Case register(String name, String schema, int status, int errorCode, String mentions) {
    return new Case(name, "POST", VERSIONS, JSON.createObjectNode().put("schema", schema).toString(), status, errorCode, mentions);
  }

  static String partnership(String fields) {
    return "{\"type\":\"record\",\"name\":\"Partnership\",\"namespace\":\"org.amity\",\"fields\":[" + fields + "]}";
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("a body that is a JSON array", "POST", VERSIONS, "[]", 400, 400, "JSON object"),
        new Case("a schema object instead of its text", "POST", VERSIONS, "{\"schema\": {\"type\": \"string\"}}", 422, 42201, "schema"),
        new Case("a blank schema", "POST", VERSIONS, "{\"schema\": \"  \"}", 422, 42201, "schema"),
        new Case("schema references", "POST", VERSIONS,
            "{\"schema\": \"\\\"string\\\"\", \"references\": [{\"name\": \"x\", \"subject\": \"y\", \"version\": 1}]}", 422, 42201, "references"),
        register("an unknown type name", partnership("{\"name\":\"city\",\"type\":\"strin\"}"), 422, 42201, "strin"),
        register("a default of the wrong type", partnership("{\"name\":\"city\",\"type\":\"string\"},"
            + "{\"name\":\"since\",\"type\":\"int\",\"default\":\"soon\"}"), 422, 42201, "since"),
        register("a field named twice", partnership("{\"name\":\"city\",\"type\":\"string\"},{\"name\":\"city\",\"type\":\"int\"}"),
            422, 42201, "city"),
        register("an enum symbol named twice", "{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\",\"A\"]}", 422, 42201, "A"),
        register("a name starting with a digit", "{\"type\":\"record\",\"name\":\"1city\",\"fields\":[]}", 422, 42201, "1city"),
        register("a union naming a type twice", partnership("{\"name\":\"city\",\"type\":[\"null\",\"null\"]}"), 422, 42201, "union"),
        register("the record renamed", V1.replace("\"Partnership\"", "\"Twinning\""), 409, 409, SUBJECT),
        register("an enum symbol removed", V1.replace("\"SISTER\",", ""), 409, 409, "SISTER"),
        new Case("a body over the server's limit", "POST", VERSIONS,
            JSON.createObjectNode().put("schema", partnership("")).put("padding", "x".repeat(2_000_000)).toString(), 413, 413, "413"),
        new Case("an id beyond an int", "GET", "/schemas/ids/99999999999", null, 404, 40403, "99999999999"),
        new Case("a negative id", "GET", "/schemas/ids/-1", null, 404, 40403, "-1"),
        new Case("a negative version", "GET", VERSIONS + "/-2", null, 422, 42202, "-2"),
        new Case("a version beyond an int", "GET", VERSIONS + "/99999999999", null, 422, 42202, "99999999999"),
        new Case("a fractional version", "GET", VERSIONS + "/1.5", null, 422, 42202, "1.5"),
        new Case("the schema of an unknown subject's latest version", "GET", "/subjects/nobody-value/versions/latest/schema",
            null, 404, 40401, "nobody-value"),
        new Case("a compatibility check against an unknown version", "POST", "/compatibility" + VERSIONS + "/7",
            JSON.createObjectNode().put("schema", V1).toString(), 404, 40402, "7"),
        new Case("a compatibility check of an invalid schema", "POST", "/compatibility" + VERSIONS,
            JSON.createObjectNode().put("schema", "{\"type\":\"record\"}").toString(), 422, 42201, "Invalid schema"),
        new Case("a compatibility level that is a number", "PUT", "/config/" + SUBJECT, "{\"compatibility\": 5}", 422, 42203, "compatibility level"),
        new Case("a level body that is a JSON array", "PUT", "/config", "[\"FULL\"]", 400, 400, "JSON object"),
        new Case("deleting a subject (not served)", "DELETE", "/subjects/" + SUBJECT, null, 404, 404, "Not Found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithConfluentsErrorCodeAndChangesNothing(Case bad) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + bad.path()))
        .header("Accept", CONTENT_TYPE)
        .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(bad.body()));
    if (bad.body() != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(CONTENT_TYPE));
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("error_code").asInt()).as(response.body()).isEqualTo(bad.errorCode());
    assertThat(answer.path("message").asText()).as("the message names the problem").contains(bad.mentions());
    assertThat(registry.subjects()).as("subjects").containsExactly(SUBJECT);
    assertThat(registry.versions(SUBJECT)).as("versions").containsExactly(1);
    assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(registry.subjectCompatibility(SUBJECT)).isNull();
  }
}
