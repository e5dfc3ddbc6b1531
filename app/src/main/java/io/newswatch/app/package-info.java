/**
 * The {@code newswatch} command line ({@link io.newswatch.app.Newswatch}): {@code run} starts every service in one
 * process (on the embedded broker unless Kafka is configured), {@code ingest}, {@code process} and {@code alerts}
 * run one service each, {@code scan} runs the processor's analysis over files without Kafka, and the
 * {@code extract}, {@code feeds}, {@code rules}, {@code config} and {@code eval} tools serve rule authors and
 * operators. Components are started in one place and closed in reverse order by a shutdown hook.
 */
package io.newswatch.app;
