package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives {@link AlertTopology} without a broker; see AlertsIT in the app module for the real-broker sibling. */
class AlertTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    final Topics topics = Topics.defaults();
    final List<DeadLetter> bad = new ArrayList<>();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> matches;
    TestOutputTopic<String, Alert> alerts;
    TestOutputTopic<String, DeadLetter> dlq;

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put("application.id", "alerts-test");
        p.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(AlertTopology.build(topics, Duration.ofDays(30), Duration.ofMinutes(15), bad::add), p);
        matches = driver.createInputTopic(topics.matches().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(), topics.alerts().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), Serdes.String().deserializer(), topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    static Match match(String articleId, String storyId, String duplicateOf, String... rules) {
        Article a = Article.builder("https://news.example/" + articleId).id(articleId).title("t " + articleId).text("body")
                .fetchedAt(T0).build();
        List<RuleHit> hits = java.util.Arrays.stream(rules).map(r -> new RuleHit(r, "v1", 1.0, "high", List.of())).toList();
        return new Match(Match.SCHEMA_VERSION, a, hits, List.of(), duplicateOf, storyId, null, T0);
    }

    void send(Match m, Instant at) {
        matches.pipeInput(m.storyId(), topics.matches().valueSerde().serializer().serialize("t", m), at);
    }

    @Test
    void shouldRaiseOneAlertPerStoryAndRule() {
        send(match("a1", "s1", null, "drone-training", "cartel-recruitment"), T0);
        send(match("a2", "s1", null, "drone-training"), T0.plusSeconds(60));
        send(match("a3", "s2", null, "drone-training"), T0.plusSeconds(120));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::storyId, Alert::ruleId, Alert::articleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", "drone-training", "a1"),
                org.assertj.core.groups.Tuple.tuple("s1", "cartel-recruitment", "a1"),
                org.assertj.core.groups.Tuple.tuple("s2", "drone-training", "a3"));
        assertThat(out.get(0).alertId()).isEqualTo(Alert.idFor("s1", "drone-training"));
    }

    @Test
    void shouldNotAlertOnNearDuplicates() {
        send(match("a2", "s9", "a1", "drone-training"), T0);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldAlertAgainWhenAStoryResurfacesAfterRetention() {
        send(match("a1", "s1", null, "drone-training"), T0);
        send(match("a2", "s1", null, "drone-training"), T0.plus(Duration.ofDays(31)));
        assertThat(alerts.readValuesToList()).extracting(Alert::articleId).containsExactly("a1", "a2");
    }

    static Match copy(String articleId, String storyId, String duplicateOf, String source, String lang, String rule) {
        Article a = Article.builder("https://news.example/" + articleId).id(articleId).title("t " + articleId).text("body")
                .source(source).lang(lang).fetchedAt(T0).build();
        return new Match(Match.SCHEMA_VERSION, a, List.of(new RuleHit(rule, "v1", 1.0, "high", List.of())), List.of(), duplicateOf, storyId,
                null, T0);
    }

    @Test
    void shouldUpdateTheAlertOncePerIntervalWhenCopiesFromOtherOutletsJoin() {
        send(copy("a1", "s1", null, "Wire One", "en", "drone-training"), T0);
        send(copy("a2", "s1", "a1", "Wire Two", "en", "drone-training"), T0.plusSeconds(60));
        send(copy("a3", "s1", "a1", "Diario Tres", "es", "drone-training"), T0.plusSeconds(120));
        assertThat(alerts.readValuesToList()).extracting(Alert::version).containsExactly(1);

        // stream time passes the interval: the gathered changes go out as one version
        send(copy("x1", "s2", null, "Other", "en", "cartel-recruitment"), T0.plus(Duration.ofMinutes(16)));
        List<Alert> out = alerts.readValuesToList();
        Alert update = out.stream().filter(a -> a.storyId().equals("s1")).findFirst().orElseThrow();
        assertThat(update.version()).isEqualTo(2);
        assertThat(update.alertId()).isEqualTo(Alert.idFor("s1", "drone-training"));
        assertThat(update.raisedAt()).isEqualTo(T0);
        assertThat(update.outlets()).containsExactly("Wire One", "Wire Two", "Diario Tres");
        assertThat(update.languages()).containsExactly("en", "es");
        assertThat(update.articles()).isEqualTo(3);
        assertThat(update.deliveryId()).isNotEqualTo(Alert.deliveryIdOf(update.alertId(), update.raisedAt(), 1));
    }

    @Test
    void shouldCountRaisedAndUpdatedAlertsPerRule() {
        driver.close();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Properties p = new Properties();
        p.put("application.id", "alerts-test");
        p.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(AlertTopology.build(topics, Duration.ofDays(30), Duration.ofMinutes(15), bad::add, metrics), p);
        matches = driver.createInputTopic(topics.matches().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());

        send(copy("a1", "s1", null, "Wire One", "en", "drone-training"), T0);
        send(copy("a2", "s1", "a1", "Wire Two", "en", "drone-training"), T0.plusSeconds(60));
        send(copy("x1", "s2", null, "Other", "en", "cartel-recruitment"), T0.plus(Duration.ofMinutes(16)));

        assertThat(metrics.counter("newswatch.alerts.raised", "rule", "drone-training", "severity", "high").count()).isEqualTo(1.0);
        assertThat(metrics.counter("newswatch.alerts.raised", "rule", "cartel-recruitment", "severity", "high").count()).isEqualTo(1.0);
        assertThat(metrics.counter("newswatch.alerts.updated", "rule", "drone-training").count()).isEqualTo(1.0);
        assertThat(metrics.find("newswatch.alerts.updated").tag("rule", "cartel-recruitment").counter()).isNull();
    }

    @Test
    void shouldNotUpdateWhenAJoiningArticleAddsNothing() {
        send(copy("a1", "s1", null, "Wire One", "en", "drone-training"), T0);
        send(copy("a2", "s1", "a1", "Wire One", "en", "drone-training"), T0.plus(Duration.ofMinutes(20)));
        send(copy("x1", "s2", null, "Other", "en", "cartel-recruitment"), T0.plus(Duration.ofMinutes(40)));
        assertThat(alerts.readValuesToList()).extracting(Alert::storyId, Alert::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", 1), org.assertj.core.groups.Tuple.tuple("s2", 1));
    }

    @Test
    void shouldDeadLetterAnUnreadableMatchAndKeepGoing() {
        matches.pipeInput("s1", "{not json".getBytes(StandardCharsets.UTF_8), T0);
        send(match("a1", "s1", null, "drone-training"), T0.plusSeconds(1));

        DeadLetter dl = dlq.readValue();
        assertThat(dl.stage()).isEqualTo("alerts");
        assertThat(dl.sourceTopic()).isEqualTo("newswatch.matches");
        assertThat(dl.offset()).isZero();
        assertThat(dl.value()).isEqualTo("{not json");
        assertThat(dl.cause()).contains("not a valid Match JSON record");
        assertThat(bad).hasSize(1);
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldMarkTheAlertsOfAShadowRuleAndKeepTheMarkOnUpdates() {
        Match m = match("a1", "s1", null, "drone-training");
        Match shadow = new Match(m.schemaVersion(), m.article(), List.of(new RuleHit("trial", "v1", 1.0, "high", List.of(), true),
                m.rules().get(0)), m.entities(), null, "s1", null, T0);
        Article other = Article.builder("https://other.example/a2").id("a2").title("t a2").text("body").source("Other Wire").fetchedAt(T0).build();
        Match grown = new Match(m.schemaVersion(), other, shadow.rules(), m.entities(), null, "s1", null, T0);

        send(shadow, T0);
        send(grown, T0.plus(Duration.ofMinutes(20)));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::ruleId, Alert::version, Alert::shadow).containsExactly(
                org.assertj.core.groups.Tuple.tuple("trial", 1, true),
                org.assertj.core.groups.Tuple.tuple("drone-training", 1, false),
                org.assertj.core.groups.Tuple.tuple("trial", 2, true),
                org.assertj.core.groups.Tuple.tuple("drone-training", 2, false));
    }
}
