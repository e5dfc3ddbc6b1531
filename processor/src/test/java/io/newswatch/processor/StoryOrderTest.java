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
 * analysis tasks may append them) still give the story to the copy fetched first, whatever their publication times;
 * a late article (fetched before the watermark) is handed on and counted.
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
    private List<TestRecord<String, Match>> ordered(Duration grace, List<TestRecord<String, byte[]>> records, String name) {
        return ordered(grace, records, name, T0);
    }

    /** As above, with the wall clock at {@code now}, moved on by a minute once every record is in. */
    private List<TestRecord<String, Match>> ordered(Duration grace, List<TestRecord<String, byte[]>> records, String name, Instant now) {
        var stage = NewsTopology.StoryStage.of(StoryConfig.defaults(), AssignmentListener.NONE, grace);
        Properties p = new Properties();
        p.put("application.id", "newswatch-processor-" + name);
        p.put("bootstrap.servers", "unused:9092");
        p.put("state.dir", state.resolve(name).toString());
        TopologyTestDriver d = new TopologyTestDriver(NewsTopology.ordered(topics, stage, metrics), p, now);
        drivers.add(d);
        var in = d.createInputTopic(topics.stories().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        records.forEach(in::pipeInput); // with their headers
        d.advanceWallClockTime(Duration.ofMinutes(1));
        return d.createOutputTopic(topics.matches().name(), Serdes.String().deserializer(), topics.matches().valueSerde().deserializer())
                .readRecordsToList();
    }

    private static List<Match> values(List<TestRecord<String, Match>> records) {
        return records.stream().map(TestRecord::value).toList();
    }

    /** An article on the training story, published at {@code published} and fetched at {@code fetched}. */
    private static Article article(String url, String title, String extra, Instant published, Instant fetched) {
        return NewsTopologyTest.article(url, title, NewsTopologyTest.TRAINING + extra).toBuilder()
                .publishedAt(published).fetchedAt(fetched).build();
    }

    private static Article harbour(Instant fetched) {
        return NewsTopologyTest.article("https://three.example/c", "Harbour reopens", "The harbour reopened after repairs.").toBuilder()
                .fetchedAt(fetched).build();
    }

    @Test
    void shouldGiveTheStoryToTheEarlierFetchedCopyWhicheverArrivesFirst() throws Exception {
        // the copy was published earlier, but fetched later: the order is the fetch order
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "",
                T0.minus(Duration.ofMinutes(30)), T0.plusSeconds(60));
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.",
                T0.minus(Duration.ofMinutes(50)), T0.plusSeconds(120));
        Article later = harbour(T0.plus(Duration.ofMinutes(20)));
        List<TestRecord<String, byte[]>> records = analysed(List.of(first, copy, later),
                List.of(first.publishedAt(), copy.publishedAt(), later.fetchedAt()));
        List<TestRecord<String, byte[]>> swapped = new ArrayList<>(records);
        Collections.swap(swapped, 0, 1);

        List<TestRecord<String, Match>> inOrder = ordered(Duration.ofMinutes(5), records, "in-order");
        List<TestRecord<String, Match>> reordered = ordered(Duration.ofMinutes(5), swapped, "swapped");
        List<Match> unbuffered = values(ordered(Duration.ZERO, swapped, "unbuffered"));

        assertThat(values(inOrder)).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(inOrder.get(1).value().duplicateOf()).isEqualTo(first.id());
        assertThat(values(reordered)).isEqualTo(values(inOrder));
        // each match keeps its event time (the publication time), on which the story windows run
        assertThat(reordered).extracting(TestRecord::getRecordTime).containsExactly(first.publishedAt(), copy.publishedAt());
        assertThat(metrics.counter("newswatch.processor.reorder.late").count()).isZero();
        // without the buffer, the copy that happened to arrive first opens the story
        assertThat(unbuffered.get(0).articleId()).isEqualTo(copy.id());
        assertThat(unbuffered.get(1).duplicateOf()).isEqualTo(copy.id());
    }

    @Test
    void shouldOrderLiveArticlesPublishedHoursBeforeTheirFetchWithoutCallingThemLate() throws Exception {
        Instant now = T0.plus(Duration.ofHours(6));
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "",
                T0, now.minusSeconds(10));
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.",
                T0.minus(Duration.ofHours(2)), now.minusSeconds(5));
        List<TestRecord<String, byte[]>> swapped = new ArrayList<>(analysed(List.of(first, copy), List.of(first.publishedAt(), copy.publishedAt())));
        Collections.swap(swapped, 0, 1);

        List<Match> out = values(ordered(Duration.ofSeconds(30), swapped, "live", now));

        assertThat(out).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(out.get(1).duplicateOf()).isEqualTo(first.id());
        assertThat(metrics.counter("newswatch.processor.reorder.late").count()).isZero();
    }

    @Test
    void shouldHandOnALateArticleAtOnceAndCountIt() throws Exception {
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "", T0, T0.plusSeconds(60));
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.", T0, T0);
        Article later = harbour(T0.plus(Duration.ofMinutes(20)));
        List<TestRecord<String, byte[]>> records = analysed(List.of(first, later, copy), List.of(T0, later.fetchedAt(), T0));

        List<Match> out = values(ordered(Duration.ofMinutes(5), records, "late"));

        // the copy (fetched at T0) arrives after the watermark passed T0 + 60 s: too late to open the story
        assertThat(out).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(out.get(1).duplicateOf()).isEqualTo(first.id());
        assertThat(metrics.counter("newswatch.processor.reorder.late").count()).isEqualTo(1.0);
    }

    @Test
    void shouldHandOnAReplaysArticlesByTheirNumberWhateverTheArrivalAndSkipADeadLetteredOne() throws Exception {
        // a replay numbers its articles in the story stage's order and analyses them in parallel: the analysed records
        // reach the story stage in any order, one of them (number 1, unreadable) only as an empty record
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", "", T0, T0.plusSeconds(60));
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", " Reporting by the wire.", T0, T0.plusSeconds(120));
        Article later = harbour(T0.plus(Duration.ofMinutes(20)));
        matcher.register(List.of(NewsTopologyTest.rule("drone-training", "NEAR/10(dron*, (train* OR learn*))")));
        var pipeline = new ArticlePipeline(matcher, new GazetteerTagger(Gazetteer.loadDefault()));
        TopologyTestDriver analysis = driver(NewsTopology.analysis(topics, pipeline, NewsTopology.StoryStage.of(StoryConfig.defaults(),
                AssignmentListener.NONE), metrics), "numbered");
        var in = analysis.createInputTopic(topics.articles().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        List<byte[]> values = List.of(topics.articles().valueSerde().serializer().serialize("t", first), "{\"schemaVersion\":1,".getBytes(),
                topics.articles().valueSerde().serializer().serialize("t", copy), topics.articles().valueSerde().serializer().serialize("t", later));
        List<String> keys = List.of(first.id(), "broken", copy.id(), later.id());
        for (int i = 0; i < values.size(); i++) {
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders().add(ReplaySequence.HEADER, ReplaySequence.encode(i));
            in.pipeInput(new TestRecord<>(keys.get(i), values.get(i), headers, T0.plusSeconds(i)));
        }
        List<TestRecord<String, byte[]>> analysed = analysis.createOutputTopic(topics.stories().name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readRecordsToList();
        assertThat(analysed).hasSize(4);
        assertThat(analysed.get(1).value()).isNull();
        // arrival: 3, 2, 1 (empty), 0
        List<TestRecord<String, byte[]>> arrival = new ArrayList<>(analysed);
        Collections.reverse(arrival);

        List<Match> out = values(ordered(Duration.ZERO, arrival, "numbered-order"));

        assertThat(out).extracting(Match::articleId).containsExactly(first.id(), copy.id());
        assertThat(out.get(1).duplicateOf()).isEqualTo(first.id());
        assertThat(metrics.counter("newswatch.processor.reorder.late").count()).isZero();
    }
}
