/**
 * Outbound network safety shared by every service that makes requests to URLs it was given:
 * {@link io.newswatch.net.EgressGuard} refuses loopback, private, link-local and other special addresses
 * (tabled in {@code SpecialAddresses}, parsed by {@code Cidr}) unless an allow-list admits them. Ingest checks
 * every feed and page hop with it; alert delivery checks webhook, Slack and Teams URLs at start-up and before
 * each request.
 */
package io.newswatch.net;
