package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.TopicCreator;
import io.newswatch.model.topic.TopicSpec;
import java.util.Collection;

/**
 * Creates the topics of a deployment before any service starts: {@code run}, each service run alone, the tools and
 * the integration tests all go through here, so every topic is created with the partitions, cleanup and retention
 * its {@link TopicSpec} declares, and nowhere else. Stateless.
 */
public final class TopicSetup {
    private TopicSetup() {
    }

    /** Creates (or brings in line) every topic of {@code config}'s prefix. */
    public static void createAll(Config config) {
        create(config, TopicKeys.topics(config).all());
    }

    /** Creates (or brings in line) the given topics, such as a tool's private ones. */
    public static void create(Config config, Collection<? extends TopicSpec<?, ?>> specs) {
        TopicCreator.ensure(config, specs);
    }
}
