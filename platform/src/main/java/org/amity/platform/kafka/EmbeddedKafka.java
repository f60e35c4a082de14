package org.amity.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM.
 *
 * <p>The data directory belongs to Kafka: it is the broker's only log directory and also holds
 * the metadata log. It is formatted on the first start; later starts on the same directory keep
 * the cluster id, the topics and the records.
 *
 * <p>Clients connect without credentials and in the clear (PLAINTEXT) unless {@link Builder#scramUsers} is given
 * (then only those users get in, with SCRAM-SHA-512) or {@link Builder#tls} (then the client listener speaks TLS):
 * the client listener is PLAINTEXT, SASL_PLAINTEXT, SSL or SASL_SSL, and clients set that as security.protocol.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder(dataDir).build()) {
 *     kafka.start();
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";
    private static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 4096;

    private final Path dataDir;
    private final String host;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> extraProperties;
    private final Duration startupTimeout;
    private final String scramBrokerUser;
    private final Map<String, String> scramPasswords;
    private final Path tlsKeyStore;
    private final String tlsKeyStorePassword;

    private KafkaRaftServer server;
    private String clusterId;
    private boolean started;

    private EmbeddedKafka(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.host = requireLoopback(builder.host);
        this.brokerPort = builder.brokerPort;
        this.controllerPort = builder.controllerPort;
        this.extraProperties = Map.copyOf(builder.extraProperties);
        this.startupTimeout = builder.startupTimeout;
        this.scramBrokerUser = builder.scramBrokerUser;
        this.scramPasswords = Map.copyOf(builder.scramPasswords);
        this.tlsKeyStore = builder.tlsKeyStore;
        this.tlsKeyStorePassword = builder.tlsKeyStorePassword;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Picks {@code count} distinct ports that are free on the loopback interface right now.
     * The sockets are held until all ports are chosen, so the same port is never returned twice.
     */
    public static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free loopback ports", e);
        } finally {
            sockets.forEach(EmbeddedKafka::closeQuietly);
        }
    }

    /**
     * Formats the data directory if it has never been formatted, starts the broker and returns
     * once it answers client requests.
     *
     * @throws IllegalStateException if this instance was already started
     * @throws EmbeddedKafkaException if the broker cannot be formatted, started or reached in time
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("EmbeddedKafka was already started; create a new instance to restart");
        }
        started = true;
        LOG.info("Starting Kafka on {} with data in {}", bootstrapServers(), dataDir);
        long startNanos = System.nanoTime();
        try {
            KafkaConfig config = new KafkaConfig(brokerProperties(), false);
            formatIfNeeded(config);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            clusterId = awaitClusterId();
        } catch (RuntimeException e) {
            throw stopAfterFailedStart(e);
        }
        LOG.info("Kafka cluster {} is up on {} after {} ms",
                clusterId, bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    /** The address clients connect to, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return host + ":" + brokerPort;
    }

    /** The cluster id as reported by the running broker; null before {@link #start()}. */
    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Shuts the broker down and waits until it has stopped. Calling it again does nothing. */
    public synchronized void stop() {
        if (server != null) {
            LOG.info("Stopping Kafka on {}", bootstrapServers());
            stopServer();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The full broker configuration: single-node defaults, then the extra properties on top. */
    Map<String, String> brokerProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        String listener = clientListener();
        props.put("listeners", listener + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", listener + "://" + host + ":" + brokerPort);
        props.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":"
                + (usesScram() ? "SASL_PLAINTEXT" : "PLAINTEXT"));
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", listener);
        if (usesScram()) {
            String brokerPassword = scramPasswords.get(scramBrokerUser);
            props.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            // the broker's own login: it connects to itself on this listener, e.g. to write transaction markers
            props.put("listener.name." + listener.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
                    scramJaasConfig(scramBrokerUser, brokerPassword));
            // The controller listener answers some admin requests too (Admin's bootstrap.controllers), so it asks
            // for credentials as well. SCRAM cannot guard it (its users live in the metadata the controller
            // serves): PLAIN, with the broker user alone.
            props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.controller.protocol", "PLAIN");
            props.put("listener.name.controller.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=" + jaasQuoted(scramBrokerUser)
                            + " password=" + jaasQuoted(brokerPassword)
                            + " user_" + scramBrokerUser + "=" + jaasQuoted(brokerPassword) + ";");
        }
        if (usesTls()) {
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.keystore.location", tlsKeyStore.toString());
            props.put("ssl.keystore.password", tlsKeyStorePassword);
            // the broker connects to itself over TLS too, and trusts its own certificate
            props.put("ssl.truststore.type", "PKCS12");
            props.put("ssl.truststore.location", tlsKeyStore.toString());
            props.put("ssl.truststore.password", tlsKeyStorePassword);
        }
        props.put("log.dirs", dataDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // a single node needs few internal partitions; Kafka's 50 make the first group or transaction slow
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        // the log cleaner's key map is allocated on the heap whole (128 MB by default): a quarter of the demo's heap
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.putAll(extraProperties);
        return props;
    }

    private void formatIfNeeded(KafkaConfig config) {
        if (Files.exists(dataDir.resolve(META_PROPERTIES))) {
            return;
        }
        String newClusterId = Uuid.randomUuid().toString();
        LOG.info("Formatting {} for new cluster {}", dataDir, newClusterId);
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(newClusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toString())
                    .setScramArguments(scramArguments())
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Could not format " + dataDir, e);
        }
        LOG.debug("Formatter output:\n{}", formatterOutput.toString(StandardCharsets.UTF_8));
    }

    /**
     * The SCRAM users in {@code kafka-storage format --add-scram} form, with the password already salted: the
     * formatter's own syntax cannot hold a password with a comma.
     */
    private List<String> scramArguments() throws GeneralSecurityException {
        ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, String> user : scramPasswords.entrySet()) {
            byte[] salt = formatter.secureRandomBytes();
            byte[] saltedPassword = formatter.saltedPassword(user.getValue(), salt, SCRAM_ITERATIONS);
            arguments.add(SCRAM_MECHANISM + "=[name=" + user.getKey()
                    + ",salt=" + Base64.getEncoder().encodeToString(salt)
                    + ",saltedpassword=" + Base64.getEncoder().encodeToString(saltedPassword)
                    + ",iterations=" + SCRAM_ITERATIONS + "]");
        }
        return arguments;
    }

    /** Polls describeCluster until the broker answers, and returns the cluster id it reports. */
    private String awaitClusterId() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminProperties())) {
            while (System.nanoTime() < deadline) {
                try {
                    DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
                    if (!cluster.nodes().get().isEmpty()) {
                        return cluster.clusterId().get();
                    }
                } catch (Exception e) {
                    lastFailure = e;
                }
                sleep(Duration.ofMillis(100));
            }
        }
        throw new EmbeddedKafkaException("Kafka on " + bootstrapServers() + " did not answer within " + startupTimeout, lastFailure);
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, clientListener());
        if (usesScram()) {
            props.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
            props.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(scramBrokerUser, scramPasswords.get(scramBrokerUser)));
        }
        if (usesTls()) {
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tlsKeyStore.toString());
            props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tlsKeyStorePassword);
        }
        return props;
    }

    private boolean usesScram() {
        return !scramPasswords.isEmpty();
    }

    private boolean usesTls() {
        return tlsKeyStore != null;
    }

    /** The client listener's name, which is also its security protocol. */
    private String clientListener() {
        return (usesScram() ? "SASL_" : "") + (usesTls() ? "SSL" : "PLAINTEXT");
    }

    private static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=" + jaasQuoted(user)
                + " password=" + jaasQuoted(password) + ";";
    }

    private static String jaasQuoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private EmbeddedKafkaException stopAfterFailedStart(RuntimeException cause) {
        EmbeddedKafkaException failure = cause instanceof EmbeddedKafkaException e
                ? e
                : new EmbeddedKafkaException("Kafka on " + bootstrapServers() + " did not start", cause);
        try {
            stopServer();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    private static String requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("EmbeddedKafka binds to loopback only, but host is " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + host, e);
        }
        return host;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while waiting for Kafka to start", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only being reserved
        }
    }

    /** Builds an {@link EmbeddedKafka}; only the data directory is required. */
    public static final class Builder {
        private final Path dataDir;
        private String host = DEFAULT_HOST;
        private int brokerPort = DEFAULT_BROKER_PORT;
        private int controllerPort = DEFAULT_CONTROLLER_PORT;
        private final Map<String, String> extraProperties = new HashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private String scramBrokerUser;
        private final Map<String, String> scramPasswords = new HashMap<>();
        private Path tlsKeyStore;
        private String tlsKeyStorePassword;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** A loopback host name or address; anything else is rejected by {@link #build()}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder brokerPort(int brokerPort) {
            this.brokerPort = brokerPort;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Broker properties that override the single-node defaults. */
        public Builder brokerProperties(Map<String, String> properties) {
            this.extraProperties.putAll(properties);
            return this;
        }

        public Builder brokerProperty(String name, String value) {
            this.extraProperties.put(name, value);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /**
         * Makes the client listener SASL_PLAINTEXT (SASL_SSL with {@link #tls}) with SCRAM-SHA-512, so that only
         * these users connect; the controller listener then takes the broker user alone (SASL/PLAIN over
         * SASL_PLAINTEXT), and nothing takes a client without credentials. The users are created when the data
         * directory is formatted, on its first start: a directory formatted earlier keeps the users and passwords it
         * was formatted with.
         *
         * @param brokerUser the user the broker authenticates as when it connects to itself (transaction markers)
         *     and to see that it is up; one of the users
         * @param passwordsByUser user name → password
         */
        public Builder scramUsers(String brokerUser, Map<String, String> passwordsByUser) {
            if (!passwordsByUser.containsKey(brokerUser)) {
                throw new IllegalArgumentException("The broker user " + brokerUser + " is not one of the SCRAM users "
                        + passwordsByUser.keySet());
            }
            this.scramBrokerUser = brokerUser;
            this.scramPasswords.clear();
            this.scramPasswords.putAll(passwordsByUser);
            return this;
        }

        /**
         * Makes the client listener speak TLS (SSL, or SASL_SSL with {@link #scramUsers}); the controller listener
         * stays on loopback without it.
         *
         * @param keyStore a PKCS12 key store with the broker's key and a certificate for its host
         * @param password of the key store and the key
         */
        public Builder tls(Path keyStore, String password) {
            this.tlsKeyStore = keyStore.toAbsolutePath();
            this.tlsKeyStorePassword = Objects.requireNonNull(password, "password");
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
