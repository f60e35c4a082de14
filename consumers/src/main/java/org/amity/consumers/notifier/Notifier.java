package org.amity.consumers.notifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.aggregates.Alert;
import org.amity.consumers.notifier.DeliveryLog.Entry;
import org.amity.consumers.notifier.DeliveryLog.Status;
import org.amity.contract.Topics;
import org.amity.labels.Labels;
import org.amity.serde.SpecificAvroSerde;
import org.amity.topics.TopicCreator;
import org.amity.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads alerts (read_committed) and tells each alert's recipients, once per alert and recipient, across restarts.
 *
 * <p>For each alert, in partition order: the recipients come from {@link Routing}; a recipient the
 * {@link DeliveryLog} has already (delivered, queued for a digest or failed) is skipped; otherwise the message is
 * sent, retried with exponential backoff on a transient failure, and the outcome written to the delivery log. A
 * permanent failure, or a transient one that outlasts the configured tries, sends the alert to the dead-letter topic
 * with headers naming topic, partition, offset, recipient and reason. Only then is the alert's offset committed.
 * A crash between a server accepting a message and the log write can repeat that one message; it carries the same
 * Message-ID / Idempotency-Key, so that the receiver can tell.
 *
 * <p>One thread does everything, so the consumer is never shared; while it waits to retry it keeps polling with its
 * partitions paused, so that the group does not think it dead.
 */
public final class Notifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  private static final String HEADER = "__notifier.errors.";

  private final NotifierSettings settings;
  private final Routing routing;
  private final AlertText text;
  private final Sender mail;
  private final Sender webhook;
  private final Clock clock;
  private final Map<String, Object> clientConfig;
  private final SpecificAvroSerde<Alert> serde = new SpecificAvroSerde<>();
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean digestRequested = new AtomicBoolean();
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong digestRounds = new AtomicLong();
  private final AtomicLong digestsSent = new AtomicLong();
  private final AtomicLong failedTries = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong alreadyDone = new AtomicLong();
  private final AtomicLong tooOld = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();

  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private MeterRegistry meters;
  private KafkaClientMetrics consumerMetrics;
  private boolean consumerClosed;
  private KafkaProducer<byte[], byte[]> deadLetters;
  private DeliveryLog deliveries;
  private OfficeBook offices;
  private Instant nextDigest;

  private Notifier(NotifierSettings settings, Map<String, Object> clientConfig, Sender mail, Sender webhook, Clock clock) {
    this.settings = settings;
    this.routing = new Routing(settings);
    this.text = new AlertText(settings.dashboardUrl());
    this.mail = mail;
    this.webhook = webhook;
    this.clock = clock;
    this.clientConfig = Map.copyOf(clientConfig);
    this.thread = new Thread(this::run, "amity-notifier");
  }

  /** Starts a notifier that mails over SMTP and posts to webhooks as the settings say. */
  public static Notifier start(NotifierSettings settings, Map<String, Object> clientConfig) {
    return start(settings, clientConfig, new SmtpSender(settings.smtp()), new WebhookSender(settings.smtp().timeout()),
        Clock.systemUTC());
  }

  /** Starts a notifier with these senders and clock (for tests). */
  public static Notifier start(NotifierSettings settings, Map<String, Object> clientConfig, Sender mail, Sender webhook,
                               Clock clock) {
    Notifier notifier = new Notifier(settings, clientConfig, mail, webhook, clock);
    notifier.thread.start();
    return notifier;
  }

  /** Waits until the notifier has read its delivery log and subscribed; throws when it failed to start. */
  public Notifier awaitRunning(Duration timeout) throws InterruptedException {
    if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && failure.get() == null) {
      throw new IllegalStateException("The notifier did not start within " + timeout);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("The notifier failed: " + failure.get().getMessage(), failure.get());
    }
    return this;
  }

  /** Waits until the notifier stops (by {@link #close()} or a fatal error). */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** The error that stopped the notifier, or null. */
  public Throwable failure() {
    return failure.get();
  }

  /** Whether it reads and delivers alerts now: started, not failed, not stopped. */
  public boolean isRunning() {
    return running.getCount() == 0 && stopped.getCount() > 0 && failure.get() == null && !stopping.get();
  }

  /** Shows this process's counts ({@link NotifierMetrics}) and its alert consumer's Kafka metrics in this registry. */
  public void bindTo(MeterRegistry registry) {
    new NotifierMetrics(this).bindTo(registry);
    synchronized (this) {
      meters = registry;
    }
    bindConsumerMetrics();
  }

  private synchronized void bindConsumerMetrics() {
    if (meters != null && consumer != null && consumerMetrics == null && !consumerClosed) {
      consumerMetrics = new KafkaClientMetrics(consumer);
      consumerMetrics.bindTo(meters);
    }
  }

  private synchronized void closeConsumerMetrics() {
    consumerClosed = true;
    if (consumerMetrics != null) {
      consumerMetrics.close();
    }
  }

  /** This process's counts. */
  public NotifierStats stats() {
    return new NotifierStats(delivered.get(), queued.get(), digestRounds.get(), digestsSent.get(), failedTries.get(), deadLettered.get(),
        alreadyDone.get(), tooOld.get(), lastFailure.get());
  }

  /** Sends the queued digests at the next opportunity, whatever the time of day. */
  public void sendDigestsNow() {
    digestRequested.set(true);
  }

  private void run() {
    try {
      createTopics();
      serde.configure(clientConfig, false);
      deliveries = new DeliveryLog(clientConfig, settings.deliveriesTopic());
      deliveries.catchUp();
      offices = OfficeBook.start(clientConfig, settings.officesTopic(), Duration.ofSeconds(60));
      deadLetters = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
      consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(settings.alertsTopic()), new Rebalance());
      bindConsumerMetrics();
      nextDigest = nextDigestAfter(clock.instant());
      running.countDown();
      log.info("Notifier reading {} as group {}; {} routes; links to {}", settings.alertsTopic(), settings.groupId(),
          settings.routes().size(), settings.dashboardUrl());
      while (!stopping.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (TopicPartition partition : records.partitions()) {
          for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
            if (stopping.get() || !owned.contains(partition) || !handle(record)) {
              break;
            }
            commit(partition, record.offset() + 1);
          }
        }
        if (digestDue()) {
          sendDigests();
          digestRounds.incrementAndGet();
        }
      }
    } catch (WakeupException | InterruptedException e) {
      if (!stopping.get()) {
        failure.set(e);
      }
    } catch (Throwable e) {
      log.error("The notifier stopped: {}", e.toString(), e);
      failure.set(e);
    } finally {
      running.countDown();
      closeConsumerMetrics();
      closeQuietly(consumer);
      closeQuietly(deadLetters);
      closeQuietly(deliveries);
      closeQuietly(offices);
      closeQuietly(serde);
      stopped.countDown();
    }
  }

  /** Tells an alert's recipients; false when it had to stop half-way (stopping, or the partition went elsewhere). */
  private boolean handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    if (record.value() == null) {
      return true;
    }
    Alert alert;
    try {
      alert = serde.deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      deadLetter(record, null, "not an Alert: " + e.getMessage(), 0);
      return true;
    }
    Instant now = clock.instant();
    if (alert.getRaisedAt().isBefore(now.minus(settings.maxAge()))) {
      tooOld.incrementAndGet();
      log.info("Not sending alert {}: raised {}, longer ago than {}", alert.getAlertId(), alert.getRaisedAt(), settings.maxAge());
      return true;
    }
    List<Recipient> recipients = routing.recipientsOf(alert, offices.alertContact(alert.getOfficeId()).orElse(null));
    if (recipients.isEmpty()) {
      log.warn("Alert {} has no recipient: no route matches and the responsible officer is no e-mail address", alert.getAlertId());
    }
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    for (Recipient recipient : recipients) {
      if (deliveries.get(alert.getAlertId(), recipient.address()) != null) {
        alreadyDone.incrementAndGet();
        continue;
      }
      if (recipient.digest()) {
        deliveries.write(Entry.of(alert.getAlertId(), recipient.address(), Status.QUEUED, clock.instant(), 0, null,
            text.digestLine(alert, languageOf(recipient, alert), offices.zone(alert.getOfficeId()))));
        queued.incrementAndGet();
        continue;
      }
      Message message = text.message(alert, recipient, languageOf(recipient, alert), offices.zone(alert.getOfficeId()));
      Outcome outcome = deliver(recipient, message, partition);
      if (outcome == null) {
        return false;
      }
      if (outcome.failure == null) {
        deliveries.write(Entry.of(alert.getAlertId(), recipient.address(), Status.DELIVERED, clock.instant(), outcome.tries, null, null));
        delivered.incrementAndGet();
        log.info("Alert {} sent to {} ({} tries)", alert.getAlertId(), recipient.address(), outcome.tries);
      } else {
        String reason = outcome.failure.getMessage();
        deadLetter(record, recipient, reason, outcome.tries);
        deliveries.write(Entry.of(alert.getAlertId(), recipient.address(), Status.FAILED, clock.instant(), outcome.tries, reason, null));
      }
    }
    return true;
  }

  /** The recipient's language when its route names one, else the office's. */
  private Locale languageOf(Recipient recipient, Alert alert) {
    return recipient.language() != null ? Labels.language(recipient.language()) : offices.language(alert.getOfficeId());
  }

  private record Outcome(int tries, DeliveryFailure failure) {}

  /** Sends with retries; null when it had to stop waiting (stopping, or the partition went elsewhere). */
  private Outcome deliver(Recipient recipient, Message message, TopicPartition partition) throws InterruptedException {
    Sender sender = recipient.channel() == Recipient.Channel.EMAIL ? mail : webhook;
    for (int tries = 1; ; tries++) {
      try {
        sender.send(recipient, message);
        return new Outcome(tries, null);
      } catch (DeliveryFailure e) {
        lastFailure.set(e.getMessage());
        if (e.permanent() || tries >= settings.maxAttempts()) {
          return new Outcome(tries, e);
        }
        failedTries.incrementAndGet();
        Duration wait = settings.backoff(tries);
        log.warn("Sending to {} failed (try {} of {}), again in {} ms: {}", recipient.address(), tries,
            settings.maxAttempts(), wait.toMillis(), e.getMessage());
        if (!pauseFor(wait, partition)) {
          return null;
        }
      }
    }
  }

  /** Waits, polling with every partition paused so that the group sees this member alive. */
  private boolean pauseFor(Duration wait, TopicPartition partition) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!stopping.get() && System.nanoTime() < deadline) {
      consumer.pause(consumer.assignment());
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(Duration.ofMillis(Math.min(left, 200)));
      for (TopicPartition assigned : unexpected.partitions()) {
        consumer.seek(assigned, unexpected.records(assigned).get(0).offset());
      }
    }
    consumer.resume(consumer.assignment());
    return !stopping.get() && (partition == null || owned.contains(partition));
  }

  private void commit(TopicPartition partition, long next) {
    try {
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
    } catch (CommitFailedException e) {
      log.warn("Could not commit {} at {} (the partition moved to another instance): {}", partition, next, e.getMessage());
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, Recipient recipient, String reason, int tries) {
    ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
    letter.headers()
        .add(HEADER + "topic", utf8(record.topic()))
        .add(HEADER + "partition", utf8(Integer.toString(record.partition())))
        .add(HEADER + "offset", utf8(Long.toString(record.offset())))
        .add(HEADER + "message", utf8(reason))
        .add(HEADER + "recipient", utf8(recipient == null ? "" : recipient.address()))
        .add(HEADER + "attempts", utf8(Integer.toString(tries)));
    try {
      deadLetters.send(letter).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while writing to the dead-letter topic", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new KafkaException("Cannot write to the dead-letter topic " + settings.deadLetterTopic() + ": " + e.getMessage(), e);
    }
    deadLettered.incrementAndGet();
    log.error("Gave up on {}[{}]@{} for {} after {} tries: {}", record.topic(), record.partition(), record.offset(),
        recipient == null ? "everyone" : recipient.address(), tries, reason);
  }

  private boolean digestDue() {
    if (settings.digestRecipients().isEmpty()) {
      digestRequested.set(false);
      return false;
    }
    Instant now = clock.instant();
    boolean due = digestRequested.getAndSet(false) || !now.isBefore(nextDigest);
    if (!now.isBefore(nextDigest)) {
      nextDigest = nextDigestAfter(now);
    }
    return due;
  }

  /** Sends each digest recipient its queued alerts in one message; an undeliverable digest waits for the next day. */
  private void sendDigests() throws InterruptedException {
    Map<String, List<Entry>> byRecipient = new TreeMap<>();
    for (Entry entry : deliveries.entries()) {
      if (entry.status() == Status.QUEUED) {
        byRecipient.computeIfAbsent(entry.recipient(), r -> new ArrayList<>()).add(entry);
      }
    }
    LocalDate day = clock.instant().atZone(settings.digestZone()).toLocalDate();
    for (Map.Entry<String, List<Entry>> queue : byRecipient.entrySet()) {
      List<Entry> entries = queue.getValue().stream().sorted(Comparator.comparing(Entry::at).thenComparing(Entry::alertId)).toList();
      Recipient recipient = routing.digestRecipient(queue.getKey());
      Message digest = AlertText.digest(recipient, day, entries.stream().map(Entry::alertId).toList(),
          entries.stream().map(Entry::line).toList(), Labels.language(recipient.language()));
      Outcome outcome = deliver(recipient, digest, null);
      if (outcome == null) {
        return;
      }
      if (outcome.failure != null) {
        log.error("The digest for {} could not be sent after {} tries; it waits for the next one: {}", recipient.address(),
            outcome.tries, outcome.failure.getMessage());
        continue;
      }
      for (Entry entry : entries) {
        deliveries.write(Entry.of(entry.alertId(), entry.recipient(), Status.DELIVERED, clock.instant(), outcome.tries,
            null, entry.line()));
      }
      digestsSent.incrementAndGet();
      log.info("Digest of {} alerts sent to {}", entries.size(), recipient.address());
    }
  }

  private Instant nextDigestAfter(Instant now) {
    ZonedDateTime local = now.atZone(settings.digestZone());
    ZonedDateTime at = local.toLocalDate().atTime(settings.digestAt()).atZone(settings.digestZone());
    return (at.toInstant().isAfter(now) ? at : at.plusDays(1)).toInstant();
  }

  private void createTopics() {
    try (Admin admin = Admin.create(clientConfig)) {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      List<TopicSpec> specs = List.of(
          like(Topics.NOTIFIER_DELIVERIES, settings.deliveriesTopic()),
          like(Topics.DEAD_LETTER, settings.deadLetterTopic()));
      new TopicCreator(admin, 1, replication).ensure(specs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topics", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new KafkaException("Cannot reach Kafka at " + clientConfig.get("bootstrap.servers") + ": " + e.getMessage(), e);
    }
  }

  private static TopicSpec like(TopicSpec spec, String name) {
    return new TopicSpec(name, spec.key(), spec.value(), spec.cleanup(), spec.retentionMs(), spec.keyedByRelationship(),
        spec.purpose());
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    return config;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return config;
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      deliveries.catchUp();
      owned.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      owned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      owned.removeAll(partitions);
    }
  }

  private static byte[] utf8(String text) {
    return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }

  /** Stops reading, finishes nothing half-way (an alert interrupted is read again next time), closes. */
  @Override
  public void close() throws InterruptedException {
    stopping.set(true);
    if (consumer != null) {
      consumer.wakeup();
    }
    if (Thread.currentThread() != thread) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
    closeQuietly(mail);
    closeQuietly(webhook);
  }
}
