/**
 * The desk's HTTP surface: the JSON API over the newest alerts ({@link io.newswatch.alerts.web.RecentAlerts}),
 * {@code /health} and {@code /metrics} ({@link io.newswatch.alerts.web.AlertsApi}).
 */
package io.newswatch.alerts.web;
