package io.newswatch.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.health.Health;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The alerts service alone on a real broker, for the desk's integration tests: its own topic prefix, three
 * partitions, one token per role, alerts and matches published straight to their topics, and HTTP helpers.
 */
final class DeskHarness implements AutoCloseable {
    static final String VIEWER = "nw_viewer-token-for-tests-0123456789abcdef";
    static final String ANALYST = "nw_analyst-token-for-tests-0123456789abcdef";
    static final String ADMIN = "nw_admin-token-for-tests-0123456789abcdef";
    private static final AtomicInteger RUN = new AtomicInteger();

    final Config config;
    final Topics topics;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<String, Alert> alerts;
    private final KafkaProducer<String, Match> matches;
    AlertsService service;

    /** @param channels YAML list items of {@code alerts.channels} (indented by the caller's block), or null for the default log channel */
    DeskHarness(KafkaCluster kafka, Path dir, String channels, Map<String, String> env) throws Exception {
        String prefix = "desk" + RUN.incrementAndGet() + "x" + System.nanoTime() % 100_000;
        Path f = dir.resolve("newswatch.yaml");
        Files.writeString(f, """
                topics:
                  prefix: %s
                  partitions: 3
                alerts:
                  applicationId: %s-alerts
                  deliveryGroup: %s-delivery
                  stateDir: %s
                  http: {port: 0}
                  egressAllow: [127.0.0.0/8]
                  auth:
                    tokens:
                      - {name: vera, role: viewer, sha256: %s}
                      - {name: ana, role: analyst, sha256: %s}
                      - {name: adam, role: admin, sha256: %s}
                %s""".formatted(prefix, prefix, prefix, dir.resolve("state"), AccessTokens.sha256Hex(VIEWER), AccessTokens.sha256Hex(ANALYST),
                AccessTokens.sha256Hex(ADMIN), channels == null ? "" : "  channels:\n" + channels.indent(4)));
        config = Config.load(f, env, AllKeys.all()).withKafka(kafka.clientSettings());
        TopicSetup.createAll(config);
        topics = TopicKeys.topics(config);
        alerts = new KafkaProducer<>(KafkaClients.producer(config, "desk-test-alerts"), topics.alerts().keySerde().serializer(),
                topics.alerts().valueSerde().serializer());
        matches = new KafkaProducer<>(KafkaClients.producer(config, "desk-test-matches"), topics.matches().keySerde().serializer(),
                topics.matches().valueSerde().serializer());
    }

    DeskHarness start() {
        service = new AlertsService(config, new SimpleMeterRegistry(), () -> "# metrics\n", new Health()).start();
        return this;
    }

    /** Stops the service and starts a new one on the same state directory and topics. */
    DeskHarness restart() {
        service.close();
        return start();
    }

    String base() {
        return "http://127.0.0.1:" + service.port();
    }

    static Alert alert(String id, String rule, String severity, String title, String source, String lang, Instant raisedAt) {
        String text = "Former soldiers trained cartel drone pilots near the border, officials said.";
        Snippet s = new Snippet("text", 0, text.length(), text, List.of(new Snippet.Span(16, 23), new Snippet.Span(31, 36)));
        return new Alert(Alert.SCHEMA_VERSION, id, "story-" + id, rule, "v1", severity, "art-" + id, title, "https://news.example/" + id, source, lang,
                raisedAt, List.of(s), List.of(new EntityMention("cjng", "organisation", "CJNG", 2)), raisedAt, 1, raisedAt, List.of(source),
                List.of(lang), 1);
    }

    void publish(Alert a) throws Exception {
        alerts.send(new ProducerRecord<>(topics.alerts().name(), a.alertId(), a)).get();
    }

    /** A matched article of {@code a}'s story, as the processor would write it. */
    void publishArticleOf(Alert a, String articleId, String title, String source, String lang) throws Exception {
        Article art = Article.builder("https://news.example/" + articleId).id(articleId).title(title).text(a.snippets().get(0).text())
                .source(source).lang(lang).fetchedAt(Instant.now()).publishedAt(a.raisedAt()).build();
        Match m = new Match(Match.SCHEMA_VERSION, art, List.of(new RuleHit(a.ruleId(), "v1", 2.0, a.severity(), a.snippets())), a.entities(), null,
                a.storyId(), null, a.raisedAt());
        matches.send(new ProducerRecord<>(topics.matches().name(), a.storyId(), m)).get();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        alerts.close();
        matches.close();
    }
}
