/**
 * Polite, safe HTTP fetching for feeds and article pages.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * try (ConditionalFetcher fetcher = new ConditionalFetcher(FetchConfig.defaults("newswatch/1.0 (+https://example.org/bot)"))) {
 *     FetchResult r = fetcher.fetch(FetchRequest.feed(feedUrl, state.etag(), state.lastModified()));
 *     switch (r.outcome()) {
 *         case OK -> parse(r.body(), r.contentType(), r.finalUrl());          // store r.etag(), r.lastModified()
 *         case NOT_MODIFIED -> { }                                            // nothing new, cheaply
 *         default -> delay = backoff.next(++streak, r.retryAfter());          // r.error() says why
 *     }
 *     if (r.permanentRedirect() != null) { state.moveTo(r.permanentRedirect()); }
 * }
 * }</pre>
 *
 * <h2>Design</h2>
 * <ul>
 * <li>{@link io.newswatch.ingest.fetch.ConditionalFetcher} wraps one JDK {@link java.net.http.HttpClient} with
 *     redirects switched off, so that it can follow them itself: each hop is checked by the guard, counted,
 *     tested for loops and classified as permanent or not. Failures are values ({@link
 *     io.newswatch.ingest.fetch.FetchResult.Outcome}), because one dead feed among thousands is routine.</li>
 * <li>{@link io.newswatch.net.EgressGuard} (in {@code model}, shared with alert delivery) keeps hostile feed content from steering requests into our
 *     own network; its class comment explains why resolved addresses are not pinned and what covers that gap.
 *     The blocks it refuses are tabled in {@code SpecialAddresses}, parsed by {@code Cidr}. A request may carry
 *     its own guard ({@code FetchRequest.guard}): that is how one feed, and only that feed, reaches a server of
 *     our own on loopback ({@code EgressGuard.withOrigin}, the demo feed), while every other feed, and every
 *     redirect of theirs, is checked by the strict one.</li>
 * <li>{@code BodyReader} undoes gzip and deflate while streaming, with the same byte limit on the wire and after
 *     decoding, so a decompression bomb is abandoned after a few kilobytes.</li>
 * <li>{@code HostPermits} holds fair semaphores per host and in total; a host's semaphore lives only while it is
 *     in use, so the map is bounded by the fetches in flight, not by every host ever seen.</li>
 * <li>{@code RedirectTrail} and {@code RetryAfter} are the pure pieces of redirect and back-off handling;
 *     {@link io.newswatch.ingest.fetch.Backoff} turns an error streak and a {@code Retry-After} into the next
 *     delay, deterministically for a given seed.</li>
 * </ul>
 *
 * <h2>Bounds</h2>
 * Memory per fetch is at most {@code maxBodyBytes} plus buffers; requests in flight at most
 * {@code globalConcurrency}, and {@code perHostConcurrency} per host; time per hop at most
 * {@code readTimeout} once a slot is held.
 *
 * <h2>Tests</h2>
 * Each piece has a fast {@code *Test}; {@code ConditionalFetcherIT} drives the real client against a local
 * {@code com.sun.net.httpserver.HttpServer} on 127.0.0.1, admitted by an explicit allow-list. The test-scope
 * {@code GzipBombBenchmark} main prints what abandoning a 1 GiB gzip bomb costs.
 */
package io.newswatch.ingest.fetch;
