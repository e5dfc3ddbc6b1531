/**
 * The alerts service: one alert per story and rule, delivered once, and served to the desk.
 *
 * <pre>
 *  newswatch.matches ──► AlertTopology (Kafka Streams, exactly_once_v2) ──► newswatch.alerts ──► AlertDispatcher ──► channels
 *                          store "alerted": window store of alert ids,                     │        (log, ...)
 *                          retention alerts.dedupRetention (30d), changelogged             └──► RecentAlerts ──► /api/alerts
 * </pre>
 *
 * <p>Three guarantees meet here. Raising is exactly-once: the "already alerted" store and the alerts topic are
 * written in one transaction, so a crash neither loses nor doubles an alert. Delivery is at-least-once per batch
 * with committed offsets: a clean restart delivers nothing twice, a crash re-delivers at most the batch in flight.
 * The API view is rebuilt from the alerts topic at start and bounded by {@code alerts.api.keep}.
 */
package io.newswatch.alerts;
