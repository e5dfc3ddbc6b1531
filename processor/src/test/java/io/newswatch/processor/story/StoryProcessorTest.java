package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.JsonSerde;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stories stage under {@link TopologyTestDriver}, with explicit record timestamps. */
class StoryProcessorTest {
    private static final GazetteerTagger TAGGER = new GazetteerTagger(Gazetteer.loadDefault());
    private static final JsonSerde<Match> MATCHES = new JsonSerde<>(Match.class);
    private static final StoryInputSerde INPUTS = new StoryInputSerde();
    private static final Instant T0 = Instant.parse("2025-06-03T08:00:00Z");

    @TempDir
    Path stateDir;

    private final StoryConfig settings = StoryConfig.defaults();
    private final List<Assignment> assignments = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, StoryInput> in;
    private TestOutputTopic<String, Match> out;

    private Topology topology() {
        Topology t = new Topology();
        t.addSource("in", Serdes.String().deserializer(), INPUTS.deserializer(), "matches-in");
        t.addProcessor("stories", () -> new StoryProcessor(settings, (id, a) -> assignments.add(a)), "in");
        for (StoreBuilder<?> b : StoryProcessor.storeBuilders(settings)) {
            t.addStateStore(b, "stories");
        }
        t.addSink("out", "matches-out", Serdes.String().serializer(), AssignedMatch.serializer(), "stories");
        return t;
    }

    private void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology(), props, T0);
        in = driver.createInputTopic("matches-in", Serdes.String().serializer(), INPUTS.serializer());
        out = driver.createOutputTopic("matches-out", Serdes.String().deserializer(), MATCHES.deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static Match match(String fixture, String lang) {
        return match(StoryFixtures.article(fixture, lang));
    }

    private static Match match(Article a) {
        return new Match(Match.SCHEMA_VERSION, a, List.of(new RuleHit("drone-training", "v1", 1.0, "high", List.of())),
                TAGGER.tag(a.title(), a.text()), null, null, null, T0);
    }

    private void send(Match m, Instant at) {
        in.pipeInput(new TestRecord<>(m.articleId(), new StoryInput(AnalysedArticle.of(m), StoryFeatures.of(m.article(), settings.termsPerArticle())), at));
    }

    @Test
    void shouldOpenANewStoryKeyedByTheFirstArticleId() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);

        TestRecord<String, Match> r = out.readRecord();
        assertThat(r.key()).isEqualTo(first.articleId());
        assertThat(r.value().storyId()).isEqualTo(first.articleId());
        assertThat(r.value().duplicateOf()).isNull();
        assertThat(r.value().rules()).isEqualTo(first.rules());
        assertThat(r.getRecordTime()).isEqualTo(T0);
        assertThat(assignments).extracting(Assignment::kind).containsExactly(Assignment.Kind.NEW_STORY);
    }

    @Test
    void shouldAddARewriteInAnotherLanguageToTheOpenStory() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        send(match("a6-ru.txt", "ru"), T0.plus(Duration.ofHours(5)));

        List<KeyValue<String, Match>> records = out.readKeyValuesToList();
        assertThat(records).extracting(kv -> kv.key).containsExactly(first.articleId(), first.articleId());
        assertThat(records.get(1).value.duplicateOf()).isNull();
        assertThat(assignments).extracting(Assignment::kind)
                .containsExactly(Assignment.Kind.NEW_STORY, Assignment.Kind.STORY_UPDATE);
    }

    @Test
    void shouldKeepANearDuplicateMarkedWithItsOriginal() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        send(match("a2-en-syndicated.txt", "en"), T0.plus(Duration.ofMinutes(20)));

        out.readRecord();
        Match copy = out.readValue();
        assertThat(copy.duplicateOf()).isEqualTo(first.articleId());
        assertThat(copy.storyId()).isEqualTo(first.articleId());
        assertThat(assignments.get(1).kind()).isEqualTo(Assignment.Kind.NEAR_DUPLICATE);
    }

    @Test
    void shouldDropDuplicateWithinRetention() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        send(first, T0.plus(Duration.ofHours(30)));                                  // same URL, fetched again
        send(match("a3-en-copy.txt", "en"), T0.plus(Duration.ofHours(31)));          // same text, other URL

        assertThat(out.readKeyValuesToList()).hasSize(1);
        assertThat(assignments).extracting(Assignment::kind).containsExactly(Assignment.Kind.NEW_STORY,
                Assignment.Kind.EXACT_DUPLICATE, Assignment.Kind.EXACT_DUPLICATE);
        assertThat(assignments).extracting(Assignment::duplicateOf)
                .containsExactly(null, first.articleId(), first.articleId());
    }

    @Test
    void shouldOpenANewStoryWhenTheOnlyEarlierArticleIsOutsideTheWindow() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        Match rewrite = match("a4-en-rewrite.txt", "en");
        send(first, T0);
        send(rewrite, T0.plus(Duration.ofHours(73)));

        List<KeyValue<String, Match>> records = out.readKeyValuesToList();
        assertThat(records).extracting(kv -> kv.key).containsExactly(first.articleId(), rewrite.articleId());
        assertThat(assignments).extracting(Assignment::kind)
                .containsExactly(Assignment.Kind.NEW_STORY, Assignment.Kind.NEW_STORY);
    }

    @Test
    void shouldJoinTheStoryWhenTheRewriteIsWithinTheWindow() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        send(match("a4-en-rewrite.txt", "en"), T0.plus(Duration.ofHours(71)));

        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly(first.articleId());
    }

    @Test
    void shouldForwardAReplayedRecordWithItsFirstAssignment() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        send(first, T0); // the same record again, as after a crash before the offset commit

        assertThat(out.readKeyValuesToList()).hasSize(2).extracting(kv -> kv.value.storyId())
                .containsOnly(first.articleId());
        assertThat(assignments).extracting(Assignment::kind)
                .containsExactly(Assignment.Kind.NEW_STORY, Assignment.Kind.NEW_STORY);
    }

    @Test
    void shouldContinueTheStoryAfterARestartWithTheStoresRestored() {
        start();
        Match first = match("a1-en-wire.txt", "en");
        send(first, T0);
        List<KeyValue<Windowed<String>, byte[]>> articles = dump(driver.getWindowStore(StoryProcessor.ARTICLES_STORE));
        driver.close();

        // A new driver and new processor instances; only the store's contents survive, as from a changelog.
        start();
        WindowStore<String, byte[]> articleStore = driver.getWindowStore(StoryProcessor.ARTICLES_STORE);
        articles.forEach(kv -> articleStore.put(kv.key.key(), kv.value, kv.key.window().start()));
        send(match("a5-es.txt", "es"), T0.plus(Duration.ofHours(2)));
        send(first, T0.plus(Duration.ofHours(3)));

        assertThat(articles).hasSize(1);
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(first.articleId());
        assertThat(assignments).extracting(Assignment::kind).containsExactly(Assignment.Kind.NEW_STORY,
                Assignment.Kind.STORY_UPDATE, Assignment.Kind.EXACT_DUPLICATE);
    }

    @Test
    void shouldDecideAfterARestartExactlyAsWithoutOne() {
        List<Article> fixtures = StoryFixtures.all().stream().map(StoryFixtures.Fixture::article).toList();
        assertThat(fixtures).hasSizeGreaterThan(10);
        // Uninterrupted.
        start();
        for (int i = 0; i < fixtures.size(); i++) {
            send(match(fixtures.get(i)), T0.plus(Duration.ofMinutes(10L * i)));
        }
        List<KeyValue<String, Match>> uninterrupted = out.readKeyValuesToList();
        List<Assignment> expected = List.copyOf(assignments);
        driver.close();
        driver = null;
        assignments.clear();

        // Restarted after every third article: each time a new processor rebuilds its index from the store alone.
        List<KeyValue<String, Match>> restarted = new ArrayList<>();
        List<KeyValue<Windowed<String>, byte[]>> stored = List.of();
        for (int i = 0; i < fixtures.size(); i++) {
            if (i % 3 == 0) {
                if (driver != null) {
                    restarted.addAll(out.readKeyValuesToList());
                    stored = dump(driver.getWindowStore(StoryProcessor.ARTICLES_STORE));
                    driver.close();
                }
                start();
                WindowStore<String, byte[]> store = driver.getWindowStore(StoryProcessor.ARTICLES_STORE);
                stored.forEach(kv -> store.put(kv.key.key(), kv.value, kv.key.window().start()));
            }
            send(match(fixtures.get(i)), T0.plus(Duration.ofMinutes(10L * i)));
        }
        restarted.addAll(out.readKeyValuesToList());

        assertThat(assignments).isEqualTo(expected);
        assertThat(restarted).extracting(kv -> kv.key + " " + kv.value.articleId() + " " + kv.value.duplicateOf())
                .isEqualTo(uninterrupted.stream().map(kv -> kv.key + " " + kv.value.articleId() + " " + kv.value.duplicateOf()).toList());
        assertThat(expected).extracting(Assignment::kind).contains(Assignment.Kind.NEW_STORY, Assignment.Kind.STORY_UPDATE,
                Assignment.Kind.NEAR_DUPLICATE);
    }

    @Test
    void shouldSkipARecordWithoutValue() {
        start();
        in.pipeInput(new TestRecord<>("some-id", null, T0));

        assertThat(out.isEmpty()).isTrue();
        assertThat(assignments).isEmpty();
    }

    private static <V> List<KeyValue<Windowed<String>, V>> dump(WindowStore<String, V> store) {
        List<KeyValue<Windowed<String>, V>> all = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, V> it = store.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }
}
