/**
 * Health of a running process, shared by every service so that {@code /health/live}, {@code /health/ready} and
 * {@code /health} answer the same way whichever service serves them.
 *
 * <p>A service builds one {@link io.newswatch.health.Health} registry at start-up and registers each of its
 * components as a <em>liveness</em> check (its thread or loop is alive: restart the process when it fails) or a
 * <em>readiness</em> check (it is doing its work: Streams RUNNING, the broker reachable, the alert view caught up,
 * pollers and delivery channels not stuck). The HTTP servers (the ops server of {@code ingest} and {@code process},
 * the alerts API) only map a path to {@link io.newswatch.health.Health.Probe} and write the
 * {@link io.newswatch.health.Health.Report}'s body; they hold no logic of their own.
 *
 * <p>{@link io.newswatch.health.KafkaReachability} makes a broker outage visible: readiness DOWN with one log
 * line while the cluster does not answer, UP again afterwards, and liveness untouched, so that an orchestrator
 * stops routing to the process but does not restart it in a loop while Kafka is away.
 */
package io.newswatch.health;
