package org.amity.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.amity.contract.Topics;
import org.amity.topics.TopicSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What Kafka Streams itself costs: a topology that reads the event topics and does nothing with their records but
 * count them (raw bytes, no state, no output), 1 thread, run in the bench's process until it has seen every event.
 * Between the plain consumer and Amity's topology, it shows how much of the gap is Kafka Streams' own per-record work
 * and how much is Amity's. Optionally it also keeps each record, as it came, in a RocksDB store logged to a changelog
 * (the least a ledger that keeps every event costs: one store write and one changelog record per event).
 */
final class PassThroughReplay {
  private static final Duration LIMIT = Duration.ofMinutes(30);

  private PassThroughReplay() {}

  /** The time from start until every one of {@code events} has been seen, under the processing guarantee given. */
  static Duration run(Map<String, Object> clientConfig, Path stateDir, long events, String guarantee)
      throws InterruptedException {
    return run(clientConfig, stateDir, events, guarantee, false);
  }

  /** The same, keeping each record in a logged store. */
  static Duration runKeepingEach(Map<String, Object> clientConfig, Path stateDir, long events, String guarantee)
      throws InterruptedException {
    return run(clientConfig, stateDir, events, guarantee, true);
  }

  private static Duration run(Map<String, Object> clientConfig, Path stateDir, long events, String guarantee,
      boolean keepEach) throws InterruptedException {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG,
        "bench-pass-through-" + (keepEach ? "keeping-" : "") + guarantee.replace('_', '-'));
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, clientConfig.get("bootstrap.servers"));
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    AtomicLong seen = new AtomicLong();
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], byte[]> read = builder.stream(Topics.EVENTS.stream().map(TopicSpec::name).toList(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("events"));
    if (keepEach) {
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KEPT), Serdes.String(),
          Serdes.ByteArray()));
      read.process(KeepEach::new, Named.as("keep-each"), KEPT);
    }
    read.foreach((key, value) -> seen.incrementAndGet());
    long start = System.nanoTime();
    long deadline = start + LIMIT.toNanos();
    try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
      streams.start();
      while (seen.get() < events) {
        if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException(String.format("the pass-through saw %,d of %,d events (%s)", seen.get(),
              events, streams.state()));
        }
        Thread.sleep(20);
      }
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static final String KEPT = "kept";

  /** Puts each record in the store under where it was read. */
  private static final class KeepEach implements Processor<byte[], byte[], Void, Void> {
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> kept;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      this.kept = context.getStateStore(KEPT);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      String at = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElseThrow();
      kept.put(at, record.value());
    }
  }
}
