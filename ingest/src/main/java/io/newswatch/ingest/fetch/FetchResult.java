package io.newswatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How one {@link ConditionalFetcher#fetch} ended. Every network and HTTP problem is a result, never an exception.
 *
 * <p>The body array is handed over without a copy: the fetcher keeps no reference, and receivers should treat it
 * as read-only. {@link #equals} compares its contents.
 *
 * @param outcome           what happened
 * @param status            the HTTP status of the last response, or 0 when none was received
 * @param finalUrl          where the fetch ended: the last URL requested, or the redirect target the egress guard
 *                          refused
 * @param permanentRedirect the URL to store instead of the requested one: set only when at least one redirect was
 *                          followed, every one was 301 or 308, and the outcome is {@link Outcome#OK} or
 *                          {@link Outcome#NOT_MODIFIED}, so a feed is never moved to a failing address
 * @param body              the body after content decoding (gzip, deflate), exactly as sent otherwise (no charset
 *                          decoding); empty unless the outcome is {@link Outcome#OK}
 * @param contentType       the {@code Content-Type} header of the last response, or {@code null}
 * @param etag              the validator to send next time: the response's {@code ETag}; for
 *                          {@link Outcome#NOT_MODIFIED} without one, the request's; otherwise {@code null}
 * @param lastModified      likewise for {@code Last-Modified}
 * @param retryAfter        the parsed {@code Retry-After} of a 429 or 503, or {@code null}
 * @param error             a clear reason for any outcome other than {@code OK} and {@code NOT_MODIFIED}, else
 *                          {@code null}
 * @param elapsedMillis     wall time spent in {@code fetch}, waits for a concurrency slot included
 */
public record FetchResult(Outcome outcome, int status, URI finalUrl, URI permanentRedirect, byte[] body,
                          String contentType, String etag, String lastModified, Duration retryAfter, String error,
                          long elapsedMillis) {

    /** How a fetch ended. */
    public enum Outcome {
        /** 2xx; the body is in {@link #body()}. */
        OK,
        /** 304: the validators still match; no body. */
        NOT_MODIFIED,
        /** Any other status, or a redirect without a usable {@code Location}. */
        HTTP_ERROR,
        /** 429 or 503, with or without {@code Retry-After}: back off. */
        TOO_MANY_REQUESTS,
        /** {@code Content-Length} or the body (raw or decoded) exceeded the limit. */
        TOO_LARGE,
        /** A redirect led back to a URL already visited in this fetch. */
        REDIRECT_LOOP,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The egress guard refused the URL or a redirect target. */
        BLOCKED,
        /** The connect timeout or the read timeout passed. */
        TIMEOUT,
        /** DNS, connection, TLS or protocol failure, or a body that cannot be decoded. */
        NETWORK_ERROR
    }

    private static final byte[] EMPTY = new byte[0];

    public FetchResult {
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(finalUrl, "finalUrl must not be null");
        body = body == null ? EMPTY : body;
        if (status < 0 || status > 999) {
            throw new IllegalArgumentException("status must be 0 or an HTTP status, was " + status);
        }
    }

    /** Whether the outcome is {@link Outcome#OK}. */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchResult r && outcome == r.outcome && status == r.status
                && finalUrl.equals(r.finalUrl) && Objects.equals(permanentRedirect, r.permanentRedirect)
                && Arrays.equals(body, r.body) && Objects.equals(contentType, r.contentType)
                && Objects.equals(etag, r.etag) && Objects.equals(lastModified, r.lastModified)
                && Objects.equals(retryAfter, r.retryAfter) && Objects.equals(error, r.error)
                && elapsedMillis == r.elapsedMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, status, finalUrl, permanentRedirect, Arrays.hashCode(body), contentType, etag,
                lastModified, retryAfter, error, elapsedMillis);
    }

    /** A one-line summary for logs; the body appears as its length. */
    @Override
    public String toString() {
        return "FetchResult[" + outcome + " " + status + " " + finalUrl
                + (permanentRedirect != null ? " moved" : "")
                + " body=" + body.length + "B"
                + (retryAfter != null ? " retryAfter=" + retryAfter : "")
                + (error != null ? " error=" + error : "")
                + " " + elapsedMillis + "ms]";
    }
}
