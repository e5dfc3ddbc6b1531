package io.newswatch.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several nodes (each broker and controller, one shared controller quorum) on 127.0.0.1, in
 * this JVM, for fault tests and benchmarks: replication factor 3 and {@code min.insync.replicas=2} when it has
 * three nodes, so that one node can be stopped and started again ({@link #restart(int)}) with no loss. Not for
 * production (use a real cluster) and not thread-safe: start, restart and close from one thread.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaCluster.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path dataDir;
    private final int size;
    private final int[] ports;
    private final int[] controllerPorts;
    private final KafkaRaftServer[] servers;
    private final String clusterId = Uuid.randomUuid().toString();

    /**
     * @param dataDir where each node keeps its log ({@code node-1}, ...)
     * @param size    number of nodes, 1 to 5
     * @throws IllegalArgumentException when {@code size} is out of range
     */
    public LocalKafkaCluster(Path dataDir, int size) {
        if (size < 1 || size > 5) {
            throw new IllegalArgumentException("size must be 1-5, was " + size);
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.size = size;
        int[] free = freePorts(2 * size);
        ports = new int[size];
        controllerPorts = new int[size];
        for (int i = 0; i < size; i++) {
            ports[i] = free[i];
            controllerPorts[i] = free[size + i];
        }
        servers = new KafkaRaftServer[size];
    }

    /** Formats and starts every node (together: a controller waits for its quorum), then waits until all serve. */
    public LocalKafkaCluster start() {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            int node = n;
            Properties props = properties(node);
            write(props, node);
            EmbeddedKafkaBroker.format(dataDir.resolve("node-" + node).resolve("server.properties"), clusterId);
            starting.add(CompletableFuture.runAsync(() -> startNode(node, props)));
        }
        starting.forEach(CompletableFuture::join);
        awaitNodes(size, Duration.ofMinutes(2));
        LOG.info("local Kafka cluster of {} nodes on {}", size, bootstrapServers());
        return this;
    }

    /** Stops node {@code node} (1-based) and starts it again on the same ports and data. */
    public void restart(int node) {
        stop(node);
        startNode(node, properties(node));
        awaitNodes(size, Duration.ofMinutes(2));
    }

    /** Stops node {@code node} (1-based) and waits for it; its data stays. */
    public void stop(int node) {
        KafkaRaftServer s = servers[node - 1];
        servers[node - 1] = null;
        if (s != null) {
            s.shutdown();
            s.awaitShutdown();
            LOG.info("node {} stopped", node);
        }
    }

    /** {@code 127.0.0.1:port,...} of every node. */
    public String bootstrapServers() {
        List<String> out = new ArrayList<>();
        for (int p : ports) {
            out.add(LOOPBACK + ":" + p);
        }
        return String.join(",", out);
    }

    private void startNode(int node, Properties props) {
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        s.startup();
        servers[node - 1] = s;
    }

    private void awaitNodes(int want, Duration timeout) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get().size() >= want) {
                        return;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the local cluster did not show " + want + " nodes within " + timeout);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }

    private Properties properties(int node) {
        int i = node - 1;
        String voters = java.util.stream.IntStream.range(0, size).mapToObj(k -> (k + 1) + "@" + LOOPBACK + ":" + controllerPorts[k])
                .collect(Collectors.joining(","));
        int rf = Math.min(3, size);
        String minIsr = Integer.toString(Math.max(1, rf - 1));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(node));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://" + LOOPBACK + ":" + ports[i] + ",CONTROLLER://" + LOOPBACK + ":" + controllerPorts[i]);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + ports[i]);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("node-" + node).resolve("log").toString());
        p.setProperty("default.replication.factor", Integer.toString(rf));
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("offsets.topic.replication.factor", Integer.toString(rf));
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(rf));
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(rf));
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    private void write(Properties props, int node) {
        Path dir = dataDir.resolve("node-" + node);
        try {
            Files.createDirectories(dir.resolve("log"));
            try (Writer w = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
                props.store(w, "local cluster node " + node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration of node " + node + " under " + dir, e);
        }
    }

    /** Distinct free loopback ports, all held open until all are chosen. */
    private static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                held.add(s);
                out[i] = s.getLocalPort();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback ports", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // released anyway
                }
            }
        }
    }

    /**
     * Stops every node at once; data stays on disk. Together, as Kafka's own test kit does: one after the other, the
     * last node would wait for a controller quorum that is already gone.
     */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            int node = n;
            stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    stop(node);
                } catch (RuntimeException e) {
                    LOG.warn("node {} did not stop cleanly: {}", node, e.toString());
                }
            }));
        }
        stopping.forEach(CompletableFuture::join);
    }
}
