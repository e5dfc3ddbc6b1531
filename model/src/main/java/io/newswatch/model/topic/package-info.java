/**
 * Topic contracts: {@link io.newswatch.model.topic.TopicSpec} keeps a topic's name and serdes together,
 * {@link io.newswatch.model.topic.Topics} names every topic from one prefix, {@link io.newswatch.model.topic.JsonSerde}
 * reads and writes the records as JSON (a bad payload fails with a {@code SerializationException} that the stages
 * route to the dead-letter topic), and {@link io.newswatch.model.topic.TopicCreator} creates the topics at start-up,
 * idempotently.
 */
package io.newswatch.model.topic;
