/**
 * Typed configuration. Each service declares its keys once ({@link io.newswatch.config.ConfigKey}: name, type,
 * default, description, validator); {@link io.newswatch.config.Config#load} reads the YAML file and the
 * environment against those declarations and fails fast, naming the key and its file position, on anything
 * unknown or invalid. The README's configuration table is generated from the same declarations
 * ({@code newswatch config --markdown}), so docs and validation cannot drift.
 *
 * <p>Kafka client settings are not declared here: everything under {@code kafka:} passes verbatim to the
 * clients ({@link io.newswatch.config.KafkaClients}), which then add the guarantees newswatch relies on.
 * Only the main class passes the environment in; nothing else reads environment variables.
 */
package io.newswatch.config;
