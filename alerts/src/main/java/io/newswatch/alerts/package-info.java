/**
 * The alerts service: one alert per story and rule, updated as the story grows, delivered where the desk reads
 * (package {@code delivery}, channels in {@code channel}), and served to the desk.
 *
 * <pre>
 *  newswatch.matches ──► AlertTopology (Kafka Streams, exactly_once_v2) ──► newswatch.alerts ──► AlertDispatcher ──► channels
 *                          store "alerted": alert state per id (versions),                 │        (webhook, slack, teams, email, log)
 *                          open while the story is active (alerts.dedupRetention),         │        ledger: newswatch.deliveries
 *                          changelogged                                                    └──► the desk ──► page, /api
 * </pre>
 *
 * <p>Three guarantees meet here. Raising is exactly-once: the "already alerted" store and the alerts topic are
 * written in one transaction, so a crash neither loses nor doubles an alert. Delivery is at-least-once, deduplicated by the
 * delivery ledger: a restart delivers nothing twice, a crash re-sends at most one notice per channel (the one
 * accepted but not yet recorded), with the same idempotency key. The ledger remembers
 * {@code topics.deliveries.retention} back, and delivery sends nothing older.
 * The desk (package {@code desk}: history, triage, live events; package {@code web}: page, API, access) indexes the
 * alerts, matches, feedback, deliveries and feed-health topics into an embedded store that survives restarts.
 */
package io.newswatch.alerts;
