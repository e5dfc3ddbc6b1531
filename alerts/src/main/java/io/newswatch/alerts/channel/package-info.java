/**
 * The channel types and the one place configuration becomes channels ({@link io.newswatch.alerts.channel.Channels}).
 *
 * <ul>
 * <li>{@code webhook}: CloudEvents 1.0 JSON envelope, signed per Standard Webhooks 1.0 ({@code WebhookSigner});</li>
 * <li>{@code slack}: Block Kit, feed text escaped ({@code &}, {@code <}, {@code >}) so it cannot ping or forge links;</li>
 * <li>{@code teams}: an Adaptive Card through a Workflows webhook;</li>
 * <li>{@code email}: Angus Mail over SMTP with STARTTLS and auth, text and HTML, a Message-ID derived from the
 *     delivery id and In-Reply-To for follow-ups;</li>
 * <li>{@code log}: one line per notice.</li>
 * </ul>
 * Every message says the same things ({@link io.newswatch.alerts.channel.AlertSummary}): headline, source, language,
 * rule and severity, the highlighted passage, entities, link, and how many outlets and languages carry the story.
 * HTTP channels share {@code HttpEndpoint}: the egress guard before every request, the status classes, and errors
 * that name the host but never the token-bearing path.
 */
package io.newswatch.alerts.channel;
