package io.newswatch.app.testkit;

import java.util.Map;

/** A running Kafka cluster for an integration test. */
public interface KafkaCluster {

    /** {@code host:port} list for clients. */
    String bootstrapServers();

    /** Which kind of broker this is, for test logs: "testcontainers" or "embedded". */
    String kind();

    /** The {@code kafka:} settings a newswatch config needs to use this cluster. */
    default Map<String, String> clientSettings() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }
}
