/**
 * The desk's HTTP surface: the page analysts keep open, the REST API under it, {@code /health} and {@code /metrics}
 * ({@link io.newswatch.alerts.web.AlertsApi}, Javalin).
 *
 * <p>Access. Every route but {@code /health}, {@code /health/*} and the page's own files (which hold no data) needs
 * a token ({@link io.newswatch.alerts.web.Access}): {@code Authorization: Bearer <token>}, or the session cookie the
 * page gets by signing in with one. Tokens are configured as SHA-256 digests ({@code alerts.auth.tokens}, read by
 * {@link io.newswatch.alerts.web.AccessTokens}) and compared in constant time; each has a
 * {@link io.newswatch.alerts.web.Role}: viewer reads, analyst also triages, admin also acts on channels. The cookie
 * is HttpOnly and SameSite=Strict; a state-changing request made with it must also carry the session's CSRF token
 * and come from this origin ({@code Origin}, {@code Sec-Fetch-Site}), so a page of another site cannot act for a
 * signed-in analyst. Sessions ({@link io.newswatch.alerts.web.Sessions}) live in memory, expire after
 * {@code alerts.auth.sessionTtl} unused and are capped at 10,000. No token, digest, channel secret or password is
 * ever logged or returned.
 *
 * <p>The page ({@code src/main/resources/desk}) is one HTML file, one script and one stylesheet, all served from
 * the jar under a Content-Security-Policy without inline script or style and without any other origin. The script
 * puts feed text into the page only as text nodes, never as markup.
 *
 * <p>Live updates are Server-Sent Events ({@code /api/events}): each alert version carries its position in the alerts
 * topic as the event id, so a browser that reconnects (it sends {@code Last-Event-ID} itself) receives exactly what
 * it missed (see {@link io.newswatch.alerts.desk.DeskEvents}).
 */
package io.newswatch.alerts.web;
