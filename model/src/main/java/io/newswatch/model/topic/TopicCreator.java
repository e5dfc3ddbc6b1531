package io.newswatch.model.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates newswatch's topics at start-up, idempotently: a missing topic is created with the configured
 * partitions, replication and retention; an existing one keeps its partitions (Kafka cannot shrink them, and
 * growing them would move keys) but gets its retention and cleanup policy brought in line.
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicCreator() {
    }

    /**
     * @param adminProps  admin client settings (bootstrap servers and security)
     * @param specs       the topics
     * @param partitions  partitions for new topics
     * @param replication replication factor for new topics
     * @param retention   retention per topic, {@code null} for compacted topics
     * @throws IllegalStateException when the cluster does not answer or refuses
     */
    public static void ensure(Properties adminProps, Collection<TopicSpec<?, ?>> specs, int partitions, short replication,
                              Function<TopicSpec<?, ?>, Duration> retention) {
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> create = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
            for (TopicSpec<?, ?> spec : specs) {
                Map<String, String> configs = topicConfigs(spec, retention.apply(spec));
                if (existing.contains(spec.name())) {
                    List<AlterConfigOp> ops = new ArrayList<>();
                    configs.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
                    alter.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), ops);
                } else {
                    create.add(new NewTopic(spec.name(), partitions, replication).configs(configs));
                }
            }
            for (NewTopic t : create) {
                try {
                    admin.createTopics(List.of(t)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("created topic {} ({} partitions, replication {}, {})", t.name(), t.numPartitions(), t.replicationFactor(), t.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another instance creating it at the same moment is fine; anything else is not
                    }
                }
            }
            if (!alter.isEmpty()) {
                admin.incrementalAlterConfigs(alter).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<String, TopicDescription> described = admin.describeTopics(alter.keySet().stream().map(ConfigResource::name).toList())
                        .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                described.forEach((name, d) -> {
                    if (d.partitions().size() != partitions) {
                        LOG.info("topic {} exists with {} partitions (topics.partitions={} applies to new topics only)", name, d.partitions().size(), partitions);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot create or check topics on " + adminProps.getProperty("bootstrap.servers")
                    + ": " + cause, cause);
        }
    }

    private static Map<String, String> topicConfigs(TopicSpec<?, ?> spec, Duration retention) {
        Map<String, String> c = new HashMap<>();
        if (spec.compacted()) {
            c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            c.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return c;
    }
}
