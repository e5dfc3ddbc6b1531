/**
 * The embedded Kafka broker: a real single-node KRaft broker from the Kafka server jar, on loopback, with its data
 * under {@code broker.dataDir}, used by {@code newswatch run} when no Kafka cluster is configured and by the
 * integration tests when no Docker engine is available; and {@link io.newswatch.app.broker.LocalKafkaCluster}, several
 * such nodes sharing one controller quorum (replication factor 3, {@code min.insync.replicas=2}), for the fault test
 * and benchmarks that stop and restart a broker.
 */
package io.newswatch.app.broker;
