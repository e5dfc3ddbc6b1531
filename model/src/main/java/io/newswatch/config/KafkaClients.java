package io.newswatch.config;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client properties for each kind of client, from the verbatim {@code kafka:} settings plus the
 * guarantees newswatch relies on (idempotent acks=all producers, read_committed consumers). The guarantees
 * are applied last, so a setting in {@code kafka:} cannot weaken them.
 */
public final class KafkaClients {
    /**
     * Producer batch size. Articles are about 5 KB and matches 8 KB, so Kafka's default of 16 KB closes a batch every
     * two or three records, and each batch costs a compression context, a wake-up of the sender and a request to
     * validate on the broker; with 256 KB the processor spends about a tenth less CPU per article. Batches
     * still leave after {@code linger.ms}, so latency does not change. A {@code kafka:} setting overrides it.
     */
    static final String BATCH_SIZE = Integer.toString(256 * 1024);

    /**
     * Producer compression. lz4 rather than zstd: Kafka opens a fresh zstd context for every batch (about a megabyte of
     * native tables to set up), on the thread that sends, so in the processor each small transactional batch cost a
     * stream thread that set-up and much of its CPU cache. With lz4 the processor spent about a third less CPU per
     * article outside matching (docs/benchmarks.md); text still shrinks about twofold. A {@code kafka:} setting
     * ({@code compression.type}, or {@code producer.compression.type} for the processor) overrides it.
     */
    static final String COMPRESSION = "lz4";

    private KafkaClients() {
    }

    /** Settings for every client: the {@code kafka:} map, verbatim. */
    public static Properties common(Config config, String clientId) {
        Map<String, String> kafka = config.kafka();
        if (!kafka.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new ConfigException("no Kafka cluster configured: set kafka.bootstrap.servers in the config file, "
                    + "KAFKA_BOOTSTRAP_SERVERS, or --bootstrap-servers (or use 'newswatch run', which starts an embedded broker)");
        }
        Properties p = new Properties();
        p.putAll(kafka);
        p.setProperty(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    /** An idempotent producer that waits for every in-sync replica. */
    public static Properties producer(Config config, String clientId) {
        Properties p = common(config, clientId);
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        return p;
    }

    /** A consumer that sees only committed transactional data and commits offsets itself. */
    public static Properties consumer(Config config, String clientId, String groupId) {
        Properties p = common(config, clientId);
        if (groupId != null) {
            p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /**
     * A Kafka Streams application with exactly-once processing (exactly_once_v2: transactional writes and
     * read_committed reads) and its local state under {@code stateDir/applicationId}.
     */
    public static Properties streams(Config config, String applicationId, java.nio.file.Path stateDir, int threads) {
        Properties p = common(config, applicationId);
        p.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
        p.setProperty("application.id", applicationId);
        p.setProperty("processing.guarantee", "exactly_once_v2");
        p.setProperty("state.dir", stateDir.toAbsolutePath().toString());
        p.setProperty("num.stream.threads", Integer.toString(threads));
        p.putIfAbsent("commit.interval.ms", "100");
        if (!p.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            p.putIfAbsent("producer." + ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        }
        if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            p.putIfAbsent("producer." + ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        }
        return p;
    }
}
