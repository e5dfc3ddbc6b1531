package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.health.Health;
import io.newswatch.health.KafkaReachability;
import io.newswatch.processor.ProcessorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that accepts only SASL/SCRAM clients: the processor service, its topics and its health check work through
 * the verbatim {@code kafka:} settings alone (no code knows about SASL), and a wrong password shows as an unready
 * {@code kafka} component naming the authentication failure.
 */
class SaslClusterIT {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";";

    @TempDir
    Path dir;

    @Test
    void shouldRunTheProcessorAgainstABrokerThatRequiresScram() throws Exception {
        int port;
        int controller;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = a.getLocalPort();
            controller = b.getLocalPort();
        }
        KafkaRaftServer broker = startScramBroker(port, controller);
        try {
            Config config = Config.load(null, Map.of(), AllKeys.all())
                    .withKafka(client(port, "newswatch", "nw-secret"))
                    .with(TopicKeys.PREFIX, "sasl", "test")
                    .with(ProcessorConfig.APPLICATION_ID, "sasl-processor", "test")
                    .with(ProcessorConfig.STATE_DIR, dir.resolve("streams"), "test")
                    .with(OpsServer.PORT, 0, "test");
            TopicSetup.createAll(config);
            try (Lifecycle life = new Lifecycle()) {
                Metrics metrics = life.add("metrics", new Metrics());
                Health health = KafkaChecks.health(config, life);
                OpsServer ops = ServiceCommands.Process.start(config, life, metrics, health);
                HttpClient http = HttpClient.newHttpClient();
                URI ready = URI.create("http://127.0.0.1:" + ops.port() + "/health/ready");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                        http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            }

            Config wrong = config.withKafka(client(port, "newswatch", "not-the-password"));
            try (KafkaReachability check = new KafkaReachability(KafkaClients.common(wrong, "test"), Duration.ofSeconds(2), Clock.systemUTC())
                    .start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> check.status().state().startsWith("unreachable"));
                assertThat(check.status().up()).isFalse();
                assertThat(check.status().state()).contains("SaslAuthenticationException");
            }
        } finally {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    private static Map<String, String> client(int port, String user, String password) {
        Map<String, String> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:" + port);
        kafka.put("security.protocol", "SASL_PLAINTEXT");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", JAAS.formatted(user, password));
        return kafka;
    }

    /** One KRaft node whose only client listener is SASL_PLAINTEXT with SCRAM-SHA-512; the users exist from the format on. */
    private KafkaRaftServer startScramBroker(int port, int controller) throws Exception {
        Path logDir = dir.resolve("kafka");
        Files.createDirectories(logDir);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.setProperty("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.setProperty("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.setProperty("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", JAAS.formatted("admin", "admin-secret"));
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        Path props = dir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            p.store(w, "SASL/SCRAM test broker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", props.toString(),
                "--add-scram", "SCRAM-SHA-512=[name=admin,password=admin-secret]",
                "--add-scram", "SCRAM-SHA-512=[name=newswatch,password=nw-secret]"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isZero();
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        s.startup();
        return s;
    }
}
