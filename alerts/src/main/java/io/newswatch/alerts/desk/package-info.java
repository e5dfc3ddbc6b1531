/**
 * The desk's memory: every retained alert, the articles of their stories, triage, delivery outcomes and feed health,
 * kept in an embedded RocksDB ({@link io.newswatch.alerts.desk.DeskStore}) that survives restarts.
 *
 * <pre>
 *  newswatch.alerts ──────────┐
 *  newswatch.matches ─────────┤                                              ┌──► AlertQuery pages (newest first, cursors)
 *  newswatch.alert-feedback ──┼──► DeskIndexer ──► DeskStore (RocksDB) ──────┼──► stories, deliveries, feeds, rules per day
 *  newswatch.deliveries ──────┤    (no group;        + offsets, one batch    └──► events by position (SSE resumption)
 *  newswatch.feed-health ─────┘     read_committed)    per poll
 *                                   └──► DeskEvents ──► live SSE subscribers (bounded queues)
 *  analyst action ──► Triage ──► newswatch.alert-feedback (compacted) ──► DeskIndexer
 * </pre>
 *
 * <ul>
 * <li>The store is an index of topics, never the source of truth: the indexer writes each poll's changes and the
 *     offsets they came from in one atomic batch, so a restart resumes exactly where it stopped, and a deleted store
 *     is rebuilt from the topics (the alerts topic keeps a year).</li>
 * <li>Positions: an alert version's position is the vector of next offsets of the alerts topic's partitions, e.g.
 *     {@code 41.38.40}. It is the SSE event id; the store keeps each version by partition and offset, so a client
 *     resuming from a position gets every version at or after it and nothing before, then the live ones
 *     ({@link io.newswatch.alerts.desk.DeskEvents.Subscription#accepts}).</li>
 * <li>Triage ({@link io.newswatch.alerts.desk.Triage}) writes the whole triage of an alert, with who did what and
 *     when, to the compacted {@code alert-feedback} topic; replay and rule evaluation read it there as labels.</li>
 * </ul>
 *
 * <p>Bounds. Heap: fixed (RocksDB's 16 MB block cache and two 8 MB write buffers are off-heap; a page is at most
 * 1,000 alerts and a query scans at most 200,000 index entries before returning a cursor; each live subscriber
 * queues at most 10,000 events, and one that falls further behind is cut off and resumes from its last id). Disk:
 * about what the topics retain; every 6 h alerts older than {@code topics.alerts.retention} are pruned with their
 * triage, deliveries and story entries, and alert versions below the alerts topic's first retained offset.
 * A record that cannot be read is skipped, logged and counted in {@code newswatch.desk.unreadable}.
 */
package io.newswatch.alerts.desk;
