package io.newswatch.processor;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import io.newswatch.processor.story.StorySettings;
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
 */
public record ProcessorConfig(String applicationId, Path stateDir, int threads, Path rules, Path gazetteer, Duration storyWindow) {

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

    public static final List<ConfigKey<?>> KEYS = List.of(APPLICATION_ID, STATE_DIR, THREADS, RULES, GAZETTEER, STORY_WINDOW);

    public static ProcessorConfig from(Config c) {
        return new ProcessorConfig(c.get(APPLICATION_ID), c.get(STATE_DIR), c.get(THREADS), c.get(RULES), c.get(GAZETTEER), c.get(STORY_WINDOW));
    }

    /** How duplicates and stories are decided: {@link StorySettings#defaults()} with this window. */
    public StorySettings storySettings() {
        return StorySettings.defaults().withWindow(storyWindow);
    }

    /** Kafka Streams application id of the ordered dedup and story stage (one thread, one task). */
    public String orderedApplicationId() {
        return applicationId + "-ordered";
    }

    /** The single-partition topic that orders every article for dedup and stories. */
    public String storiesTopic() {
        return applicationId + "-stories";
    }
}
