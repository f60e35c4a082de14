package org.amity.streams.query;

import static org.amity.platform.EmbeddedPlatformExtension.clientConfig;
import static org.amity.streams.app.TopologyFixture.office;
import static org.amity.streams.app.TopologyFixture.relationship;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amity.access.OfficeTokens;
import org.amity.contract.Topics;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.serde.SpecificAvroSerde;
import org.amity.streams.app.AmityStreamsApp;
import org.amity.streams.model.ModelSettings;
import org.amity.streams.settings.StreamsSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API answers only with an office's API token, and only about that office and the offices under it (a
 * province's token reaches its city and the city's district, a district's token only the district); another office's
 * relationship is answered as unknown. Health and metrics need no token.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class QueryApiAccessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final LocalDate ESTABLISHED = LocalDate.of(2001, 6, 1);

  @TempDir
  Path stateDirs;

  @Test
  void anOfficeTokenReadsItsOfficeAndTheOfficesUnderItAndNothingElse() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    QueryClient province = QueryClient.of("prov-" + run);
    QueryClient city = QueryClient.of("city-" + run);
    QueryClient district = QueryClient.of("dist-" + run);
    QueryClient peer = QueryClient.of("peer-" + run);
    List<QueryClient> offices = List.of(province, city, district, peer);
    Map<String, Object> config = clientConfig();
    publish(config, List.of(
        new ProducerRecord<>(Topics.OFFICES.name(), province.office(), office(province.office(), null)),
        new ProducerRecord<>(Topics.OFFICES.name(), city.office(), office(city.office(), province.office())),
        new ProducerRecord<>(Topics.OFFICES.name(), district.office(), office(district.office(), city.office())),
        new ProducerRecord<>(Topics.OFFICES.name(), peer.office(), office(peer.office(), null))));
    publish(config, offices.stream().<ProducerRecord<String, SpecificRecord>>map(o -> new ProducerRecord<>(
        Topics.RELATIONSHIPS.name(), idOf(o), relationship(idOf(o), ESTABLISHED))).toList());
    Map<String, String> hashes = new HashMap<>();
    offices.forEach(o -> hashes.put(o.office(), OfficeTokens.hash(o.token())));

    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId("access-" + run),
        config, new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
            Files.createDirectory(stateDirs.resolve("streams-access")), 3, (short) 1, new OfficeTokens(hashes)))) {
      app.awaitRunning(Duration.ofSeconds(60));
      for (QueryClient office : offices) {
        office.awaitOk(port, "/api/v1/vitality/" + idOf(office), body -> true);
      }
      assertThat(province.awaitOk(port, "/api/v1/vitality", body -> body.path("count").asInt() == 3)
          .findValuesAsText("relationshipId")).containsExactly(idOf(city), idOf(district), idOf(province));
      assertThat(city.send(port, "/api/v1/vitality").body()).contains(idOf(city), idOf(district))
          .doesNotContain(idOf(province), idOf(peer));
      assertThat(province.send(port, "/api/v1/vitality/" + idOf(district) + "/history?days=28&step=7").statusCode())
          .as("a province reads its district's history").isEqualTo(200);
      JsonNode atYearEnds = JSON.readTree(province.send(port, "/api/v1/vitality/" + idOf(district)
          + "/history?days=366&step=366&until=2025-01-01T00:00:00%2B08:00").body());
      assertThat(atYearEnds.path("history").findValuesAsText("at"))
          .containsExactly("2023-12-31T16:00:00Z", "2024-12-31T16:00:00Z");
      HttpResponse<String> badUntil = province.send(port, "/api/v1/vitality/" + idOf(district) + "/history?until=2024");
      assertThat(badUntil.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(badUntil.body()).path("error").asText()).isEqualTo("until 须为带时区的时刻，如 "
          + "2025-01-01T00:00:00+08:00 / until must be a moment with its offset, such as 2025-01-01T00:00:00+08:00, "
          + "not '2024'");

      for (String notTheirs : List.of(idOf(province), idOf(peer))) {
        HttpResponse<String> answer = city.send(port, "/api/v1/vitality/" + notTheirs);
        assertThat(answer.statusCode()).as(notTheirs).isEqualTo(404);
        assertThat(answer.body()).contains("没有可查看的关系");
        assertThat(city.send(port, "/api/v1/vitality/" + notTheirs + "/history").statusCode()).isEqualTo(404);
      }
      assertThat(district.send(port, "/api/v1/vitality?office=" + city.office()).body()).contains("\"count\":0");
      assertThat(peer.send(port, "/api/v1/vitality").body()).contains(idOf(peer))
          .doesNotContain(idOf(province), idOf(city), idOf(district));

      HttpResponse<String> anonymous = get(port, "/api/v1/vitality/" + idOf(city), null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(JSON.readTree(anonymous.body()).path("error").asText()).startsWith("须提供外办 API 令牌");
      HttpResponse<String> wrong = get(port, "/api/v1/vitality", "Bearer " + OfficeTokens.newToken());
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("API 令牌无效").doesNotContain(run);
      assertThat(get(port, "/api/v1/vitality", "Basic " + province.token()).statusCode()).isEqualTo(401);
      assertThat(get(port, "/health/live", null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/metrics", null).statusCode()).isEqualTo(200);

      assertThat(get(port, "/api/v1/model", null).statusCode()).isEqualTo(401);
      JsonNode model = JSON.readTree(peer.send(port, "/api/v1/model").body());
      assertThat(model.path("version").asText()).isEqualTo(ModelSettings.defaults().version());
      assertThat(model.path("halfLifeDays").asDouble()).isEqualTo(180);
      assertThat(model.path("bands").path("dormantSilenceDays").asInt()).isEqualTo(365);
    }
  }

  @Test
  void anInstanceGivenNoTokensServesNoData() throws Exception {
    int port = EmbeddedKafka.freeLoopbackPorts(1)[0];
    try (AmityStreamsApp app = AmityStreamsApp.start(StreamsSettings.defaults().withApplicationId("no-tokens-"
            + System.nanoTime()), clientConfig(), new AmityStreamsApp.Options("127.0.0.1", "127.0.0.1", port,
        Files.createDirectory(stateDirs.resolve("streams-no-tokens")), 3, (short) 1, OfficeTokens.NONE))) {
      HttpResponse<String> answer = get(port, "/api/v1/vitality", "Bearer " + OfficeTokens.newToken());
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("未配置外办令牌", "No office tokens");
    }
  }

  private static String idOf(QueryClient office) {
    return office.office() + "/xx-partner";
  }

  private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void publish(Map<String, Object> config, List<ProducerRecord<String, SpecificRecord>> records)
      throws Exception {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)),
        new StringSerializer(), serde.serializer())) {
      for (ProducerRecord<String, SpecificRecord> record : records) {
        producer.send(record).get();
      }
    }
  }
}
