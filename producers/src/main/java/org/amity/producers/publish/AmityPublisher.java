package org.amity.producers.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amity.contract.EventTypes;
import org.amity.contract.EventValidator;
import org.amity.contract.InvalidInputException;
import org.amity.contract.Problem;
import org.amity.contract.Topics;
import org.amity.events.Envelope;
import org.amity.events.EventRetracted;
import org.amity.ops.KafkaCheck;
import org.amity.ops.RegistryCheck;
import org.amity.producers.events.EventFingerprint;
import org.amity.producers.partners.OfficeDirectory;
import org.amity.producers.partners.RelationshipDirectory;
import org.amity.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed way for an office system to publish events. Each event is validated first (required text,
 * counts, dates, and that its relationships exist and belong to the office); a batch is written
 * all-or-nothing in one Kafka transaction, acknowledged by every in-sync replica, together with its
 * eventIds, so that sending the same event again writes nothing and answers where it landed the first time.
 * Concurrent batches share transactions (group commit): one sender thread owns the producer.
 */
public final class AmityPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmityPublisher.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_BATCHES_PER_TRANSACTION = 500;
  /**
   * How long a batch may wait for its turn while Kafka is unreachable; later it is failed unwritten. With the
   * producer's own limits (delivery.timeout.ms 15 s, max.block.ms 5 s) every batch is answered within about 45 s.
   */
  static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(15);

  private final Map<String, Object> producerConfig;
  private final RelationshipDirectory relationships;
  private final OfficeDirectory offices;
  private final EventIdIndex index;
  private final EventValidator validator;
  private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
  private final Thread sender;
  private final AvroSerializer<Object> eventSerializer = new AvroSerializer<>();
  private final KafkaCheck kafkaCheck;
  private final RegistryCheck registryCheck;
  private KafkaProducer<String, byte[]> producer;
  private MeterRegistry meters;
  private KafkaClientMetrics producerMetrics;
  private volatile boolean open = true;

  /** Events to write together; {@code fresh[i]} when this batch reserved event i's id and must write it. */
  private record Batch(List<SpecificRecord> events, List<String> fingerprints, boolean[] fresh,
                       CompletableFuture<List<Published>> done, long queuedAtNanos) {}

  private AmityPublisher(Map<String, Object> clientConfig, RelationshipDirectory relationships, OfficeDirectory offices,
      EventIdIndex index) {
    this.producerConfig = producerConfig(clientConfig);
    this.eventSerializer.configure(producerConfig, false);
    this.relationships = relationships;
    this.offices = offices;
    this.index = index;
    this.validator = new EventValidator(relationships::exists);
    this.kafkaCheck = new KafkaCheck(producerConfig);
    this.registryCheck = new RegistryCheck(producerConfig);
    this.producer = newProducer();
    this.sender = new Thread(this::sendLoop, "amity-publisher");
    this.sender.start();
  }

  /** Connects to Kafka and the registry named in the config (Kafka client and serde properties). */
  public static AmityPublisher start(Map<String, Object> clientConfig) {
    RelationshipDirectory relationships = null;
    OfficeDirectory offices = null;
    try {
      relationships = RelationshipDirectory.start(clientConfig, START_TIMEOUT);
      offices = OfficeDirectory.start(clientConfig, START_TIMEOUT);
      return new AmityPublisher(clientConfig, relationships, offices, new EventIdIndex(clientConfig, START_TIMEOUT));
    } catch (TimeoutException e) {
      if (relationships != null) {
        relationships.close();
      }
      if (offices != null) {
        offices.close();
      }
      throw new KafkaException("Cannot read Amity's topics from " + clientConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
          + ": " + e.getMessage() + " (are the broker and the topics there?)", e);
    }
  }

  public RelationshipDirectory relationships() {
    return relationships;
  }

  public OfficeDirectory offices() {
    return offices;
  }

  /** Empty while the Kafka cluster answers, else what is wrong. */
  public Optional<String> kafkaProblem() {
    return kafkaCheck.get();
  }

  /** Empty while the schema registry answers, else what is wrong. */
  public Optional<String> registryProblem() {
    return registryCheck.get();
  }

  /** Shows the producer's Kafka client metrics (of each producer it renews to) in this registry. */
  public synchronized void bindTo(MeterRegistry registry) {
    this.meters = registry;
    bindProducerMetrics();
  }

  private synchronized void bindProducerMetrics() {
    if (producerMetrics != null) {
      producerMetrics.close();
      producerMetrics = null;
    }
    if (meters != null && producer != null) {
      producerMetrics = new KafkaClientMetrics(producer);
      producerMetrics.bindTo(meters);
    }
  }

  /** The fingerprint ({@link org.amity.producers.events.EventFingerprint}) of the event written under this id, if any. */
  public Optional<String> writtenFingerprint(String eventId) {
    return index.entry(eventId).map(EventIdIndex.Entry::fingerprint);
  }

  /** Whether an event with this id has been written (by this or any other publisher). */
  public boolean hasWritten(String eventId) {
    return index.entry(eventId).isPresent();
  }

  /** Validates and writes one event; the future tells where it landed. */
  public CompletableFuture<Published> publish(SpecificRecord event) {
    return publishAll(List.of(event)).thenApply(list -> list.get(0));
  }

  /**
   * Validates every event, then writes those not written before, all or none. Invalid input fails the
   * future with an {@link InvalidInputException} listing every problem (paths {@code [i].field}); an
   * eventId already used for another content fails it with an {@link EventIdConflictException}.
   */
  public CompletableFuture<List<Published>> publishAll(List<SpecificRecord> events) {
    if (!open) {
      return CompletableFuture.failedFuture(new IllegalStateException("publisher is closed"));
    }
    try {
      validate(events);
    } catch (InvalidInputException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<String> fingerprints = events.stream().map(EventFingerprint::of).toList();
    Batch batch = new Batch(events, fingerprints, new boolean[events.size()], new CompletableFuture<>(),
        System.nanoTime());
    reserveOrAnswer(batch);
    return batch.done();
  }

  private void validate(List<SpecificRecord> events) {
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      String path = events.size() == 1 ? "" : "[" + i + "]";
      problems.addAll(validator.problems(events.get(i), path));
      Envelope envelope = EventTypes.envelopeOf(events.get(i));
      String office = envelope.getOffice();
      // a registered relationship vouches for its office (registered first), which this process may not have read yet
      if (office != null && !office.isBlank() && !offices.exists(office)
          && envelope.getRelationshipIds().stream().noneMatch(relationships::exists)) {
        problems.add(Problem.of(path.isEmpty() ? "office" : path + ".office", "外办 " + office + " 尚未登记；请先用 amity offices add 登记",
            "office " + office + " is not registered; register it first (amity offices add)"));
      }
      problems.addAll(otherOfficesEvents(events.get(i), path));
      String eventId = EventTypes.envelopeOf(events.get(i)).getEventId();
      if (!ids.add(eventId)) {
        problems.add(Problem.of(path.isEmpty() ? "eventId" : path + ".eventId", "eventId " + eventId + " 在这一批中出现了两次",
            "eventId " + eventId + " appears twice in the batch"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** A retraction or correction may only name an event its own office recorded. */
  private List<Problem> otherOfficesEvents(SpecificRecord event, String path) {
    List<Problem> problems = new ArrayList<>();
    String office = EventTypes.envelopeOf(event).getOffice();
    if (event instanceof EventRetracted retraction) {
      checkSameOffice(retraction.getRetractedEventId(), office, join(path, "retractedEventId"), problems);
    }
    String corrects = EventTypes.envelopeOf(event).getCorrects();
    if (corrects != null) {
      checkSameOffice(corrects, office, join(path, "corrects"), problems);
    }
    return problems;
  }

  private void checkSameOffice(String eventId, String office, String path, List<Problem> problems) {
    index.entry(eventId).map(EventIdIndex.Entry::office).filter(recordedBy -> !recordedBy.equals(office))
        .ifPresent(recordedBy -> problems.add(Problem.of(path,
            "事件 " + eventId + " 由外办 " + recordedBy + " 记录，外办 " + office + " 不能撤回或更正它",
            "event " + eventId + " was recorded by office " + recordedBy + "; office " + office
                + " cannot withdraw or correct it")));
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * Reserves the new eventIds and queues the batch, or answers at once when nothing in it is new. When another
   * batch is writing one of its events, it waits for that write's outcome and then tries again.
   */
  private void reserveOrAnswer(Batch batch) {
    if (!open) {
      batch.done().completeExceptionally(new IllegalStateException("publisher is closed"));
      return;
    }
    List<String> reserved = new ArrayList<>();
    List<CompletableFuture<?>> writesInProgress = new ArrayList<>();
    Arrays.fill(batch.fresh(), false);
    for (int i = 0; i < batch.events().size(); i++) {
      String eventId = EventTypes.envelopeOf(batch.events().get(i)).getEventId();
      EventIdIndex.Reservation reservation = index.reserve(eventId, batch.fingerprints().get(i), batch.done());
      switch (reservation.outcome()) {
        case NEW -> {
          reserved.add(eventId);
          batch.fresh()[i] = true;
        }
        case CONFLICT -> {
          reserved.forEach(index::release);
          batch.done().completeExceptionally(new EventIdConflictException(eventId));
          return;
        }
        case BEING_WRITTEN -> writesInProgress.add(reservation.writeInProgress());
        case DUPLICATE -> { }
      }
    }
    if (!writesInProgress.isEmpty()) {
      reserved.forEach(index::release);
      CompletableFuture.allOf(writesInProgress.toArray(CompletableFuture[]::new))
          .whenComplete((result, failure) -> reserveOrAnswer(batch));
    } else if (!reserved.isEmpty()) {
      queue.add(batch);
    } else {
      batch.done().complete(answers(batch));
    }
  }

  private void sendLoop() {
    while (open || !queue.isEmpty()) {
      List<Batch> group = new ArrayList<>();
      try {
        failBatchesWaitingTooLong();
        Batch first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_BATCHES_PER_TRANSACTION - 1);
        writeInOneTransaction(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(group, e);
        return;
      } catch (WriteOutcomeUnknownException e) {
        group.forEach(batch -> batch.done().completeExceptionally(e));
      } catch (RuntimeException e) {
        fail(group, e);
      }
    }
  }

  /** Batches that were never sent and have waited longer than {@link #MAX_QUEUE_WAIT} are failed unwritten. */
  private void failBatchesWaitingTooLong() {
    List<Batch> waitedTooLong = queue.stream()
        .filter(batch -> System.nanoTime() - batch.queuedAtNanos() > MAX_QUEUE_WAIT.toNanos()).toList();
    queue.removeAll(waitedTooLong);
    fail(waitedTooLong, new KafkaException("Kafka was not reachable for " + MAX_QUEUE_WAIT.toSeconds() + " s"));
  }

  private void writeInOneTransaction(List<Batch> group) {
    Map<String, Future<RecordMetadata>> sent = new HashMap<>();
    if (producer == null) {
      producer = newProducer();
      bindProducerMetrics();
    }
    try {
      producer.beginTransaction();
      for (Batch batch : group) {
        for (int i = 0; i < batch.events().size(); i++) {
          SpecificRecord event = batch.events().get(i);
          if (batch.fresh()[i]) {
            String topic = EventTypes.topicOf(event).name();
            byte[] value = eventSerializer.serialize(topic, event);
            sent.put(eventIdOf(event), producer.send(new ProducerRecord<>(topic, EventTypes.keyOf(event), value)));
          }
        }
      }
      producer.flush();
      Map<String, EventIdIndex.Entry> written = writtenEntries(group, sent);
      written.forEach((id, entry) -> producer.send(new ProducerRecord<>(Topics.EVENT_IDS.name(), id,
          entry.encode().getBytes(StandardCharsets.UTF_8))));
      commit();
      written.forEach(index::written);
      for (Batch batch : group) {
        batch.done().complete(answers(batch));
      }
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | IllegalStateException e) {
      renewProducer();
      throw e;
    } catch (WriteOutcomeUnknownException e) {
      throw e;
    } catch (KafkaException | ExecutionException e) {
      abort();
      throw e instanceof KafkaException k ? k : new KafkaException(e.getCause());
    }
  }

  /**
   * A commit that timed out may still have happened, so it is asked again until Kafka answers: committed, or
   * aborted (fenced: the coordinator aborted it), meanwhile the batches keep their eventIds reserved.
   */
  private void commit() {
    while (true) {
      try {
        producer.commitTransaction();
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        if (!open) {
          throw new WriteOutcomeUnknownException(e);
        }
        log.warn("Kafka has not confirmed the commit yet ({}); asking again", e.getMessage());
        failBatchesWaitingTooLong();
      }
    }
  }

  private Map<String, EventIdIndex.Entry> writtenEntries(List<Batch> group, Map<String, Future<RecordMetadata>> sent)
      throws ExecutionException {
    Map<String, EventIdIndex.Entry> written = new HashMap<>();
    for (Batch batch : group) {
      for (int i = 0; i < batch.events().size(); i++) {
        Future<RecordMetadata> future = sent.get(eventIdOf(batch.events().get(i)));
        if (batch.fresh()[i]) {
          RecordMetadata where = getNow(future);
          written.put(eventIdOf(batch.events().get(i)),
              new EventIdIndex.Entry(batch.fingerprints().get(i), where.topic(), where.partition(), where.offset(),
                  EventTypes.envelopeOf(batch.events().get(i)).getOffice()));
        }
      }
    }
    return written;
  }

  /** Where each event of the batch is: written now by this batch, or (a duplicate) written before. */
  private List<Published> answers(Batch batch) {
    List<Published> answers = new ArrayList<>();
    for (int i = 0; i < batch.events().size(); i++) {
      SpecificRecord event = batch.events().get(i);
      String eventId = eventIdOf(event);
      boolean duplicate = !batch.fresh()[i];
      answers.add(index.entry(eventId)
          .map(e -> new Published(eventId, e.topic(), e.partition(), e.offset(), duplicate))
          .orElse(new Published(eventId, EventTypes.topicOf(event).name(), -1, -1, duplicate)));
    }
    return answers;
  }

  private void fail(List<Batch> group, Exception e) {
    for (Batch batch : group) {
      for (int i = 0; i < batch.events().size(); i++) {
        if (batch.fresh()[i]) {
          index.release(eventIdOf(batch.events().get(i)));
        }
      }
      batch.done().completeExceptionally(e);
    }
  }

  private void abort() {
    try {
      producer.abortTransaction();
    } catch (KafkaException | IllegalStateException e) {
      log.warn("Abort failed ({}); starting a new producer", e.toString());
      renewProducer();
    }
  }

  /** Drops the producer; the next batch starts a new one, so that a broker still down now does not stop the publisher. */
  private void renewProducer() {
    producer.close(Duration.ZERO);
    producer = null;
    bindProducerMetrics();
  }

  private KafkaProducer<String, byte[]> newProducer() {
    KafkaProducer<String, byte[]> created = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    try {
      created.initTransactions();
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw e;
    }
    return created;
  }

  private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "amity-publisher-" + UUID.randomUUID());
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    // bounded waits while Kafka is unreachable, so that every batch is answered (see MAX_QUEUE_WAIT)
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    return config;
  }

  private static String eventIdOf(SpecificRecord event) {
    return EventTypes.envelopeOf(event).getEventId();
  }

  private static RecordMetadata getNow(Future<RecordMetadata> future) throws ExecutionException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted", e);
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      sender.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
      producer = null;
    }
    bindProducerMetrics();
    kafkaCheck.close();
    eventSerializer.close();
    index.close();
    relationships.close();
    offices.close();
  }
}
