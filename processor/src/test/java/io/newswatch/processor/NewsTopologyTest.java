package io.newswatch.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.WatchRuleRecord;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StoryProcessor;
import io.newswatch.processor.story.StoryConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of {@link NewsTopology}, driven without a broker and with explicit record timestamps; the
 * real-broker sibling is ProcessorIT in the app module.
 */
class NewsTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final String TRAINING = """
            Instructors at a camp near the front line trained cartel members to fly FPV attack drones, according to prosecutors.
            The recruits, several of them former soldiers, spent six weeks learning to drop explosives from quadcopters.
            Investigators say the course was paid for by a criminal network that smuggles weapons across the border.
            """;

    final Topics topics = Topics.defaults();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final LuceneRuleMatcher matcher = new LuceneRuleMatcher();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> articles;
    TestInputTopic<String, WatchRuleRecord> rules;
    TestOutputTopic<String, Match> matches;
    TestOutputTopic<String, DeadLetter> dlq;
    TestInputTopic<String, byte[]> stories;

    static WatchRule rule(String id, String query) {
        return new WatchRule(id, id, "", query, List.of(), "high", List.of());
    }

    @BeforeEach
    void setUp() throws Exception {
        matcher.register(List.of(rule("drone-training", "NEAR/10(dron*, (train* OR learn*))")));
        ProcessorConfig settings = new ProcessorConfig("newswatch-processor", Path.of("unused"), 1, null, null, Duration.ofHours(72), Duration.ZERO);
        StoryConfig story = StoryConfig.defaults();
        var stage = NewsTopology.StoryStage.of(story, AssignmentListener.NONE);
        var pipeline = new ArticlePipeline(matcher, new GazetteerTagger(Gazetteer.loadDefault()));
        Properties p = new Properties();
        p.put("application.id", "newswatch-processor");
        p.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(NewsTopology.build(topics, pipeline, stage, metrics), p, T0);
        stories = driver.createInputTopic(topics.stories().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        articles = driver.createInputTopic(topics.articles().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        rules = driver.createInputTopic(topics.rules().name(), Serdes.String().serializer(), topics.rules().valueSerde().serializer());
        matches = driver.createOutputTopic(topics.matches().name(), Serdes.String().deserializer(), topics.matches().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), Serdes.String().deserializer(), topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        matcher.close();
    }

    static Article article(String url, String title, String text) {
        return Article.builder(url).title(title).text(text).lang("en").fetchedAt(T0).source("test").build();
    }

    void send(Article a, Instant at) {
        articles.pipeInput(a.id(), topics.articles().valueSerde().serializer().serialize("t", a), at);
    }

    double counter(String name) {
        var c = metrics.find(name).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void shouldEmitAnExplainedMatchKeyedByStory() {
        Article a = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING);
        send(a, T0);

        var out = matches.readKeyValue();
        Match m = out.value;
        assertThat(out.key).isEqualTo(m.storyId());
        assertThat(m.storyId()).isEqualTo(a.id());
        assertThat(m.duplicateOf()).isNull();
        assertThat(m.rules()).extracting(RuleHit::id).containsExactly("drone-training");
        RuleHit hit = m.rules().get(0);
        assertThat(hit.version()).isEqualTo(rule("drone-training", "NEAR/10(dron*, (train* OR learn*))").version());
        assertThat(hit.snippets()).isNotEmpty();
        assertThat(m.source().topic()).isEqualTo("newswatch.articles");
        assertThat(m.source().offset()).isZero();
        assertThat(m.matchedAt()).isEqualTo(T0);
    }

    @Test
    void shouldDropUnmatchedArticlesAndCountThem() {
        send(article("https://one.example/b", "Bakery opens on the high street", "The sourdough is excellent and the queue is long."), T0);
        assertThat(matches.isEmpty()).isTrue();
        assertThat(counter("newswatch.processor.unmatched")).isEqualTo(1);
    }

    @Test
    void shouldDropExactDuplicateWithinRetention() {
        Article a = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING);
        send(a, T0);
        send(a, T0.plusSeconds(60));
        assertThat(matches.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldMarkANearDuplicateCopyOnAnotherSite() {
        Article original = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING);
        // The wire headline kept, one phrase edited, one sentence added: 5-shingle Jaccard 0.76 (threshold 0.7).
        Article copy = article("https://two.example/syndicated/a", "Cartel members trained to fly attack drones",
                TRAINING.replace("six weeks", "six long weeks") + "\nThe prosecutors' office declined to comment further.");
        send(original, T0);
        send(copy, T0.plusSeconds(600));

        List<Match> out = matches.readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).duplicateOf()).isEqualTo(original.id());
        assertThat(out.get(1).storyId()).isEqualTo(original.id());
    }

    @Test
    void shouldStartANewStoryForAnUnrelatedEvent() {
        send(article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING), T0);
        send(article("https://three.example/c", "Drone pilots learn to fight wildfires in Portugal",
                "Firefighters in the Algarve were trained this summer to fly drones with thermal cameras over burning forest."
                        + "\nThe regional civil protection agency bought twelve aircraft and plans more courses next year."), T0.plusSeconds(60));

        List<Match> out = matches.readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).storyId()).isNotEqualTo(out.get(1).storyId());
        assertThat(out.get(1).duplicateOf()).isNull();
    }

    @Test
    void shouldAssignABareMatchLeftOnTheStoriesTopicByAnEarlierVersionAndDeadLetterAnythingElse() {
        Article a = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING);
        Match old = new Match(Match.SCHEMA_VERSION, a, List.of(new io.newswatch.model.RuleHit("drone-training", "v1", 1.0, "high", List.of())),
                List.of(), null, null, null, T0);
        stories.pipeInput(a.id(), topics.matches().valueSerde().serializer().serialize("t", old), T0);
        stories.pipeInput("junk", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8), T0);

        assertThat(matches.readValuesToList()).singleElement().satisfies(m -> assertThat(m.storyId()).isEqualTo(a.id()));
        assertThat(dlq.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.cause()).contains("neither a story input nor a match"));
    }

    /**
     * The service runs the two stages as two applications: the analysis one writes the stories topic and holds the
     * rules, the ordered one reads it and holds the story store; chained, they emit what the single topology emits.
     */
    @Test
    void shouldEmitTheSameMatchesWhenTheStagesRunAsTwoApplications(@org.junit.jupiter.api.io.TempDir Path state) throws Exception {
        ProcessorConfig settings = new ProcessorConfig("newswatch-processor", state, 1, null, null, Duration.ofHours(72), Duration.ZERO);
        var stage = NewsTopology.StoryStage.of(StoryConfig.defaults(), AssignmentListener.NONE);
        var pipeline = new ArticlePipeline(matcher, new GazetteerTagger(Gazetteer.loadDefault()));
        org.apache.kafka.streams.Topology analysis = NewsTopology.analysis(topics, pipeline, stage, metrics);
        org.apache.kafka.streams.Topology ordered = NewsTopology.ordered(topics, stage, metrics);
        assertThat(analysis.describe().globalStores()).hasSize(1);
        assertThat(analysis.describe().toString()).contains(topics.articles().name(), topics.stories().name()).doesNotContain(StoryProcessor.ARTICLES_STORE);
        assertThat(ordered.describe().globalStores()).isEmpty();
        assertThat(ordered.describe().toString()).contains(topics.stories().name(), StoryProcessor.ARTICLES_STORE, topics.matches().name())
                .doesNotContain(topics.articles().name());

        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING);
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", TRAINING + " Reporting by the wire.");
        send(first, T0);
        send(copy, T0.plusSeconds(60));
        List<Match> single = matches.readValuesToList();

        Properties a = new Properties();
        a.put("application.id", settings.applicationId());
        a.put("bootstrap.servers", "unused:9092");
        a.put("state.dir", state.resolve("a").toString());
        Properties o = new Properties();
        o.putAll(a);
        o.put("application.id", settings.orderedApplicationId());
        o.put("state.dir", state.resolve("o").toString());
        try (TopologyTestDriver first1 = new TopologyTestDriver(analysis, a, T0); TopologyTestDriver second = new TopologyTestDriver(ordered, o, T0)) {
            var in = first1.createInputTopic(topics.articles().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
            var between = first1.createOutputTopic(topics.stories().name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            var storiesIn = second.createInputTopic(topics.stories().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
            var out = second.createOutputTopic(topics.matches().name(), Serdes.String().deserializer(), topics.matches().valueSerde().deserializer());
            in.pipeInput(first.id(), topics.articles().valueSerde().serializer().serialize("t", first), T0);
            in.pipeInput(copy.id(), topics.articles().valueSerde().serializer().serialize("t", copy), T0.plusSeconds(60));
            between.readRecordsToList().forEach(r -> storiesIn.pipeInput(r.key(), r.value(), r.timestamp()));

            List<Match> split = out.readValuesToList();
            assertThat(single).hasSize(2);
            assertThat(split).isEqualTo(single);
            assertThat(split.get(1).duplicateOf()).isEqualTo(first.id());
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableArticleAndKeepGoing() {
        articles.pipeInput("k1", "{\"schemaVersion\":1,\"id\":".getBytes(StandardCharsets.UTF_8), T0);
        articles.pipeInput("k2", null, T0);
        send(article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING), T0.plusSeconds(1));

        List<DeadLetter> dead = dlq.readValuesToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).stage()).isEqualTo("processor");
        assertThat(dead.get(0).sourceTopic()).isEqualTo("newswatch.articles");
        assertThat(dead.get(0).offset()).isZero();
        assertThat(dead.get(0).key()).isEqualTo("k1");
        assertThat(dead.get(0).cause()).contains("not a valid Article JSON record");
        assertThat(dead.get(1).cause()).contains("tombstones are not articles");
        assertThat(matches.readValuesToList()).hasSize(1);
        assertThat(counter("newswatch.processor.dead.letters")).isEqualTo(2);
    }

    @Test
    void shouldApplyRuleEditsFromTheRulesTopicWithoutRestart() {
        WatchRule bakery = rule("bakeries", "sourdough AND bakery");
        rules.pipeInput(bakery.id(), bakery.toRecord(), T0);
        send(article("https://one.example/b", "Bakery opens on the high street", "The sourdough at the new bakery is excellent."), T0);
        Match m = matches.readValue();
        assertThat(m.rules()).extracting(RuleHit::id, RuleHit::version).containsExactly(org.assertj.core.groups.Tuple.tuple("bakeries", bakery.version()));

        WatchRule edited = rule("bakeries", "croissant AND bakery");
        rules.pipeInput(edited.id(), edited.toRecord(), T0.plusSeconds(1));
        send(article("https://one.example/c", "Another bakery", "Their croissant at the bakery is flaky."), T0.plusSeconds(2));
        assertThat(matches.readValue().rules()).extracting(RuleHit::version).containsExactly(edited.version());

        rules.pipeInput(edited.id(), (WatchRuleRecord) null, T0.plusSeconds(3));
        send(article("https://one.example/d", "Third bakery", "A croissant from the bakery on the corner."), T0.plusSeconds(4));
        assertThat(matches.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepThePreviousVersionWhenAnInvalidRuleArrives() {
        WatchRule broken = rule("drone-training", "NEAR/10(dron*, (train* OR");
        rules.pipeInput(broken.id(), broken.toRecord(), T0);
        send(article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING), T0.plusSeconds(1));
        assertThat(matches.readValue().rules()).extracting(RuleHit::id).containsExactly("drone-training");
        assertThat(metrics.find("newswatch.processor.rule.updates").tag("result", "rejected").counter().count()).isEqualTo(1);
    }

    /** Issue "Hostile input", class 2: a rule that crashed the parser killed the stream thread on every restart. */
    @Test
    void shouldRejectPoisonRulesFromTheRulesTopicAndKeepMatching() {
        WatchRule deep = rule("deep", "(".repeat(2_000) + "drone" + ")".repeat(2_000));
        WatchRule stars = rule("stars", "dr" + "*".repeat(5_000));
        StringBuilder wide = new StringBuilder("w0");
        for (int i = 1; i < 1_100; i++) {
            wide.append(" OR w").append(i);
        }
        WatchRule tooWide = rule("wide", wide.toString());
        for (WatchRule poison : List.of(deep, stars, tooWide)) {
            rules.pipeInput(poison.id(), poison.toRecord(), T0);
        }

        send(article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING), T0.plusSeconds(1));

        assertThat(matches.readValue().rules()).extracting(RuleHit::id).containsExactly("drone-training");
        assertThat(matcher.rules()).extracting(WatchRule::id).containsExactly("drone-training");
        assertThat(metrics.find("newswatch.processor.rule.updates").tag("result", "rejected").counter().count()).isEqualTo(3);
    }

    /** A stack overflow while analysing one article has unwound by the time it is caught: dead-letter it, go on. */
    @Test
    void shouldDeadLetterAnArticleWhoseAnalysisOverflowsTheStackAndKeepGoing() throws Exception {
        var gazetteer = new GazetteerTagger(Gazetteer.loadDefault());
        io.newswatch.processor.entities.EntityTagger hostile = (title, text) -> {
            if (title.equals("overflow")) {
                throw new StackOverflowError();
            }
            return gazetteer.tag(title, text);
        };
        var stage = NewsTopology.StoryStage.of(StoryConfig.defaults(), AssignmentListener.NONE);
        Properties p = new Properties();
        p.put("application.id", "newswatch-processor");
        p.put("bootstrap.servers", "unused:9092");
        driver.close();
        driver = new TopologyTestDriver(NewsTopology.build(topics, new ArticlePipeline(matcher, hostile), stage, metrics), p, T0);
        articles = driver.createInputTopic(topics.articles().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        matches = driver.createOutputTopic(topics.matches().name(), Serdes.String().deserializer(), topics.matches().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), Serdes.String().deserializer(), topics.dlq().valueSerde().deserializer());

        send(article("https://one.example/o", "overflow", TRAINING), T0);
        send(article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING), T0.plusSeconds(1));

        DeadLetter dead = dlq.readValue();
        assertThat(dead.errorClass()).isEqualTo("java.lang.StackOverflowError");
        assertThat(dead.cause()).isEqualTo("StackOverflowError");
        assertThat(dead.offset()).isZero();
        assertThat(matches.readValuesToList()).hasSize(1);
    }
}
