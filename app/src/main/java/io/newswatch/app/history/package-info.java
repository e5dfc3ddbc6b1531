/**
 * Moving history between clusters: {@code newswatch export} writes the records of one topic in a time window as
 * JSON lines ({@link io.newswatch.app.history.HistoryLine}), keys, timestamps, headers and values kept byte for
 * byte; {@code newswatch import} writes such a file back, to the topic each line names or to one given topic. Used
 * to seed a test cluster, move a deployment or keep a back-test window outside Kafka's retention.
 *
 * <p>Nothing is lost to one bad line: {@link io.newswatch.app.history.HistoryImport} reports every line it cannot
 * read with its number and the reason, imports the rest, and the command exits 1 so that a script notices.
 * Export reads with assigned partitions and no consumer group (production offsets are never touched) and only
 * committed data.
 */
package io.newswatch.app.history;
