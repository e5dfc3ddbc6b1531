package io.newswatch.model.topic;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
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
 * Creates topics from their {@link TopicSpec}s, idempotently: a missing topic is created with its partitions, the
 * configured replication and its retention; an existing one keeps its partitions (Kafka cannot shrink them, and
 * growing them would move keys) but gets its retention and cleanup policy brought in line. Stateless.
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicCreator() {
    }

    /**
     * @param config the Kafka cluster ({@code kafka:}), {@code topics.replicationFactor}, {@code topics.partitions}
     *               and the retentions the specs name
     * @param specs  the topics
     * @throws IllegalStateException when the cluster does not answer or refuses
     */
    public static void ensure(Config config, Collection<? extends TopicSpec<?, ?>> specs) {
        Properties adminProps = KafkaClients.common(config, "newswatch-admin");
        short replication = (short) (int) config.get(TopicKeys.REPLICATION);
        Map<String, Integer> partitions = new HashMap<>();
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> create = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
            for (TopicSpec<?, ?> spec : specs) {
                Map<String, String> configs = topicConfigs(spec, spec.cleanup().retention(config));
                partitions.put(spec.name(), spec.partitionsUnder(config));
                if (existing.contains(spec.name())) {
                    List<AlterConfigOp> ops = new ArrayList<>();
                    configs.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
                    alter.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), ops);
                } else {
                    create.add(new NewTopic(spec.name(), partitions.get(spec.name()), replication).configs(configs));
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
                    if (d.partitions().size() != partitions.get(name)) {
                        LOG.info("topic {} exists with {} partitions ({} apply to new topics only)", name, d.partitions().size(), partitions.get(name));
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
        c.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanup().policy());
        if (retention != null) {
            c.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return c;
    }
}
