package org.amity.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.amity.access.OfficeTokens;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.partners.Office;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.Relationship;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.amity.platform.Platform;
import org.amity.platform.PlatformSettings;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.events.EventJson;
import org.amity.producers.http.IngestApi;
import org.amity.producers.http.IngestSettings;
import org.amity.producers.partners.PartnerRegistry;
import org.amity.producers.publish.AmityPublisher;
import org.apache.avro.specific.SpecificRecord;

/**
 * Ingest throughput: the HTTP API against the Java client it is built on, both on one embedded broker
 * in one run, with the same number of concurrent senders, single events and batches. Loopback only.
 */
final class IngestBenchmark {
  private static final String OFFICE = "bench";
  private static final String TOKEN = "bench-token-0123456789abcdef";
  private static final int RELATIONSHIPS = 100;

  private final AmityPublisher publisher;
  private final IngestApi api;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger nextId = new AtomicInteger();

  private IngestBenchmark(AmityPublisher publisher, IngestApi api) {
    this.publisher = publisher;
    this.api = api;
  }

  /** {@code ingest [SENDERS [EVENTS]]}: this benchmark alone (default 16 senders, 20,000 events per row). */
  static void main(String[] args) throws Exception {
    int senders = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Report report = new Report(senders + " senders, " + events + " events per row");
    report.add(run(senders, events));
    report.write("bench-ingest");
  }

  static List<Row> run(int senders, int events) throws Exception {
    Path dataDir = Cleanup.tempDirectory("amity-bench-ingest");
    int[] ports = EmbeddedKafka.freeLoopbackPorts(2);
    try (Platform platform = Platform.start(new PlatformSettings(dataDir, "127.0.0.1", ports[0], ports[1], 0))) {
      Map<String, Object> config = Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url", platform.registryUrl());
      try (AmityPublisher publisher = AmityPublisher.start(config);
           PartnerRegistry partners = new PartnerRegistry(config, publisher.relationships(), Clock.systemUTC());
           IngestApi api = new IngestApi(IngestSettings.defaults("127.0.0.1", 0),
               new OfficeTokens(Map.of(OFFICE, OfficeTokens.hash(TOKEN))), publisher, partners, Clock.systemUTC()).start()) {
        partners.put(Office.newBuilder().setOfficeId(OFFICE).setNameEn(OFFICE).setLevel(OfficeLevel.CITY).build());
        for (int i = 0; i < RELATIONSHIPS; i++) {
          partners.put(relationship(i));
        }
        return new IngestBenchmark(publisher, api).measureAll(senders, events);
      }
    } finally {
      Cleanup.delete(dataDir);
    }
  }

  private List<Row> measureAll(int senders, int events) throws Exception {
    measure(senders, 2_000, 1, this::viaJava);
    measure(senders, 2_000, 1, this::viaHttp);
    List<Row> rows = new ArrayList<>();
    for (int batch : new int[] {1, 100}) {
      double java = measure(senders, events, batch, this::viaJava);
      double http = measure(senders, events, batch, this::viaHttp);
      String how = String.format("batch %d, %d concurrent senders", batch, senders);
      rows.add(Row.baseline("ingest: Java client, " + how, java, "events/s"));
      rows.add(Row.against("ingest: HTTP API, " + how, http, "events/s", "Java client", java));
      System.out.printf("ingest batch %d: Java client %,.0f events/s, HTTP API %,.0f events/s%n", batch, java, http);
    }
    return rows;
  }

  interface Sender {
    void send(List<SpecificRecord> batch) throws Exception;
  }

  private double measure(int senders, int events, int batchSize, Sender sender) throws Exception {
    int batches = events / batchSize;
    List<List<SpecificRecord>> work = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<SpecificRecord> batch = new ArrayList<>();
      for (int i = 0; i < batchSize; i++) {
        batch.add(visit());
      }
      work.add(batch);
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      done.add(pool.submit(() -> {
        for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
          sender.send(work.get(b));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return batches * batchSize / seconds;
  }

  private void viaJava(List<SpecificRecord> batch) {
    publisher.publishAll(batch).join();
  }

  private void viaHttp(List<SpecificRecord> batch) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < batch.size(); i++) {
      body.append(i == 0 ? "" : ",").append(EventJson.write(batch.get(i)));
    }
    body.append(']');
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/events"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  private DelegationVisited visit() {
    int n = nextId.incrementAndGet();
    Envelope envelope = Envelope.newBuilder()
        .setEventId("bench-" + n).setOccurredAt(Instant.parse("2024-07-10T01:00:00Z")).setRecordedAt(Instant.now())
        .setOffice(OFFICE).setRelationshipIds(List.of(OFFICE + "/xx-city-" + (n % RELATIONSHIPS)))
        .setDomains(List.of(Domain.CULTURE)).setSource("bench").build();
    return DelegationVisited.newBuilder().setEnvelope(envelope).setDirection(n % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND)
        .setLevel(DelegationLevel.DEPARTMENT).setHeadcount(5).setStartDate(LocalDate.of(2024, 7, 10)).build();
  }

  private static Relationship relationship(int i) {
    return Relationship.newBuilder().setRelationshipId(OFFICE + "/xx-city-" + i).setOfficeId(OFFICE)
        .setPartnerId("xx-city-" + i).setPartnerNameEn("City " + i).setCountry("XX")
        .setKind(RelationshipKind.SISTER_CITY).setPartnerLevel(PartnerLevel.CITY).setStatus(RelationshipStatus.FORMAL)
        .setUpdatedAt(Instant.now()).build();
  }
}
