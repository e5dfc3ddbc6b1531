package io.newswatch.ingest.fetch;

import io.newswatch.net.EgressGuard;
import java.net.URI;
import java.util.Objects;

/**
 * One URL to fetch, with the validators from the last successful fetch so that an unchanged resource costs a
 * {@code 304 Not Modified} instead of a body.
 *
 * <p>The validators are stored server output, so they are not trusted: a value that is not a valid header value
 * is simply not sent, rather than failing the fetch. Blank strings count as absent.
 *
 * @param url          the absolute http(s) URL
 * @param etag         the {@code ETag} last received, sent as {@code If-None-Match}; or {@code null}
 * @param lastModified the {@code Last-Modified} last received, sent as {@code If-Modified-Since}; or {@code null}
 * @param accept       the {@code Accept} header; {@code null} sends {@code *}{@code /*}
 * @param guard        the egress check for this fetch and its redirects, or {@code null} for the fetcher's own
 *                     ({@link FetchConfig#guard()}); lets one feed reach a server of its own, see
 *                     {@link EgressGuard#withOrigin}
 */
public record FetchRequest(URI url, String etag, String lastModified, String accept, EgressGuard guard) {

    /** What a feed poll accepts: the feed formats first, then anything (some servers label feeds text/html). */
    public static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    /** What an article page fetch accepts. */
    public static final String PAGE_ACCEPT = "text/html, application/xhtml+xml, */*;q=0.5";

    public FetchRequest {
        Objects.requireNonNull(url, "url must not be null");
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
        accept = accept == null || accept.isBlank() ? "*/*" : accept;
    }

    /** A request checked by the fetcher's own guard. */
    public FetchRequest(URI url, String etag, String lastModified, String accept) {
        this(url, etag, lastModified, accept, null);
    }

    /** This request, checked by {@code other} instead of the fetcher's guard ({@code null}: the fetcher's). */
    public FetchRequest withGuard(EgressGuard other) {
        return new FetchRequest(url, etag, lastModified, accept, other);
    }

    /** A conditional feed poll. */
    public static FetchRequest feed(URI url, String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, FEED_ACCEPT);
    }

    /** An unconditional article page fetch. */
    public static FetchRequest page(URI url) {
        return new FetchRequest(url, null, null, PAGE_ACCEPT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
