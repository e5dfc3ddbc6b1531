/**
 * Typed configuration. Each service declares its keys once ({@link io.newswatch.config.ConfigKey}: name, type,
 * default, description, validator); {@link io.newswatch.config.Config#load} reads the YAML file and the
 * environment against those declarations and fails fast, naming the key and its file position, on anything
 * unknown or invalid. The README's configuration table is generated from the same declarations
 * ({@code newswatch config --markdown}), so docs and validation cannot drift.
 *
 * <p>The file is read by {@link io.newswatch.yaml.YamlReader}, the reader every newswatch YAML file shares, with its
 * bounds and refusals (aliases, merge keys, repeated keys, a second document). Values are parsed by
 * {@link io.newswatch.config.ConfigType} in one place for the file and the environment alike: a duration or
 * integer out of range is an invalid value naming the key, never an overflow later.
 *
 * <p>Kafka client settings are not declared here: everything under {@code kafka:} passes verbatim to the
 * clients ({@link io.newswatch.config.KafkaClients}), which then add the guarantees newswatch relies on.
 * Only the main class passes the environment in; nothing else reads environment variables.
 */
package io.newswatch.config;
