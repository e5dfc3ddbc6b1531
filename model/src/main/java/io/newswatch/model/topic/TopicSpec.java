package io.newswatch.model.topic;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Validate;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's whole contract: its name, the serdes of its keys and values (which always travel together), how
 * old records go, and how many partitions it is created with. Immutable; {@link TopicCreator} creates topics from
 * it, so the layout cannot drift from the code that reads and writes them.
 *
 * @param name       topic name
 * @param keySerde   serde of keys
 * @param valueSerde serde of values
 * @param cleanup    compaction, or deletion after a retention
 * @param partitions partitions of a new topic; {@link #CONFIGURED_PARTITIONS} for {@code topics.partitions}
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup, int partitions) {
    /** Marks a topic created with the configured {@code topics.partitions}. */
    public static final int CONFIGURED_PARTITIONS = 0;

    public TopicSpec {
        Validate.notBlank(name, "name");
        Validate.notNull(keySerde, "keySerde");
        Validate.notNull(valueSerde, "valueSerde");
        Validate.notNull(cleanup, "cleanup");
        Validate.isTrue(partitions >= 0, "partitions must be >= 0 (0 = topics.partitions), was " + partitions);
    }

    /** A topic with the configured partition count. */
    public TopicSpec(String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup) {
        this(name, keySerde, valueSerde, cleanup, CONFIGURED_PARTITIONS);
    }

    /** Whether the topic keeps the latest value per key ({@code cleanup.policy=compact}). */
    public boolean compacted() {
        return cleanup.compacted();
    }

    /** Partitions a new topic gets under {@code config}. */
    public int partitionsUnder(Config config) {
        return partitions == CONFIGURED_PARTITIONS ? config.get(TopicKeys.PARTITIONS) : partitions;
    }

    /**
     * How a topic's old records go: compacted (the latest value per key stays), deleted once older than a retention,
     * or both ({@code cleanup.policy=compact,delete}: the latest value per key stays until it is older than the
     * retention). A retention comes from a config key or, for private topics of the tools, a fixed duration.
     *
     * @param compacted    whether the topic is compacted
     * @param retentionKey the config key of the retention, or {@code null}
     * @param fixed        a fixed retention, or {@code null}
     */
    public record Cleanup(boolean compacted, ConfigKey<Duration> retentionKey, Duration fixed) {
        public Cleanup {
            Validate.isTrue(retentionKey == null || fixed == null, "a topic has at most one retention (a config key or a fixed one)");
            Validate.isTrue(compacted || retentionKey != null || fixed != null, "a topic that is not compacted needs a retention");
        }

        /** Compacted, kept forever (the latest value per key). */
        public static Cleanup compact() {
            return new Cleanup(true, null, null);
        }

        /**
         * Compacted, and a key's latest value deleted once older than the retention of {@code retentionKey}
         * ({@code compact,delete}): for ledgers whose old entries no longer matter.
         */
        public static Cleanup compactThenDelete(ConfigKey<Duration> retentionKey) {
            return new Cleanup(true, Validate.notNull(retentionKey, "retentionKey"), null);
        }

        public static Cleanup delete(ConfigKey<Duration> retentionKey) {
            return new Cleanup(false, Validate.notNull(retentionKey, "retentionKey"), null);
        }

        public static Cleanup delete(Duration retention) {
            return new Cleanup(false, null, Validate.notNull(retention, "retention"));
        }

        /** Whether records are deleted once older than a retention (alone or after compaction). */
        public boolean deletes() {
            return retentionKey != null || fixed != null;
        }

        /** The retention under {@code config}, or {@code null} for a topic compacted and kept forever. */
        public Duration retention(Config config) {
            return fixed != null ? fixed : retentionKey != null ? config.get(retentionKey) : null;
        }

        /** The topic's {@code cleanup.policy}: {@code compact}, {@code delete} or {@code compact,delete}. */
        public String policy() {
            return compacted && deletes() ? "compact,delete" : compacted ? "compact" : "delete";
        }
    }
}
