package io.newswatch.app.broker;

import io.newswatch.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this process, from the
 * Kafka server jar. It listens on loopback only and keeps its log under {@code dataDir}, so topics, records,
 * consumer offsets and transactions survive a restart.
 *
 * <p>The first start formats the storage with a new cluster id and writes {@code server.properties} beside
 * the data, for inspection with the stock Kafka tools; later starts reuse both. Not thread-safe: start and
 * close from one thread.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param dataDir        where the log and metadata live (created when missing)
     * @param port           client port on 127.0.0.1; 0 picks a free one
     * @param controllerPort controller port on 127.0.0.1; 0 picks a free one
     */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        if (port != 0 && port == controllerPort) {
            throw new ConfigException("broker.port and broker.controllerPort are both " + port + ": give them different ports (or 0 for any free one)");
        }
        int[] free = freePorts(port == 0 ? 1 : 0, controllerPort == 0 ? 1 : 0, port, controllerPort);
        this.port = port == 0 ? free[0] : port;
        this.controllerPort = controllerPort == 0 ? free[1] : controllerPort;
    }

    /** Formats storage when new, then starts the broker and waits until it serves requests. */
    public EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("broker already started");
        }
        Path logDir = dataDir.resolve("log");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new ConfigException("cannot create the embedded broker's data directory " + dataDir + ": " + e.getMessage(), e);
        }
        ensurePortFree(port, "broker.port");
        ensurePortFree(controllerPort, "broker.controllerPort");
        Properties props = serverProperties(logDir);
        Path propsFile = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
            props.store(w, "Written by newswatch for its embedded broker; regenerated at every start.");
        } catch (IOException e) {
            throw new ConfigException("cannot write " + propsFile + ": " + e.getMessage(), e);
        }
        format(propsFile, clusterId(logDir));
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        s.startup();
        server = s;
        LOG.info("embedded Kafka broker listening on {} (data under {})", bootstrapServers(), dataDir);
        return this;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + port;
    }

    /** The controller listener's port on 127.0.0.1. */
    int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + LOOPBACK + ":" + port + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic has one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // newswatch creates its topics explicitly, with their retention; a typo must not create a topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        return p;
    }

    private static String clusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
                String id = p.getProperty("cluster.id");
                if (id != null) {
                    return id;
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read " + meta + ": " + e.getMessage(), e);
            }
        }
        return Uuid.randomUuid().toString();
    }

    static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config", propsFile.toString(), "--ignore-formatted"}, ps);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot format the embedded broker's storage: " + e.getMessage(), e);
        }
        if (rc != 0) {
            throw new ConfigException("cannot format the embedded broker's storage (exit " + rc + "): " + out.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void ensurePortFree(int port, String key) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new ConfigException("port " + port + " on " + LOOPBACK + " is in use; set " + key
                    + " to a free port, or point kafka.bootstrap.servers at a running cluster");
        }
    }

    /**
     * Free loopback ports for the client and controller listeners where asked ({@code want*} = 1), distinct from
     * each other and from the fixed ones. Both sockets are held open until both are chosen: picked one after the
     * other, the system may hand out the same port twice, and Kafka then refuses two listeners on one port.
     */
    private static int[] freePorts(int wantClient, int wantController, int fixedClient, int fixedController) {
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            int[] out = new int[2];
            for (int i = 0; i < 2; i++) {
                if ((i == 0 ? wantClient : wantController) == 0) {
                    continue;
                }
                while (true) {
                    ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                    held.add(s);
                    int p = s.getLocalPort();
                    if (p != fixedClient && p != fixedController) {
                        out[i] = p;
                        break;
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted
                }
            }
        }
    }

    /** Stops the broker and waits for it; safe to call twice. Data stays on disk. */
    @Override
    public void close() {
        KafkaRaftServer s = server;
        server = null;
        if (s != null) {
            s.shutdown();
            s.awaitShutdown();
            LOG.info("embedded Kafka broker stopped");
        }
    }
}
