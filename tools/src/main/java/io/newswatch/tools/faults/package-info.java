/**
 * The fault test ({@code newswatch bench faults}, and {@code FaultsIT} for the test suite), after Kafka's own
 * exactly-once system tests: a {@link io.newswatch.app.broker.LocalKafkaCluster} of three nodes, two ingest and two
 * processor processes ({@code ServiceProcess}, JVMs of their own), and a stream of invented articles released over
 * time by local RSS feeds ({@code FeedStream}). {@link io.newswatch.tools.faults.FaultRun} kills processor processes
 * with SIGKILL and restarts a broker while the stream flows, times each takeover (from the kill until the survivor is
 * alone and stable in both Streams groups), then reads the articles and matches topics read_committed and compares
 * them with the released articles and with the processor's own analysis of each article: nothing may be missing,
 * duplicated or unexpected.
 */
package io.newswatch.tools.faults;
