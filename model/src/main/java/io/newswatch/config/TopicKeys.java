package io.newswatch.config;

import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.util.List;

/** Config keys shared by every service: topic names, partitions and retention. */
public final class TopicKeys {
    private TopicKeys() {
    }

    public static final ConfigKey<String> PREFIX = ConfigKey.of("topics.prefix", ConfigType.STRING, Topics.DEFAULT_PREFIX,
            "Prefix of every topic name (newswatch.articles, ...); change it to run several deployments on one cluster.");
    public static final ConfigKey<Integer> PARTITIONS = ConfigKey.of("topics.partitions", ConfigType.INT, 3,
            "Partitions of each topic created at start-up (existing topics are not changed).").validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<Integer> REPLICATION = ConfigKey.of("topics.replicationFactor", ConfigType.INT, 1,
            "Replication factor of topics created at start-up; use 3 on a production cluster.").validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<Duration> ARTICLES_RETENTION = retention("articles", Duration.ofDays(180),
            "How long cleaned articles are kept: how far back replay and back-tests can go (180 days covers a half-year of rule changes; about 500 MB per 100,000 articles of 5 KB before compression).");
    public static final ConfigKey<Duration> MATCHES_RETENTION = retention("matches", Duration.ofDays(90), "How long matches are kept.");
    public static final ConfigKey<Duration> ALERTS_RETENTION = retention("alerts", Duration.ofDays(365),
            "How long alerts are kept (the API and web page show what is retained).");
    public static final ConfigKey<Duration> DLQ_RETENTION = retention("dlq", Duration.ofDays(30), "How long dead letters are kept.");
    public static final ConfigKey<Duration> STORIES_RETENTION = retention("stories", Duration.ofDays(1),
            "How long the processor's internal stories topic (analysed articles on their way to the story stage) keeps records; "
                    + "the story stage reads them within seconds, so this only bounds how long it may be down without losing any.");
    public static final ConfigKey<Duration> DELIVERIES_RETENTION = ConfigKey.of("topics.deliveries.retention", ConfigType.DURATION_TYPE, Duration.ofDays(30),
            "How long the delivery ledger (compacted, then deleted) remembers a delivery; it also bounds delivery: an alert version older than this "
                    + "is never sent (again), so a channel down for longer, or a since further back, misses those alerts (they stay on the alerts topic and in the API).")
            .validatedBy(d -> d.toHours() >= 1, "must be at least 1h");

    public static final List<ConfigKey<?>> KEYS = List.of(PREFIX, PARTITIONS, REPLICATION, ARTICLES_RETENTION, MATCHES_RETENTION,
            ALERTS_RETENTION, DLQ_RETENTION, STORIES_RETENTION, DELIVERIES_RETENTION);

    private static ConfigKey<Duration> retention(String topic, Duration dflt, String description) {
        return ConfigKey.of("topics." + topic + ".retention", ConfigType.DURATION_TYPE, dflt, description)
                .validatedBy(d -> d.toMinutes() >= 1, "must be at least 1m");
    }

    /** The topics named by this config. */
    public static Topics topics(Config config) {
        return Topics.withPrefix(config.get(PREFIX));
    }
}
