/**
 * The {@code newswatch} command line ({@link io.newswatch.app.Newswatch}): {@code run} starts every service in one
 * process (on the embedded broker unless Kafka is configured), {@code ingest}, {@code process} and {@code alerts}
 * run one service each, {@code scan} runs the processor's analysis over files without Kafka, and the
 * {@code extract}, {@code feeds}, {@code rules}, {@code config} and {@code eval} tools serve rule authors and
 * operators. Components are started in one place and closed in reverse order by a shutdown hook (SIGTERM closes
 * Streams and flushes producers).
 *
 * <p>Operations: each service builds one {@link io.newswatch.health.Health} registry ({@code KafkaChecks} adds the
 * broker check, each service its components) served at {@code /health/live} and {@code /health/ready} by the
 * {@code OpsServer} ({@code ingest}, {@code process}) or the alerts API ({@code alerts}, {@code run}) and published as
 * {@code newswatch_health_ready} ({@code HealthMetrics}); {@code health} asks it from the command line for container
 * checks. {@code LogFormat} switches the log lines to JSON ({@code logging.format}).
 */
package io.newswatch.app;
