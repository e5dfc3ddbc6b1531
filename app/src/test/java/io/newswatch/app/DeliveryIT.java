package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.alerts.AlertsService;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.health.Health;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Json;
import io.newswatch.model.topic.Topics;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery on a real broker, to a real HTTP receiver (JDK HttpServer) and a real SMTP server (GreenMail).
 * The fast siblings are ChannelsTest, WebhookSignerTest, SlackChannelTest and AlertTopologyTest in the alerts module.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryIT {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final AtomicInteger RUN = new AtomicInteger();

    @TempDir
    Path dir;

    HttpServer receiver;
    GreenMail smtp;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger flakyCalls = new AtomicInteger();

    record Received(String path, String id, String timestamp, String signature, String body, Instant at) {
    }

    @BeforeEach
    void startReceivers() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            int status = 200;
            if (path.equals("/hang")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (path.equals("/flaky")) {
                int n = flakyCalls.incrementAndGet();
                status = n == 1 ? 429 : n == 2 ? 500 : 200;
                if (n == 1) {
                    ex.getResponseHeaders().add("Retry-After", "1");
                }
            }
            received.add(new Received(path, ex.getRequestHeaders().getFirst("webhook-id"), ex.getRequestHeaders().getFirst("webhook-timestamp"),
                    ex.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), Instant.now()));
            try {
                ex.sendResponseHeaders(status, -1);
            } finally {
                ex.close();
            }
        });
        receiver.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("newswatch@example.org", "desk", "pw-123");
    }

    @AfterEach
    void stopReceivers() {
        receiver.stop(0);
        smtp.stop();
    }

    Config config(KafkaCluster kafka, String channels, String policies) throws Exception {
        String prefix = "dlv" + RUN.incrementAndGet();
        Path f = dir.resolve("newswatch.yaml");
        Files.writeString(f, """
                topics:
                  prefix: %s
                  partitions: 1
                alerts:
                  applicationId: %s-alerts
                  deliveryGroup: %s-delivery
                  stateDir: %s
                  http: {port: 0}
                  updateInterval: 2s
                  egressAllow: [127.0.0.0/8]
                  channels:
                %s
                  policies:
                %s
                """.formatted(prefix, prefix, prefix, dir.resolve("streams"), channels.indent(4), policies.indent(4)));
        Config c = Config.load(f, Map.of("SMTP_PASSWORD", "pw-123"), AllKeys.all()).withKafka(kafka.clientSettings());
        TopicSetup.createAll(c);
        return c;
    }

    String hook(String id, String path) {
        return "- {id: %s, type: webhook, url: \"http://127.0.0.1:%d%s\", secret: \"%s\", timeout: 1s, backoff: 200ms, backoffMax: 2s, maxAttempts: 5}"
                .formatted(id, receiver.getAddress().getPort(), path, SECRET);
    }

    String mail() {
        return """
                - id: mail
                  type: email
                  host: 127.0.0.1
                  port: %d
                  starttls: false
                  username: desk
                  password: ${env:SMTP_PASSWORD}
                  from: newswatch@example.org
                  to: [desk@example.org]
                """.formatted(smtp.getSmtp().getPort());
    }

    static Match match(String articleId, String story, String duplicateOf, String source, String lang) {
        Article a = Article.builder("https://news.example/" + articleId).id(articleId).title("Cartel hires drone pilots " + articleId)
                .text("Former soldiers train cartel drone pilots.").source(source).lang(lang).fetchedAt(Instant.now()).build();
        return new Match(Match.SCHEMA_VERSION, a, List.of(new RuleHit("drone-training", "v1", 2.0, "high", List.of())), List.of(), duplicateOf,
                story, null, Instant.now());
    }

    static boolean signatureValid(Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body())
                .getBytes(StandardCharsets.UTF_8)));
        return r.signature() != null && List.of(r.signature().split(" ")).contains(expected);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void shouldSendOneEmailAndOneWebhookPerStoryAndRuleThenAThreadedFollowUp(KafkaCluster kafka) throws Exception {
        Config c = config(kafka, hook("desk", "/desk") + "\n" + mail(), "[]");
        Topics topics = TopicKeys.topics(c);
        try (AlertsService alerts = new AlertsService(c, new SimpleMeterRegistry(), () -> "", new Health()).start();
             KafkaProducer<String, Match> p = new KafkaProducer<>(KafkaClients.producer(c, "test"), topics.matches().keySerde().serializer(),
                     topics.matches().valueSerde().serializer())) {
            Thread.sleep(3000); // the channels record their start
            long t = System.currentTimeMillis();
            p.send(new ProducerRecord<>(topics.matches().name(), null, t, "s1", match("a1", "s1", null, "Wire One", "en")));
            p.send(new ProducerRecord<>(topics.matches().name(), null, t + 100, "s1", match("a2", "s1", "a1", "Wire Two", "en")));
            p.send(new ProducerRecord<>(topics.matches().name(), null, t + 200, "s1", match("a3", "s1", "a1", "Diario Tres", "es")));
            p.flush();
            await().atMost(PATIENCE).until(() -> at("/desk").size() >= 1 && smtp.getReceivedMessages().length >= 1);
            Thread.sleep(3000);
            assertThat(at("/desk")).hasSize(1);
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            // stream time passes the update interval: the copies arrive as one follow-up
            p.send(new ProducerRecord<>(topics.matches().name(), null, t + 5000, "s2", match("b1", "s2", null, "Other", "en")));
            p.flush();
            await().atMost(PATIENCE).until(() -> at("/desk").size() >= 3 && smtp.getReceivedMessages().length >= 3);
            Thread.sleep(3000);
            List<Received> hooks = at("/desk");
            assertThat(hooks).hasSize(3).allSatisfy(r -> assertThat(signatureValid(r)).isTrue());
            assertThat(hooks).extracting(Received::id).doesNotHaveDuplicates();
            var update = hooks.stream().map(r -> read(r.body())).filter(b -> b.get("type").equals("io.newswatch.alert.updated")).toList();
            assertThat(update).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) update.get(0).get("data");
            assertThat(data.get("version")).isEqualTo(2);
            assertThat(data.get("outletCount")).isEqualTo(3);
            assertThat(data.get("languageCount")).isEqualTo(2);

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(3);
            MimeMessage first = List.of(mails).stream().filter(m -> header(m, "In-Reply-To") == null && subject(m).contains("a1")).findFirst().orElseThrow();
            MimeMessage followUp = List.of(mails).stream().filter(m -> header(m, "In-Reply-To") != null).findFirst().orElseThrow();
            assertThat(header(followUp, "In-Reply-To")).isEqualTo(header(first, "Message-ID"));
            assertThat(subject(followUp)).startsWith("Re: ");
        }
    }

    @Test
    void shouldRetry429And500AndNotLetAHangingReceiverDelayTheOthers(KafkaCluster kafka) throws Exception {
        Config c = config(kafka, hook("hang", "/hang") + "\n" + hook("flaky", "/flaky") + "\n" + hook("fast", "/fast"), "[]");
        Topics topics = TopicKeys.topics(c);
        try (AlertsService alerts = new AlertsService(c, new SimpleMeterRegistry(), () -> "", new Health()).start();
             KafkaProducer<String, Match> p = new KafkaProducer<>(KafkaClients.producer(c, "test"), topics.matches().keySerde().serializer(),
                     topics.matches().valueSerde().serializer())) {
            Thread.sleep(3000);
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>(topics.matches().name(), null, System.currentTimeMillis(), "h" + i, match("h" + i, "h" + i, null, "W", "en")));
            }
            p.flush();
            Instant sent = Instant.now();
            await().atMost(PATIENCE).until(() -> at("/fast").size() == 3);
            // the hanging channel is stuck on its first alert (1 s timeouts, retried), the fast one got all three
            assertThat(Duration.between(sent, at("/fast").get(2).at())).isLessThan(Duration.ofSeconds(20));
            await().atMost(PATIENCE).until(() -> at("/flaky").stream().map(Received::id).distinct().count() == 3);
            List<Received> flaky = at("/flaky");
            String firstId = flaky.get(0).id();
            assertThat(flaky.stream().filter(r -> r.id().equals(firstId)).count()).isEqualTo(3); // 429, 500, 200
            assertThat(flaky).allSatisfy(r -> assertThat(signatureValid(r)).isTrue());
        }
    }

    @Test
    void shouldRollAThrottledBurstIntoADigest(KafkaCluster kafka) throws Exception {
        Config c = config(kafka, hook("desk", "/desk"), """
                - id: burst
                  channels: [desk]
                  throttle: {max: 2, window: 10s}
                """);
        Topics topics = TopicKeys.topics(c);
        try (AlertsService alerts = new AlertsService(c, new SimpleMeterRegistry(), () -> "", new Health()).start();
             KafkaProducer<String, Match> p = new KafkaProducer<>(KafkaClients.producer(c, "test"), topics.matches().keySerde().serializer(),
                     topics.matches().valueSerde().serializer())) {
            Thread.sleep(3000);
            // five stories within one window (aligned to the window start, so the burst does not straddle two)
            long window = 10_000;
            long start = (System.currentTimeMillis() / window + 1) * window;
            Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(topics.matches().name(), null, start + i * 10, "d" + i, match("d" + i, "d" + i, null, "W", "en")));
            }
            p.flush();
            await().atMost(PATIENCE).until(() -> at("/desk").size() >= 3);
            Thread.sleep(2000);
            List<Map<String, Object>> bodies = at("/desk").stream().map(r -> read(r.body())).toList();
            assertThat(bodies).extracting(b -> b.get("type")).containsExactlyInAnyOrder("io.newswatch.alert.raised", "io.newswatch.alert.raised",
                    "io.newswatch.alert.digest");
            @SuppressWarnings("unchecked")
            Map<String, Object> digest = (Map<String, Object>) bodies.stream().filter(b -> b.get("type").equals("io.newswatch.alert.digest"))
                    .findFirst().orElseThrow().get("data");
            assertThat(digest.get("count")).isEqualTo(3);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        try {
            return Json.mapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] h = m.getHeader(name);
            return h == null ? null : h[0];
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
