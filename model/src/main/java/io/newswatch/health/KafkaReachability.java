package io.newswatch.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers, asked every {@code interval} from a daemon thread with an admin client
 * ({@code describeCluster}), for the readiness probe. The clients of the service retry on their own while the
 * cluster is away; this only makes the outage visible: readiness goes DOWN with one WARN line when the cluster
 * stops answering, and back UP with one INFO line when it answers again. No line per failed attempt, and never a
 * process exit. {@link #status()} is non-blocking and thread-safe.
 */
public final class KafkaReachability implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaReachability.class);

    private final Properties adminProps;
    private final Duration interval;
    private final Clock clock;
    private final String servers;
    private volatile Health.Status status = Health.Status.down("not checked yet");
    private volatile boolean running = true;
    private Instant downSince;
    private Thread thread;

    /**
     * @param clientProps the service's common client settings (bootstrap servers, security); copied
     * @param interval    time between two checks; a check waits at most this long for an answer
     * @throws IllegalArgumentException when {@code clientProps} names no bootstrap servers or {@code interval} is not positive
     */
    public KafkaReachability(Properties clientProps, Duration interval, Clock clock) {
        Objects.requireNonNull(clientProps, "clientProps");
        Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        servers = clientProps.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("clientProps must name bootstrap.servers");
        }
        this.interval = interval;
        adminProps = new Properties();
        // only what an admin client understands (security included): producer or consumer keys would be warned about
        for (String key : AdminClientConfig.configNames()) {
            if (clientProps.containsKey(key)) {
                adminProps.put(key, clientProps.get(key));
            }
        }
        adminProps.setProperty(CommonClientConfigs.CLIENT_ID_CONFIG, "newswatch-health");
        int ms = (int) Math.min(Integer.MAX_VALUE, interval.toMillis());
        adminProps.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(ms));
        adminProps.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
        adminProps.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
    }

    /** Starts checking; the first check runs at once. */
    public KafkaReachability start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofPlatform().name("kafka-reachability").daemon().start(this::loop);
        return this;
    }

    /** The latest answer: UP with the broker count, or DOWN with since when and the last error. */
    public Health.Status status() {
        return status;
    }

    private void loop() {
        try (Admin admin = Admin.create(adminProps)) {
            while (running) {
                check(admin);
                synchronized (this) {
                    if (running) {
                        wait(interval.toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            status = Health.Status.down("health check failed: " + e);
            LOG.error("the Kafka reachability check stopped; readiness stays DOWN", e);
        }
    }

    private void check(Admin admin) throws InterruptedException {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis()))
                    .nodes().get(interval.toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (downSince != null) {
                LOG.info("Kafka cluster {} reachable again after {}s; ready", servers, Duration.between(downSince, clock.instant()).toSeconds());
            }
            downSince = null;
            status = Health.Status.up("reachable: " + nodes.size() + (nodes.size() == 1 ? " broker" : " brokers"));
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException && e.getCause() != null ? e.getCause().toString() : e.toString();
            boolean first = downSince == null;
            if (first) {
                downSince = clock.instant();
                LOG.warn("Kafka cluster {} unreachable ({}); not ready until it answers. The service keeps running and its clients retry.",
                        servers, why);
            }
            status = Health.Status.down("unreachable since " + downSince + ": " + why);
        }
    }

    /** Stops checking (waits for the current check, at most {@code interval}). */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(interval.toMillis() * 2 + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
