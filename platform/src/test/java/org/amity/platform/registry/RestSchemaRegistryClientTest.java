package org.amity.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.registry.LocalSchemaRegistry;
import org.amity.registry.RegistryClientConfig;
import org.amity.registry.RegistryException;
import org.amity.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** Our REST client against our registry server over real HTTP. */
class RestSchemaRegistryClientTest {
  private static final Schema SCHEMA = SchemaBuilder.record("Visit").namespace("test").fields()
      .requiredString("partner").endRecord();

  private static SchemaRegistryClient client(Map<String, String> config) {
    return RegistryClientConfig.from(config).newClient();
  }

  @Test
  void sendsBasicAuthFromUserInfo() {
    try (RegistryServer server = new RegistryServer(new LocalSchemaRegistry(), "127.0.0.1", 0, Map.of("office", "s3cret")).start()) {
      SchemaRegistryClient withCredentials = client(Map.of("schema.registry.url", server.url(),
          "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "office:s3cret"));
      assertThat(withCredentials.register("visits-value", SCHEMA)).isPositive();

      SchemaRegistryClient without = client(Map.of("schema.registry.url", server.url()));
      assertThatThrownBy(without::subjects).isInstanceOfSatisfying(RegistryException.class,
          e -> assertThat(e.errorCode()).isEqualTo(40101));
    }
  }

  @Test
  void sendsBasicAuthFromTheUrl() {
    try (RegistryServer server = new RegistryServer(new LocalSchemaRegistry(), "127.0.0.1", 0, Map.of("office", "s3cret")).start()) {
      String url = server.url().replace("http://", "http://office:s3cret@");
      assertThat(client(Map.of("schema.registry.url", url)).subjects()).isEmpty();
    }
  }

  @Test
  void cachesIdsBothWaysSoAStoppedRegistryStillAnswersKnownSchemas() {
    SchemaRegistryClient client;
    int id;
    try (RegistryServer server = new RegistryServer(new LocalSchemaRegistry()).start()) {
      client = client(Map.of("schema.registry.url", server.url()));
      id = client.register("visits-value", SCHEMA);
    }
    assertThat(client.register("visits-value", SCHEMA)).isEqualTo(id);
    assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
    assertThatThrownBy(() -> client.latest("visits-value")).isInstanceOfSatisfying(RegistryException.class,
        e -> assertThat(e.getMessage()).contains("Cannot reach the schema registry"));
  }

  @Test
  void triesTheNextUrlWhenOneCannotBeReached() {
    int deadPort = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (RegistryServer server = new RegistryServer(new LocalSchemaRegistry()).start()) {
      SchemaRegistryClient client = client(Map.of("schema.registry.url", "http://127.0.0.1:" + deadPort + "," + server.url()));
      assertThat(client.register("visits-value", SCHEMA)).isPositive();
    }
  }

  @Test
  void confluentErrorsArriveWithTheirCodes() {
    try (RegistryServer server = new RegistryServer(new LocalSchemaRegistry()).start()) {
      SchemaRegistryClient client = client(Map.of("schema.registry.url", server.url()));
      assertThatThrownBy(() -> client.latest("nope")).isInstanceOfSatisfying(RegistryException.class, e -> {
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(40401);
      });
      assertThatThrownBy(() -> client.schemaById(77)).hasFieldOrPropertyWithValue("errorCode", 40403);
      assertThat(client.subjectCompatibility("nope")).isNull();
    }
  }
}
