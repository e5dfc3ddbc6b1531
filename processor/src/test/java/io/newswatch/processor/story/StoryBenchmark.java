package io.newswatch.processor.story;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.processor.entities.Entity;
import io.newswatch.processor.entities.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Throughput and memory of story assignment with a full window: 10,000 synthetic articles (about 2,200 stories of
 * about four articles, one in ten a near copy of an earlier one, 3-6 entities each, 250-word bodies) spread
 * over the 72 h window, so the last ones are compared against everything before them.
 *
 * <pre>
 * ./mvnw -B -q -o -pl processor -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp processor/target/test-classes:processor/target/classes:$(cat processor/target/test-classpath.txt) \
 *     io.newswatch.processor.story.StoryBenchmark [--articles 10000] [--stores]
 * </pre>
 *
 * {@code --stores} runs the same input through {@link StoryProcessor} over its RocksDB stores in a
 * {@link TopologyTestDriver} instead of the in-memory state; per-article figures then time
 * {@code StoryProcessor.process} alone (reads, assignment, writes to the stores' caches), not the driver's
 * commit after every record, which a real application does every 30 s.
 * Figures vary with the machine; they are printed, never asserted.
 */
public final class StoryBenchmark {
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    private StoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka's per-record debug logging would dominate the figures.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int articles = 10_000;
        boolean stores = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--stores" -> stores = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --articles N, --stores)");
            }
        }
        List<Item> input = generate(articles, new SplittableRandom(20250601L));
        StoryConfig settings = StoryConfig.defaults();
        long spacingMs = settings.window().toMillis() / articles;
        System.out.printf("%d articles, one every %d ms of event time, window %s, state: %s%n", articles, spacingMs,
                settings.window(), stores ? "RocksDB window stores (StoryProcessor)" : "in-memory");

        Map<Assignment.Kind, Integer> kinds = new EnumMap<>(Assignment.Kind.class);
        long[] nanos = new long[input.size()];
        long started = System.nanoTime();
        if (stores) {
            runThroughStores(input, settings, spacingMs, kinds, nanos);
        } else {
            StoryAssigner assigner = StoryAssigner.inMemory(settings);
            for (int i = 0; i < input.size(); i++) {
                Item item = input.get(i);
                long t0 = System.nanoTime();
                Assignment a = assigner.assign(item.article(), item.entities(), START.plusMillis(i * spacingMs));
                nanos[i] = System.nanoTime() - t0;
                kinds.merge(a.kind(), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(input.size(), seconds, nanos, kinds);
    }

    private static void runThroughStores(List<Item> input, StoryConfig settings, long spacingMs,
            Map<Assignment.Kind, Integer> kinds, long[] nanos) throws Exception {
        StoryInputSerde serde = new StoryInputSerde();
        Topology t = new Topology();
        t.addSource("in", Serdes.String().deserializer(), serde.deserializer(), "in");
        int[] next = new int[1];
        t.addProcessor("stories", () -> new Processor<String, StoryInput, String, AssignedMatch>() {
            private final StoryProcessor inner = new StoryProcessor(settings, (id, a) -> kinds.merge(a.kind(), 1, Integer::sum));

            @Override
            public void init(ProcessorContext<String, AssignedMatch> context) {
                inner.init(context);
            }

            @Override
            public void process(Record<String, StoryInput> record) {
                long t0 = System.nanoTime();
                inner.process(record);
                nanos[next[0]++] = System.nanoTime() - t0;
            }
        }, "in");
        for (StoreBuilder<?> b : StoryProcessor.storeBuilders(settings)) {
            t.addStateStore(b, "stories");
        }
        Path dir = Files.createTempDirectory("story-benchmark");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-benchmark");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(t, props, START)) {
            TestInputTopic<String, StoryInput> in = driver.createInputTopic("in", Serdes.String().serializer(), serde.serializer());
            for (int i = 0; i < input.size(); i++) {
                Item item = input.get(i);
                AnalysedArticle m = new AnalysedArticle(Match.SCHEMA_VERSION, item.article(), List.of(), item.entities(), null, START);
                // As in the topology, the text features come computed from the analyse stage.
                in.pipeInput(m.article().id(), new StoryInput(m, StoryFeatures.of(item.article(), settings.termsPerArticle())),
                        START.plusMillis(i * spacingMs));
            }
        }
    }

    private static void report(int n, double seconds, long[] nanos, Map<Assignment.Kind, Integer> kinds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long lastTenth = 0;
        for (int i = n - n / 10; i < n; i++) {
            lastTenth += nanos[i];
        }
        StringBuilder deciles = new StringBuilder();
        for (int d = 0; d < 10; d++) {
            long sum = 0;
            for (int i = d * n / 10; i < (d + 1) * n / 10; i++) {
                sum += nanos[i];
            }
            deciles.append(String.format(" %.0f", sum / 1e3 / (n / 10)));
        }
        System.out.printf("mean us by decile %s%n", deciles);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("assignments/s      %.0f (wall, incl. warm-up)%n", n / seconds);
        System.out.printf("per article        p50 %.0f us, p99 %.0f us, mean of last 10%% (full window) %.0f us%n",
                sorted[n / 2] / 1e3, sorted[(int) (n * 0.99)] / 1e3, lastTenth / 1e3 / (n / 10));
        System.out.printf("heap after GC      %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        System.out.printf("decisions          %s%n", kinds);
    }

    /** One benchmark input: an article with the entities an upstream tagger would have found. */
    private record Item(Article article, List<EntityMention> entities) {
    }

    private static List<Item> generate(int n, SplittableRandom rnd) {
        List<Entity> gazetteer = Gazetteer.loadDefault().entities();
        String[] common = words(rnd, 3_000);
        List<Item> out = new ArrayList<>(n);
        List<Story> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0 && rnd.nextInt(10) == 0) {
                out.add(nearCopy(out.get(Math.max(0, out.size() - 1 - rnd.nextInt(50))), i, rnd));
                continue;
            }
            Story story;
            if (open.isEmpty() || rnd.nextInt(4) == 0) {
                story = new Story(words(rnd, 60), entities(gazetteer, rnd), rnd.nextInt(1_000_000));
                open.add(story);
                if (open.size() > 40) {
                    open.remove(0);
                }
            } else {
                story = open.get(rnd.nextInt(open.size()));
            }
            out.add(article(story, common, i, rnd));
        }
        return out;
    }

    private record Story(String[] core, List<EntityMention> entities, int number) {
    }

    private static Item article(Story s, String[] common, int i, SplittableRandom rnd) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 250; w++) {
            // A Zipf-like pick of common words, with one word in four from the story's own vocabulary.
            String word = rnd.nextInt(4) == 0 ? s.core()[rnd.nextInt(s.core().length)]
                    : common[(int) Math.floor(Math.pow(rnd.nextDouble(), 3) * common.length)];
            text.append(word).append(w % 17 == 16 ? ". " : " ");
        }
        text.append("Officials counted ").append(s.number()).append(" incidents. ");
        for (EntityMention e : s.entities()) {
            text.append(e.name()).append(' ');
        }
        String title = String.join(" ", Arrays.copyOf(s.core(), 6));
        Article a = Article.builder("https://bench.example/" + i).title(title).text(text.toString()).fetchedAt(START).build();
        return new Item(a, s.entities());
    }

    private static Item nearCopy(Item original, int i, SplittableRandom rnd) {
        String text = original.article().text();
        int cut = text.indexOf(". ", rnd.nextInt(Math.max(1, text.length() / 2)));
        String edited = cut < 0 ? text : text.substring(0, cut) + ", the agency said" + text.substring(cut);
        Article a = Article.builder("https://copy.example/" + i).title(original.article().title()).text(edited)
                .fetchedAt(START).build();
        return new Item(a, original.entities());
    }

    private static List<EntityMention> entities(List<Entity> gazetteer, SplittableRandom rnd) {
        List<EntityMention> out = new ArrayList<>();
        int count = 3 + rnd.nextInt(4);
        for (int k = 0; k < count; k++) {
            Entity e = gazetteer.get(rnd.nextInt(gazetteer.size()));
            if (out.stream().noneMatch(m -> m.id().equals(e.id()))) {
                out.add(new EntityMention(e.id(), e.type().yamlName(), e.name(), 1 + rnd.nextInt(3)));
            }
        }
        return out;
    }

    private static String[] words(SplittableRandom rnd, int count) {
        String[] syllables = {"ka", "ro", "mi", "te", "lu", "sa", "no", "ve", "di", "pa", "gor", "tin", "bel", "san", "quo"};
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder w = new StringBuilder();
            int len = 2 + rnd.nextInt(3);
            for (int k = 0; k < len; k++) {
                w.append(syllables[rnd.nextInt(syllables.length)]);
            }
            out[i] = w.toString();
        }
        return out;
    }
}
