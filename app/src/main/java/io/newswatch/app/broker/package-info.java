/**
 * The embedded Kafka broker: a real single-node KRaft broker from the Kafka server jar, on loopback, with its data
 * under {@code broker.dataDir}, used by {@code newswatch run} when no Kafka cluster is configured and by the
 * integration tests when no Docker engine is available.
 */
package io.newswatch.app.broker;
