package io.newswatch.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.model.Article;
import io.newswatch.model.Match;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StoryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reorder buffer in front of the story stage: two copies of one story analysed in the wrong order (as two
 * analysis tasks may append them) still give the story to the earlier copy; a late article is handed on and counted.
 */
class StoryOrderTest {
    static final Instant T0 = NewsTopologyTest.T0;

    final Topics topics = Topics.defaults();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final LuceneRuleMatcher matcher = new LuceneRuleMatcher();
    final List<TopologyTestDriver> drivers = new ArrayList<>();

    @TempDir
    Path state;

    @AfterEach
    void tearDown() {
        drivers.forEach(TopologyTestDriver::close);
        matcher.close();
    }

    /** The analysed form (stories topic records) of each article, as the analysis stage writes it. */
    private List<TestRecord<String, byte[]>> analysed(List<Article> articles, List<Instant> times) throws Exception {
        matcher.register(List.of(NewsTopologyTest.rule("drone-training", "NEAR/10(dron*, (train* OR learn*))")));
        var stage = NewsTopology.StoryStage.of(StoryConfig.defaults(), AssignmentListener.NONE);
        var pipeline = new ArticlePipeline(matcher, new GazetteerTagger(Gazetteer.loadDefault()));
        TopologyTestDriver analysis = driver(NewsTopology.analysis(topics, pipeline, stage, metrics), "a");
        var in = analysis.createInputTopic(topics.articles().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        for (int i = 0; i < articles.size(); i++) {
            in.pipeInput(articles.get(i).id(), topics.articles().valueSerde().serializer().serialize("t", articles.get(i)), times.get(i));
        }
        return analysis.createOutputTopic(topics.stories().name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readRecordsToList();
    }

    private TopologyTestDriver driver(org.apache.kafka.streams.Topology t, String name) {
        Properties p = new Properties();
        p.put("application.id", "newswatch-processor-" + name);
        p.put("bootstrap.servers", "unused:9092");
        p.put("state.dir", state.resolve(name).toString());
        TopologyTestDriver d = new TopologyTestDriver(t, p, T0);
        drivers.add(d);
        return d;
    }

    /** Runs the ordered stage with {@code grace} over {@code records} in the given order; returns its matches. */
    private List<Match> ordered(Duration grace, List<TestRecord<String, byte[]>> records, String name) {
        var stage = NewsTopology.StoryStage.of(StoryConfig.defaults(), AssignmentListener.NONE, grace);
        TopologyTestDriver d = driver(NewsTopology.ordered(topics, stage, metrics), name);
        var in = d.createInputTopic(topics.stories().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        records.forEach(r -> in.pipeInput(r.key(), r.value(), r.timestamp()));
        return d.createOutputTopic(topics.matches().name(), Serdes.String().deserializer(), topics.matches().valueSerde().deserializer())
                .readValuesToList();
    }

    private static Article article(String url, String title, String extra) {
        return NewsTopologyTest.article(url, title, NewsTopologyTest.TRAINING + extra);
    }

    @Test
    void shouldGiveTheStoryToTheEarlierCopyWhicheverArrivesFirst() throws Exception {
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "");
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.");
        Article later = NewsTopologyTest.article("https://three.example/c", "Harbour reopens", "The harbour reopened after repairs.");
        List<TestRecord<String, byte[]>> records = analysed(List.of(first, copy, later),
                List.of(T0, T0.plusSeconds(60), T0.plus(Duration.ofMinutes(20))));
        List<TestRecord<String, byte[]>> swapped = new ArrayList<>(records);
        Collections.swap(swapped, 0, 1);

        List<Match> inOrder = ordered(Duration.ofMinutes(5), records, "in-order");
        List<Match> reordered = ordered(Duration.ofMinutes(5), swapped, "swapped");
        List<Match> unbuffered = ordered(Duration.ZERO, swapped, "unbuffered");

        assertThat(inOrder).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(inOrder.get(1).duplicateOf()).isEqualTo(first.id());
        assertThat(reordered).isEqualTo(inOrder);
        // without the buffer, the copy that happened to arrive first opens the story
        assertThat(unbuffered.get(0).articleId()).isEqualTo(copy.id());
        assertThat(unbuffered.get(1).duplicateOf()).isEqualTo(copy.id());
    }

    @Test
    void shouldHandOnALateArticleAtOnceAndCountIt() throws Exception {
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "");
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.");
        Article later = NewsTopologyTest.article("https://three.example/c", "Harbour reopens", "The harbour reopened after repairs.");
        List<TestRecord<String, byte[]>> records = analysed(List.of(first, later, copy),
                List.of(T0.plusSeconds(60), T0.plus(Duration.ofMinutes(20)), T0));

        List<Match> out = ordered(Duration.ofMinutes(5), records, "late");

        // the copy (timestamp T0) arrives after the watermark passed T0 + 60 s: too late to open the story
        assertThat(out).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(out.get(1).duplicateOf()).isEqualTo(first.id());
        assertThat(metrics.counter("newswatch.processor.reorder.late").count()).isEqualTo(1.0);
    }
}
