/**
 * Alert delivery: {@link io.newswatch.alerts.delivery.AlertChannel} is one destination;
 * {@link io.newswatch.alerts.delivery.AlertDispatcher} reads the alerts topic in its own consumer group and hands
 * every alert to every channel, retrying with backoff and dead-lettering what keeps failing, so one broken
 * destination never holds back the others.
 */
package io.newswatch.alerts.delivery;
