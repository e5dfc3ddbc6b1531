package io.newswatch.model.topic;

import io.newswatch.config.TopicKeys;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Delivery;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.Feedback;
import io.newswatch.model.FeedState;
import io.newswatch.model.Match;
import io.newswatch.model.Validate;
import io.newswatch.model.WatchRuleRecord;
import io.newswatch.model.topic.TopicSpec.Cleanup;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic newswatch writes, named from one prefix (default {@code newswatch}), each declared once with its
 * serdes, cleanup policy, the config key its retention comes from, and its partitioning. Kafka Streams' own
 * internal topics (changelogs) are named and created by Kafka Streams. See {@code docs/topics.md} for keys,
 * example values and contracts. Immutable.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "newswatch";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final String prefix;
    private final TopicSpec<String, Article> articles;
    private final TopicSpec<String, Match> matches;
    private final TopicSpec<String, Alert> alerts;
    private final TopicSpec<String, DeadLetter> dlq;
    private final TopicSpec<String, WatchRuleRecord> rules;
    private final TopicSpec<String, FeedState> ingestState;
    private final TopicSpec<String, FeedHealth> feedHealth;
    private final TopicSpec<String, byte[]> stories;
    private final TopicSpec<String, Delivery> deliveries;
    private final TopicSpec<String, Feedback> feedback;

    private Topics(String prefix) {
        Validate.isTrue(PREFIX.matcher(prefix).matches(),
                "topic prefix must be 1-200 chars of letters, digits, '.', '_' or '-', was '" + prefix + "'");
        this.prefix = prefix;
        Serde<String> keys = Serdes.String();
        articles = new TopicSpec<>(prefix + ".articles", keys, new JsonSerde<>(Article.class), Cleanup.delete(TopicKeys.ARTICLES_RETENTION));
        matches = new TopicSpec<>(prefix + ".matches", keys, new JsonSerde<>(Match.class), Cleanup.delete(TopicKeys.MATCHES_RETENTION));
        alerts = new TopicSpec<>(prefix + ".alerts", keys, new JsonSerde<>(Alert.class), Cleanup.delete(TopicKeys.ALERTS_RETENTION));
        dlq = new TopicSpec<>(prefix + ".dlq", keys, new JsonSerde<>(DeadLetter.class), Cleanup.delete(TopicKeys.DLQ_RETENTION));
        rules = new TopicSpec<>(prefix + ".rules", keys, new JsonSerde<>(WatchRuleRecord.class), Cleanup.compact());
        ingestState = new TopicSpec<>(prefix + ".ingest-state", keys, new JsonSerde<>(FeedState.class), Cleanup.compact());
        feedHealth = new TopicSpec<>(prefix + ".feed-health", keys, new JsonSerde<>(FeedHealth.class), Cleanup.compact());
        // One partition: the story stage must see every article in one order (see the processor's package guide).
        stories = new TopicSpec<>(prefix + ".stories", keys, Serdes.ByteArray(), Cleanup.delete(TopicKeys.STORIES_RETENTION), 1);
        deliveries = new TopicSpec<>(prefix + ".deliveries", keys, new JsonSerde<>(Delivery.class),
                Cleanup.compactThenDelete(TopicKeys.DELIVERIES_RETENTION));
        feedback = new TopicSpec<>(prefix + ".alert-feedback", keys, new JsonSerde<>(Feedback.class), Cleanup.compact());
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix);
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    /** Cleaned articles, key: article id. Producer: ingest. Consumers: processor, replay. */
    public TopicSpec<String, Article> articles() {
        return articles;
    }

    /** Rule matches with explanations, key: story id. Producer: processor. Consumers: alerts, replay. */
    public TopicSpec<String, Match> matches() {
        return matches;
    }

    /** One alert per story and rule, key: alert id. Producer: alerts (raiser). Consumers: alerts (delivery, API). */
    public TopicSpec<String, Alert> alerts() {
        return alerts;
    }

    /** Dead letters from every stage, key: the original key. */
    public TopicSpec<String, DeadLetter> dlq() {
        return dlq;
    }

    /** Watch rules, compacted, key: rule id. Producer: {@code newswatch rules publish}. Consumer: processor. */
    public TopicSpec<String, WatchRuleRecord> rules() {
        return rules;
    }

    /** Per-feed ingest state (seen items, validators), compacted, key: feed id. Producer and consumer: ingest. */
    public TopicSpec<String, FeedState> ingestState() {
        return ingestState;
    }

    /** Feed health, compacted, key: feed id. */
    public TopicSpec<String, FeedHealth> feedHealth() {
        return feedHealth;
    }

    /**
     * Every analysed article on its way to the processor's ordered dedup and story stage, key: article id, one
     * partition; the value is the processor's binary envelope ({@code StoryInputSerde}), read as bytes so that a
     * record it cannot decode goes to the dead-letter topic. Producer and consumer: processor.
     */
    public TopicSpec<String, byte[]> stories() {
        return stories;
    }

    /**
     * The delivery ledger, key: {@code channel/deliveryId}. One record per alert version (or digest) and channel,
     * written once the channel accepted it or gave up; compacted, and a record older than
     * {@code topics.deliveries.retention} deleted, so the ledger holds about that much history (delivery skips older
     * alerts for that reason). Producer and consumer: alerts (delivery), {@code newswatch deliveries retry}.
     */
    public TopicSpec<String, Delivery> deliveries() {
        return deliveries;
    }

    /**
     * Analysts' triage of alerts, compacted, key: alert id; the latest record is the alert's whole triage with who
     * did what and when. Producer: the desk. Consumers: the desk, replay and rule evaluation (as labels).
     */
    public TopicSpec<String, Feedback> feedback() {
        return feedback;
    }

    /** All topics, in the order they are created. */
    public List<TopicSpec<?, ?>> all() {
        return List.of(articles, matches, alerts, dlq, rules, ingestState, feedHealth, stories, deliveries, feedback);
    }
}
