package org.amity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.amity.events.DelegationLevel;
import org.amity.events.DelegationVisited;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.Envelope;
import org.amity.platform.kafka.EmbeddedKafka;
import org.amity.producers.events.EventJson;

/**
 * End-to-end latency and the demo's footprint: {@code amity demo} as its own process, with its demo data loaded;
 * events POSTed one by one at a steady rate to its ingest API, each a new exchange for one of a few demo partners,
 * and for each the time from sending it until the dashboard's JSON API shows it: on the partner's timeline (the
 * dashboard reads the event topics) and in the partner's score (the streams application counted it). The POST's own
 * round trip is the baseline. Meanwhile the demo process's peak resident memory is sampled.
 */
final class LatencyBenchmark {
  static final int EVENTS_PER_SECOND = 20;
  static final int PARTNERS = 5;
  static final int POLLERS = 3;
  // every 20 ms, not less: the pollers share the 2 cores with the demo they measure
  static final Duration POLL_PAUSE = Duration.ofMillis(20);
  static final Duration START_LIMIT = Duration.ofMinutes(3);
  static final Duration SEEN_LIMIT = Duration.ofSeconds(30);
  static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final int SLOWEST = 12;
  static final double LATENCY_TARGET_MS = 500;
  static final double DEMO_MEMORY_TARGET_MIB = 512;
  private static final String USER = "demo";
  private static final String PASSWORD = "amity-demo";
  private static final Pattern TOKEN = Pattern.compile("token for (\\S+): (\\S+)");
  private static final Pattern PENDING = Pattern.compile("(?m)^amity_streams_pending_relationships\\{[^}]*} (\\S+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String dashboardUrl;
  private final String streamsMetricsUrl;
  private final String ingestUrl;
  private final String office;
  private final String token;
  private final String login;

  private LatencyBenchmark(int dashboardPort, int ingestPort, int streamsPort, String office, String token) {
    this.dashboardUrl = "http://127.0.0.1:" + dashboardPort;
    this.streamsMetricsUrl = "http://127.0.0.1:" + streamsPort + "/metrics";
    this.ingestUrl = "http://127.0.0.1:" + ingestPort + "/api/v1/events";
    this.office = office;
    this.token = token;
    this.login = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code latency [EVENTS]}: this benchmark alone (default 1,000 events). */
  static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Report report = new Report(events + " events");
    report.add(run(events, report));
    report.write("bench-latency");
  }

  static List<Row> run(int events, Report report) throws Exception {
    Path dir = Cleanup.tempDirectory("amity-bench-demo");
    int[] ports = EmbeddedKafka.freeLoopbackPorts(6);
    long started = System.nanoTime();
    try (AmityProcess demo = AmityProcess.start(dir.resolve("demo.log"), List.of("demo",
        "--data-dir", dir.resolve("data").toString(), "--host", "127.0.0.1", "--kafka-port", "" + ports[0],
        "--controller-port", "" + ports[1], "--registry-port", "" + ports[2], "--ingest-port", "" + ports[3],
        "--streams-port", "" + ports[4], "--dashboard-port", "" + ports[5]))) {
      demo.awaitOutput("Demo data:", START_LIMIT);
      Matcher firstToken = TOKEN.matcher(demo.output());
      if (!firstToken.find()) {
        throw new IllegalStateException("amity demo printed no office token:\n" + demo.tail());
      }
      LatencyBenchmark benchmark = new LatencyBenchmark(ports[5], ports[3], ports[4], firstToken.group(1),
          firstToken.group(2));
      benchmark.awaitDemoPartners(demo);
      benchmark.awaitNothingPending(demo);
      report.note(String.format("latency: amity demo showed its demo partners, all published, %.0f s after its start;"
              + " %,d events POSTed one by one at %d/s to %d partners of office %s, %d pollers of the dashboard every %d ms",
          (System.nanoTime() - started) / 1e9, events, EVENTS_PER_SECOND, PARTNERS, benchmark.office, POLLERS,
          POLL_PAUSE.toMillis()));
      List<Sent> sent = benchmark.measure(events, demo);
      report.note(summary(sent));
      report.note(afterWarmUp(sent));
      report.note(slowestScores(sent));
      report.note(scoreStages(sent));
      List<Row> rows = rows(sent);
      rows.add(Row.under("footprint: amity demo peak RSS (VmHWM), demo data loaded, through the latency run",
          demo.peakResidentMiB(), "MiB", DEMO_MEMORY_TARGET_MIB));
      return rows;
    } finally {
      Cleanup.delete(dir);
    }
  }

  /** Waits until the overview shows the 47 demo partners in their bands: the demo data has been scored. */
  private void awaitDemoPartners(AmityProcess demo) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      demo.requireAlive();
      JsonNode bands = get("/api/v1/overview").path("bands");
      int scored = 0;
      for (String band : List.of("THRIVING", "ACTIVE", "COOLING", "DORMANT")) {
        scored += bands.path(band).asInt();
      }
      if (scored == 47 && bands.path("NEW").asInt() == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The dashboard did not show the 47 demo partners within " + START_LIMIT
            + "; bands: " + bands);
      }
      Thread.sleep(250);
    }
  }

  /**
   * Waits until the streams application has published every relationship it has entries for (its pending gauge 0 on
   * two reads in a row): each partner's count of exchanges read next is final, so that an event's own is told apart.
   */
  private void awaitNothingPending(AmityProcess demo) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    int zeroes = 0;
    while (zeroes < 2) {
      demo.requireAlive();
      zeroes = pendingRelationships() == 0 ? zeroes + 1 : 0;
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The streams application still had relationships to publish after "
            + START_LIMIT);
      }
      Thread.sleep(250);
    }
  }

  /** The streams application's amity_streams_pending_relationships; -1 while it cannot be read. */
  private double pendingRelationships() throws InterruptedException {
    try {
      String metrics = http.send(HttpRequest.newBuilder(URI.create(streamsMetricsUrl)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher pending = PENDING.matcher(metrics);
      return pending.find() ? Double.parseDouble(pending.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** One POSTed event and when it was answered and seen (nanoTime; 0 until then). */
  private static final class Sent {
    final String eventId;
    final String relationshipId;
    final int exchangesWithIt;
    final long sentAt = System.nanoTime();
    final long sentAtMillis = System.currentTimeMillis();
    volatile long answeredAt;
    volatile long onTimelineAt;
    volatile long inScoreAt;
    /** The wall-clock moment the streams application scored the vitality that first counted it. */
    volatile long scoredAtMillis;
    volatile boolean refused;

    Sent(String eventId, String relationshipId, int exchangesWithIt) {
      this.eventId = eventId;
      this.relationshipId = relationshipId;
      this.exchangesWithIt = exchangesWithIt;
    }

    boolean done() {
      return refused || (onTimelineAt != 0 && inScoreAt != 0);
    }
  }

  private List<Sent> measure(int events, AmityProcess demo) throws Exception {
    List<String> partners = partners();
    Map<String, Integer> exchanges = new HashMap<>();
    for (String partner : partners) {
      exchanges.put(partner, exchangeCount(get("/api/v1/partners/" + partner)));
    }
    String run = "bench-latency-" + System.currentTimeMillis() + "-";
    List<Sent> all = new ArrayList<>();
    ConcurrentLinkedQueue<Sent> open = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> pollers = new ArrayList<>();
    AtomicInteger turn = new AtomicInteger();
    for (int i = 0; i < POLLERS; i++) {
      Thread poller = new Thread(() -> poll(open, stop, turn), "bench-poller-" + i);
      poller.setDaemon(true);
      poller.start();
      pollers.add(poller);
    }
    ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger next = new AtomicInteger();
    try {
      sender.scheduleAtFixedRate(() -> {
        int n = next.getAndIncrement();
        if (n >= events) {
          return;
        }
        String partner = partners.get(n % partners.size());
        Sent sent = new Sent(run + n, partner, exchanges.merge(partner, 1, Integer::sum));
        synchronized (all) {
          all.add(sent);
        }
        open.add(sent);
        post(sent);
      }, 0, 1_000_000 / EVENTS_PER_SECOND, TimeUnit.MICROSECONDS);
      while (next.get() < events) {
        demo.requireAlive();
        Thread.sleep(100);
      }
      long deadline = System.nanoTime() + SEEN_LIMIT.toNanos();
      while (!open.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      sender.shutdownNow();
      stop.set(true);
    }
    for (Thread poller : pollers) {
      poller.join();
    }
    sender.awaitTermination(10, TimeUnit.SECONDS);
    return all;
  }

  /** Until stopped: asks in turn for each partner with open events, and marks what the answer shows of them. */
  private void poll(ConcurrentLinkedQueue<Sent> open, AtomicBoolean stop, AtomicInteger turn) {
    while (!stop.get()) {
      try {
        List<String> waiting = open.stream().map(sent -> sent.relationshipId).distinct().toList();
        if (!waiting.isEmpty()) {
          String partner = waiting.get(Math.floorMod(turn.getAndIncrement(), waiting.size()));
          see(partner, get("/api/v1/partners/" + partner), open);
        }
        Thread.sleep(POLL_PAUSE.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void see(String partner, JsonNode answer, ConcurrentLinkedQueue<Sent> open) {
    long now = System.nanoTime();
    Set<String> onTimeline = new HashSet<>();
    answer.path("exchanges").forEach(exchange -> onTimeline.add(exchange.path("eventId").asText()));
    int counted = exchangeCount(answer);
    for (Sent sent : open) {
      if (!sent.relationshipId.equals(partner)) {
        continue;
      }
      if (sent.onTimelineAt == 0 && onTimeline.contains(sent.eventId)) {
        sent.onTimelineAt = now;
      }
      if (sent.inScoreAt == 0 && counted >= sent.exchangesWithIt) {
        sent.inScoreAt = now;
        sent.scoredAtMillis = Instant.parse(answer.path("vitality").path("at").asText()).toEpochMilli();
      }
      if (sent.done()) {
        open.remove(sent);
      }
    }
  }

  /** The exchanges the partner's score counts; -1 before it has one. */
  private static int exchangeCount(JsonNode partner) {
    return partner.path("vitality").path("exchanges").asInt(-1);
  }

  /** The first few partners of the office, by relationship id. */
  private List<String> partners() throws InterruptedException {
    List<String> ids = new ArrayList<>();
    get("/api/v1/partners?office=" + office).path("partners").forEach(row -> {
      if (row.path("officeId").asText().equals(office)) {
        ids.add(row.path("relationshipId").asText());
      }
    });
    if (ids.isEmpty()) {
      throw new IllegalStateException("The dashboard lists no partner of office " + office);
    }
    return ids.stream().sorted().limit(PARTNERS).toList();
  }

  /** A department delegation visiting the partner now: a new exchange for its timeline and its score. */
  private void post(Sent sent) {
    Instant now = Instant.now();
    Envelope envelope = Envelope.newBuilder().setEventId(sent.eventId).setOccurredAt(now).setRecordedAt(now)
        .setOffice(office).setRelationshipIds(List.of(sent.relationshipId)).setDomains(List.of(Domain.CULTURE))
        .setSource("bench").setSummary("bench latency").build();
    DelegationVisited visit = DelegationVisited.newBuilder().setEnvelope(envelope).setDirection(Direction.INBOUND)
        .setLevel(DelegationLevel.DEPARTMENT).setHeadcount(3).setStartDate(LocalDate.now(ZoneOffset.UTC)).build();
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ingestUrl))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(visit).toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      sent.answeredAt = System.nanoTime();
      if (answer.statusCode() != 202) {
        refuse(sent, "HTTP " + answer.statusCode() + ": " + answer.body());
      }
    } catch (IOException e) {
      refuse(sent, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      refuse(sent, "interrupted");
    }
  }

  private static void refuse(Sent sent, String why) {
    sent.refused = true;
    System.err.println("latency: " + sent.eventId + " not accepted: " + why);
  }

  /** The dashboard's answer to {@code path}, signed in as the demo user; a missing node when it does not answer. */
  private JsonNode get(String path) throws InterruptedException {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(dashboardUrl + path))
          .header("Authorization", login).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.missingNode();
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static List<Row> rows(List<Sent> all) {
    List<Sent> accepted = all.stream().filter(sent -> !sent.refused).toList();
    long[] answered = millis(accepted, sent -> sent.answeredAt);
    long[] onTimeline = millis(accepted, sent -> sent.onTimelineAt);
    long[] inScore = millis(accepted, sent -> sent.inScoreAt);
    List<Row> rows = new ArrayList<>();
    for (double p : new double[] {0.50, 0.99, 1.0}) {
      String which = p == 1.0 ? "max" : String.format("p%.0f", p * 100);
      double baseline = percentile(answered, p);
      rows.add(Row.baseline("latency " + which + ": POST answered 202 (the ingest API's round trip)", baseline, "ms"));
      rows.add(latency("latency " + which + ": POST to the exchange on the partner's dashboard timeline",
          percentile(onTimeline, p), baseline, p == 0.99));
      rows.add(latency("latency " + which + ": POST to the partner's dashboard score counting it",
          percentile(inScore, p), baseline, p == 0.99));
    }
    return rows;
  }

  private static String summary(List<Sent> all) {
    long refused = all.stream().filter(sent -> sent.refused).count();
    long unseen = all.stream().filter(sent -> !sent.done()).count();
    return String.format("latency: %,d events sent, %,d refused by the ingest API, %,d not seen on both timeline and"
        + " score within %d s", all.size(), refused, unseen, SEEN_LIMIT.toSeconds());
  }

  /**
   * p50 and p99 of the events sent after the first {@link #WARM_UP}: how much of the tail is the demo's code being
   * compiled while the first events pass through it.
   */
  private static String afterWarmUp(List<Sent> all) {
    long from = all.get(0).sentAt + WARM_UP.toNanos();
    List<Sent> later = all.stream().filter(sent -> !sent.refused && sent.sentAt >= from).toList();
    long[] onTimeline = millis(later, sent -> sent.onTimelineAt);
    long[] inScore = millis(later, sent -> sent.inScoreAt);
    return String.format("latency of the %,d events sent after the first %d s: timeline p50 %.0f / p99 %.0f ms,"
        + " score p50 %.0f / p99 %.0f ms", later.size(), WARM_UP.toSeconds(), percentile(onTimeline, 0.5),
        percentile(onTimeline, 0.99), percentile(inScore, 0.5), percentile(inScore, 0.99));
  }

  /**
   * The score's latency in two parts, by the vitality's {@code at} (same machine, same clock): from the POST until the
   * streams application scored the event, and from then until the dashboard showed it (the exactly-once commit, the
   * dashboard's read of the topic and the poller's turn).
   */
  private static String scoreStages(List<Sent> all) {
    List<Sent> scored = all.stream().filter(sent -> sent.scoredAtMillis != 0).toList();
    long[] toScored = scored.stream().mapToLong(sent -> sent.scoredAtMillis - sent.sentAtMillis).sorted().toArray();
    long[] toShown = scored.stream().mapToLong(sent -> sent.sentAtMillis
        + TimeUnit.NANOSECONDS.toMillis(sent.inScoreAt - sent.sentAt) - sent.scoredAtMillis).sorted().toArray();
    return String.format("latency: the score's parts, p50 / p99: POST until the streams application scored it %.0f /"
        + " %.0f ms, then until the dashboard showed it %.0f / %.0f ms", percentile(toScored, 0.5),
        percentile(toScored, 0.99), percentile(toShown, 0.5), percentile(toShown, 0.99));
  }

  /** When the score's slowest events were sent, from the first event, and how long each took: where the tail is. */
  private static String slowestScores(List<Sent> all) {
    long first = all.get(0).sentAt;
    String slowest = all.stream().filter(sent -> !sent.refused && sent.inScoreAt != 0)
        .sorted(Comparator.comparingLong((Sent sent) -> sent.inScoreAt - sent.sentAt).reversed()).limit(SLOWEST)
        .map(sent -> String.format("+%.1f s %,d ms", (sent.sentAt - first) / 1e9,
            TimeUnit.NANOSECONDS.toMillis(sent.inScoreAt - sent.sentAt)))
        .collect(Collectors.joining(", "));
    return "latency: the score's " + SLOWEST + " slowest events (sent at, took): " + slowest;
  }

  private static Row latency(String measurement, double ms, double baseline, boolean targeted) {
    if (Double.isInfinite(ms)) {
      return Row.notMeasured(measurement, "not seen within " + SEEN_LIMIT.toSeconds() + " s", "ms",
          targeted ? "< 500 ms" : Row.NONE);
    }
    Row row = Row.against(measurement, ms, "ms", "POST answered", baseline);
    return targeted ? row.withTarget("< 500 ms", ms < LATENCY_TARGET_MS) : row;
  }

  /** Each event's time from sending to {@code at}, in ms, sorted; an event not seen counts as infinitely late. */
  private static long[] millis(List<Sent> sent, ToLongFunction<Sent> at) {
    return sent.stream().mapToLong(s -> at.applyAsLong(s) == 0 ? Long.MAX_VALUE
        : TimeUnit.NANOSECONDS.toMillis(at.applyAsLong(s) - s.sentAt)).sorted().toArray();
  }

  /** Nearest rank; infinity when that rank was never seen. */
  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    long value = sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value;
  }
}
