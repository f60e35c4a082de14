package org.amity.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_BUDGET = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private final int[] ports = EmbeddedKafka.freeLoopbackPorts(2);

    @Test
    void producesAndConsumesRecordsOnAFreshBroker() throws Exception {
        try (EmbeddedKafka kafka = newKafka()) {
            startWithinBudget(kafka);

            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
            assertThat(dataDir.resolve("meta.properties")).exists();
            createTopic(kafka, "orders");
            produce(kafka, "orders", List.of("one", "two", "three"));

            assertThat(readValues(kafka, "orders", 3, "read_uncommitted"))
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void keepsClusterTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        String firstClusterId;
        try (EmbeddedKafka kafka = newKafka()) {
            kafka.start();
            firstClusterId = kafka.clusterId();
            createTopic(kafka, "payments");
            produce(kafka, "payments", List.of("a", "b"));
        }

        try (EmbeddedKafka restarted = newKafka()) {
            startWithinBudget(restarted);

            assertThat(restarted.clusterId()).isNotBlank().isEqualTo(firstClusterId);
            assertThat(listTopics(restarted)).contains("payments");
            assertThat(readValues(restarted, "payments", 2, "read_uncommitted"))
                    .containsExactly("a", "b");
        }
    }

    @Test
    void commitsTransactionsAndHidesAbortedOnesOnASingleNode() throws Exception {
        try (EmbeddedKafka kafka = newKafka()) {
            kafka.start();
            createTopic(kafka, "ledger");

            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                sendInTransaction(producer, "ledger", "committed-1");
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ledger", "aborted"));
                producer.abortTransaction();
                sendInTransaction(producer, "ledger", "committed-2");
            }

            assertThat(readValues(kafka, "ledger", 2, "read_committed"))
                    .containsExactly("committed-1", "committed-2");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndTheBrokerIsGoneAfterwards() {
        EmbeddedKafka kafka = newKafka();
        kafka.start();

        kafka.close();
        kafka.close();

        assertThat(portIsFree(ports[0])).as("broker port released").isTrue();
        assertThat(portIsFree(ports[1])).as("controller port released").isTrue();
    }

    @Test
    void startFailsWithAClearErrorWhenTheBrokerPortIsTaken() throws IOException {
        try (ServerSocket squatter = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress());
             EmbeddedKafka kafka = newKafka()) {
            assertThatThrownBy(kafka::start)
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining(kafka.bootstrapServers());
        }
        assertThat(portIsFree(ports[1])).as("controller port released after the failed start").isTrue();
    }

    @Test
    void refusesToBindOutsideLoopback() {
        assertThatThrownBy(() -> EmbeddedKafka.builder(dataDir).host("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void withScramUsersEveryListenerIsSaslAndTheBrokerLogsInAsItsUser() {
        Map<String, String> props = EmbeddedKafka.builder(dataDir)
                .brokerPort(ports[0])
                .controllerPort(ports[1])
                .scramUsers("broker", Map.of("broker", "pass\"word\\", "amity", "other"))
                .build()
                .brokerProperties();

        assertThat(props)
                .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:" + ports[1])
                .containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + ports[0])
                .containsEntry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"broker\" password=\"pass\\\"word\\\\\";")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"broker\" password=\"pass\\\"word\\\\\""
                                + " user_broker=\"pass\\\"word\\\\\";");
    }

    @Test
    void overTlsWithScramAClientThatTrustsTheBrokerWritesAndReadsInTransactionsAndOneThatDoesNotIsRefused(
            @TempDir Path keys) throws Exception {
        Path keyStore = keys.resolve("broker.p12");
        Path certificate = keys.resolve("broker.pem");
        String keyStorePassword = UUID.randomUUID().toString();
        String clientPassword = UUID.randomUUID().toString();
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", keyStorePassword);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(),
                "-storepass", keyStorePassword, "-file", certificate.toString());

        try (EmbeddedKafka kafka = EmbeddedKafka.builder(dataDir)
                .brokerPort(ports[0])
                .controllerPort(ports[1])
                .scramUsers("broker", Map.of("broker", UUID.randomUUID().toString(), "client", clientPassword))
                .tls(keyStore, keyStorePassword)
                .build()) {
            startWithinBudget(kafka);

            Map<String, Object> untrusting = new HashMap<>(connection(kafka));
            untrusting.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            untrusting.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
            untrusting.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule"
                    + " required username=\"client\" password=\"" + clientPassword + "\";");
            Map<String, Object> trusting = new HashMap<>(untrusting);
            trusting.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            trusting.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificate.toString());

            createTopic(trusting, "secrets");
            try (KafkaProducer<String, String> producer = transactionalProducer(trusting)) {
                producer.initTransactions();
                sendInTransaction(producer, "secrets", "over TLS");
            }
            assertThat(readValues(trusting, "secrets", 1, "read_committed")).containsExactly("over TLS");

            assertThatThrownBy(() -> createTopic(untrusting, "other"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void theBrokerUserMustBeOneOfTheScramUsers() {
        assertThatThrownBy(() -> EmbeddedKafka.builder(dataDir).scramUsers("broker", Map.of("amity", "secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker");
    }

    @Test
    void freeLoopbackPortsAreDistinctAndFree() {
        int[] picked = EmbeddedKafka.freeLoopbackPorts(5);

        assertThat(picked).hasSize(5).doesNotHaveDuplicates();
        for (int port : picked) {
            assertThat(portIsFree(port)).as("port %d is free", port).isTrue();
        }
    }

    private EmbeddedKafka newKafka() {
        return EmbeddedKafka.builder(dataDir)
                .brokerPort(ports[0])
                .controllerPort(ports[1])
                .build();
    }

    private static void startWithinBudget(EmbeddedKafka kafka) {
        long start = System.nanoTime();
        kafka.start();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STARTUP_BUDGET);
    }

    private static void createTopic(EmbeddedKafka kafka, String topic) throws Exception {
        createTopic(connection(kafka), topic);
    }

    private static void createTopic(Map<String, Object> connection, String topic) throws Exception {
        try (Admin admin = Admin.create(connection)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static Set<String> listTopics(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            return admin.listTopics().names().get();
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(connection(kafka));
    }

    /** Where a client connects, and how: here, without credentials in the clear. */
    private static Map<String, Object> connection(EmbeddedKafka kafka) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    private static void produce(EmbeddedKafka kafka, String topic, List<String> values) throws Exception {
        Map<String, Object> config = producerConfig(connection(kafka));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        return transactionalProducer(connection(kafka));
    }

    private static KafkaProducer<String, String> transactionalProducer(Map<String, Object> connection) {
        Map<String, Object> config = producerConfig(connection);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test");
        return new KafkaProducer<>(config);
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, String value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, value));
        producer.commitTransaction();
    }

    private static Map<String, Object> producerConfig(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** Reads the topic from the beginning with a consumer group until {@code expected} records arrived. */
    private static List<String> readValues(EmbeddedKafka kafka, String topic, int expected, String isolationLevel) {
        return readValues(connection(kafka), topic, expected, isolationLevel);
    }

    private static List<String> readValues(Map<String, Object> connection, String topic, int expected,
                                           String isolationLevel) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // one more short poll so that an unexpected extra record would show up too
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }

    /** Runs the JDK's keytool, which makes the broker's key and certificate without a library. */
    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
