package io.newswatch.processor;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import io.newswatch.processor.story.StoryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The processor's settings, read once from {@link Config}.
 *
 * @param applicationId Kafka Streams application id of the analysis stage (consumer group, internal topic prefix);
 *                      the ordered stage's is {@link #orderedApplicationId()}
 * @param stateDir      local state directory
 * @param threads       stream threads
 * @param rules         rule file or directory, or {@code null} for the bundled default pack
 * @param gazetteer     gazetteer file, or {@code null} for the bundled default
 * @param storyWindow   how long a story stays open for new articles
 * @param reorderGrace  how long an analysed article waits for earlier ones before the story stage (zero: no reordering)
 * @param story         how copies and stories are decided: the {@code processor.story.*} thresholds and the window
 */
public record ProcessorConfig(String applicationId, Path stateDir, int threads, Path rules, Path gazetteer, Duration storyWindow,
                              Duration reorderGrace, StoryConfig story) {

    public ProcessorConfig {
        if (story == null) {
            story = StoryConfig.defaults().withWindow(storyWindow);
        }
    }

    /** Settings with the default story thresholds. */
    public ProcessorConfig(String applicationId, Path stateDir, int threads, Path rules, Path gazetteer, Duration storyWindow,
                           Duration reorderGrace) {
        this(applicationId, stateDir, threads, rules, gazetteer, storyWindow, reorderGrace, null);
    }

    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("processor.applicationId", ConfigType.STRING, "newswatch-processor",
            "Kafka Streams application id of the processor's analysis stage (consumer group and prefix of its topics); the ordered story stage is a second application, this id plus -ordered.");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.of("processor.stateDir", ConfigType.PATH, Path.of("data/streams"),
            "Local state of the processor (rebuilt from changelogs when lost).");
    public static final ConfigKey<Integer> THREADS = ConfigKey.of("processor.threads", ConfigType.INT, 1,
            "Stream threads of the analysis stage: one task per article partition, so up to topics.partitions threads are used. The ordered story stage runs as its own Streams application with one thread.").validatedBy(n -> n >= 1 && n <= 64, "must be 1-64");
    public static final ConfigKey<Path> RULES = ConfigKey.of("processor.rules", ConfigType.PATH, null,
            "Watch rule file or directory of *.yaml files; unset = the bundled default rule pack.");
    public static final ConfigKey<Path> GAZETTEER = ConfigKey.of("processor.gazetteer", ConfigType.PATH, null,
            "Entity gazetteer YAML; unset = the bundled default gazetteer.");
    public static final ConfigKey<Duration> STORY_WINDOW = ConfigKey.of("processor.storyWindow", ConfigType.DURATION_TYPE, Duration.ofHours(72),
            "How long (event time) a story stays open to rewrites and duplicates; bounds the dedup and story stores.")
            .validatedBy(d -> d.toMinutes() >= 1, "must be at least 1m");

    public static final ConfigKey<Duration> REORDER_GRACE = ConfigKey.of("processor.reorderGrace", ConfigType.DURATION_TYPE, Duration.ofMillis(400),
            "How long an analysed article waits for articles fetched before it: the story stage takes them in order of fetch time, then article id (the same articles then give the same stories, whatever the partitions and threads; replay uses the same order); bounds the delay it adds to an alert. An article whose fetch time is behind the latest one seen, or the wall clock, by more than this is processed at once and counted in newswatch.processor.reorder.late. 0 = arrival order.")
            .validatedBy(d -> !d.isNegative() && d.toHours() < 6, "must be 0 or more, and less than 6h");

    public static final ConfigKey<Double> NEAR_DUPLICATE = ConfigKey.of("processor.story.nearDuplicateThreshold", ConfigType.DOUBLE,
            StoryConfig.DEFAULT_NEAR_DUPLICATE,
            "Estimated Jaccard similarity of word 5-shingles from which an article is a near copy of an earlier one (an edited republication).")
            .validatedBy(d -> d > 0 && d <= 1, "must be in (0, 1]");
    public static final ConfigKey<Double> CONTAINMENT = ConfigKey.of("processor.story.containmentThreshold", ConfigType.DOUBLE,
            StoryConfig.DEFAULT_CONTAINMENT,
            "Share of the shorter article's paragraph words found in identical paragraphs of the other from which it is a copy (a wire story republished under a new headline and lede).")
            .validatedBy(d -> d > 0 && d <= 1, "must be in (0, 1]");
    public static final ConfigKey<Integer> SHARED_PARAGRAPHS = ConfigKey.of("processor.story.minSharedParagraphs", ConfigType.INT,
            StoryConfig.DEFAULT_SHARED_PARAGRAPHS,
            "Fewest identical paragraphs (of 10 words or more) for that containment to count.")
            .validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<Double> STORY_THRESHOLD = ConfigKey.of("processor.story.threshold", ConfigType.DOUBLE,
            StoryConfig.DEFAULT_STORY_THRESHOLD,
            "Story score (0.6 x shared entities + 0.4 x term cosine) from which an article may join an earlier article's story.")
            .validatedBy(d -> d > 0 && d <= 1, "must be in (0, 1]");
    public static final ConfigKey<Double> STORY_MIN_COSINE = ConfigKey.of("processor.story.minCosine", ConfigType.DOUBLE,
            StoryConfig.DEFAULT_MIN_COSINE,
            "A join also needs evidence of the same event: a term cosine of at least this (a rewrite in the same language), or the shared figures below; shared entities alone never join.")
            .validatedBy(d -> d >= 0 && d <= 1, "must be in [0, 1]");
    public static final ConfigKey<Integer> STORY_SHARED_FIGURES = ConfigKey.of("processor.story.minSharedFigures", ConfigType.INT,
            StoryConfig.DEFAULT_SHARED_FIGURES,
            "Shared details that are evidence of the same event, counting figures (numbers that are not years) and named people; 0 drops the evidence requirement.")
            .validatedBy(n -> n >= 0, "must be >= 0");

    public static final List<ConfigKey<?>> KEYS = List.of(APPLICATION_ID, STATE_DIR, THREADS, RULES, GAZETTEER, STORY_WINDOW,
            REORDER_GRACE, NEAR_DUPLICATE, CONTAINMENT, SHARED_PARAGRAPHS, STORY_THRESHOLD, STORY_MIN_COSINE, STORY_SHARED_FIGURES);

    public static ProcessorConfig from(Config c) {
        StoryConfig story = StoryConfig.defaults().withWindow(c.get(STORY_WINDOW))
                .withDuplicates(c.get(NEAR_DUPLICATE), c.get(CONTAINMENT), c.get(SHARED_PARAGRAPHS))
                .withStoryThreshold(c.get(STORY_THRESHOLD))
                .withStoryEvidence(c.get(STORY_MIN_COSINE), c.get(STORY_SHARED_FIGURES));
        return new ProcessorConfig(c.get(APPLICATION_ID), c.get(STATE_DIR), c.get(THREADS), c.get(RULES), c.get(GAZETTEER),
                c.get(STORY_WINDOW), c.get(REORDER_GRACE), story);
    }

    /** How duplicates and stories are decided: the configured thresholds and window. */
    public StoryConfig storyConfig() {
        return story;
    }

    /** Kafka Streams application id of the ordered dedup and story stage (one thread, one task). */
    public String orderedApplicationId() {
        return applicationId + "-ordered";
    }
}
