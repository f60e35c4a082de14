package org.amity.producers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.access.OfficeTokens;
import org.amity.contract.EventTypes;
import org.amity.contract.Topics;
import org.amity.events.SampleEvents;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.platform.Platform;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.amity.serde.AvroDeserializer;
import org.amity.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** An ingest API on the embedded platform with two offices, each with its token and relationships. */
final class IngestFixture implements AutoCloseable {
  static final String OFFICE_A = "ingest-a";
  static final String OFFICE_B = "ingest-b";
  static final String TOKEN_A = "token-of-office-a-0123456789";
  static final String TOKEN_B = "token-of-office-b-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Object> clientConfig = new HashMap<>();
  final AmityPublisher publisher;
  final PartnerRegistry partners;
  final IngestApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  IngestFixture(Platform platform) {
    clientConfig.put("bootstrap.servers", platform.bootstrapServers());
    clientConfig.put("schema.registry.url", platform.registryUrl());
    publisher = AmityPublisher.start(clientConfig);
    partners = new PartnerRegistry(clientConfig, publisher.relationships(), Clock.systemUTC());
    partners.put(SampleEvents.office(OFFICE_A));
    partners.put(SampleEvents.office(OFFICE_B));
    for (String partner : List.of("nl-rotterdam", "es-barcelona", "za-johannesburg", "fr-paris", "nz-dunedin")) {
      partners.put(relationship(OFFICE_A, partner));
    }
    partners.put(relationship(OFFICE_B, "jp-hirakata"));
    OfficeTokens tokens = new OfficeTokens(Map.of(OFFICE_A, OfficeTokens.hash(TOKEN_A), OFFICE_B, OfficeTokens.hash(TOKEN_B)));
    api = new IngestApi(IngestSettings.defaults("127.0.0.1", 0), tokens, publisher, partners, Clock.systemUTC()).start();
  }

  static Relationship relationship(String office, String partner) {
    return Relationship.newBuilder()
        .setRelationshipId(office + "/" + partner).setOfficeId(office).setPartnerId(partner)
        .setPartnerNameEn(partner.substring(3)).setCountry(partner.substring(0, 2).toUpperCase())
        .setKind(RelationshipKind.SISTER_CITY).setPartnerLevel(PartnerLevel.CITY)
        .setEstablishedOn(LocalDate.of(1994, 1, 1)).setStatus(RelationshipStatus.FORMAL)
        .setUpdatedAt(Instant.now()).build();
  }

  HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postBytes(String path, String token, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String token, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> patch(String path, String token, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postEvents(String body) throws Exception {
    return post("/api/v1/events", TOKEN_A, "application/json", body);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** The total end offset of every event topic and the eventId index: it grows with every write. */
  long recordsOnEventTopics() {
    List<String> topics = new ArrayList<>(Topics.EVENTS.stream().map(TopicSpec::name).toList());
    topics.add(Topics.EVENT_IDS.name());
    return endOffsets(topics);
  }

  /** The total end offset of the offices topic: it grows with every write. */
  long recordsOnOfficesTopic() {
    return endOffsets(List.of(Topics.OFFICES.name()));
  }

  /** The total end offset of the relationships topic: it grows with every write. */
  long recordsOnRelationshipsTopic() {
    return endOffsets(List.of(Topics.RELATIONSHIPS.name()));
  }

  /** The eventIds of every committed record on the event topics, read from the beginning to the end. */
  Set<String> eventIdsOnEventTopics() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put("specific.avro.reader", "true");
    AvroDeserializer<SpecificRecord> values = new AvroDeserializer<>();
    values.configure(config, false);
    Set<String> eventIds = new HashSet<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (TopicSpec topic : Topics.EVENTS) {
        consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200))
            .forEach(record -> eventIds.add(EventTypes.envelopeOf(record.value()).getEventId()));
      }
    }
    return eventIds;
  }

  private long endOffsets(List<String> topics) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove("schema.registry.url");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @Override
  public void close() {
    api.close();
    partners.close();
    publisher.close();
  }
}
