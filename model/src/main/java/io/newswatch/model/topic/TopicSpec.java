package io.newswatch.model.topic;

import io.newswatch.model.Validate;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's contract: its name and the serdes of its keys and values, which always travel together.
 *
 * @param name       topic name
 * @param keySerde   serde of keys
 * @param valueSerde serde of values
 * @param compacted  whether the topic keeps the latest value per key (cleanup.policy=compact) instead of
 *                   deleting by time
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
    public TopicSpec {
        Validate.notBlank(name, "name");
        Validate.notNull(keySerde, "keySerde");
        Validate.notNull(valueSerde, "valueSerde");
    }
}
