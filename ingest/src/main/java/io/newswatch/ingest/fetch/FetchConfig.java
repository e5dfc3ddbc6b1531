package io.newswatch.ingest.fetch;

import io.newswatch.net.EgressGuard;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ConditionalFetcher} behaves. Validated on construction; immutable.
 *
 * @param connectTimeout     the longest a TCP (and TLS) connection may take to open
 * @param readTimeout        the longest one HTTP exchange may take from sending the request to the last body byte,
 *                           connection set-up included; it bounds a server that trickles its body
 * @param maxBodyBytes       the largest body accepted, counted after content decoding and also on the wire
 * @param maxRedirects       how many redirects one fetch follows; 0 follows none
 * @param perHostConcurrency how many requests may be in flight to one host name at a time
 * @param globalConcurrency  how many requests may be in flight in total
 * @param userAgent          the {@code User-Agent} sent with every request; should name the crawler and a contact URL
 * @param guard              the egress check every URL, including each redirect target, must pass
 */
public record FetchConfig(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                          int perHostConcurrency, int globalConcurrency, String userAgent, EgressGuard guard) {

    /** 10 MiB: more than any real feed or article page, far less than a decompression bomb. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public FetchConfig {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            // The body is returned as one array, which caps it just below 2 GiB.
            throw new IllegalArgumentException("maxBodyBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ", was " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
        }
        if (perHostConcurrency <= 0) {
            throw new IllegalArgumentException("perHostConcurrency must be > 0, was " + perHostConcurrency);
        }
        if (globalConcurrency <= 0) {
            throw new IllegalArgumentException("globalConcurrency must be > 0, was " + globalConcurrency);
        }
        Objects.requireNonNull(userAgent, "userAgent must not be null");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (!userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII without line breaks, was '" + userAgent + "'");
        }
        Objects.requireNonNull(guard, "guard must not be null");
    }

    /**
     * Connect timeout 10 s, read timeout 30 s, 10 MiB bodies, 5 redirects, 2 requests per host, 64 in total, and
     * the {@linkplain EgressGuard#strict() strict} egress guard.
     */
    public static FetchConfig defaults(String userAgent) {
        return new FetchConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_BODY_BYTES, 5, 2, 64,
                userAgent, EgressGuard.strict());
    }

    /** These settings with another egress guard. */
    public FetchConfig withGuard(EgressGuard other) {
        return new FetchConfig(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                globalConcurrency, userAgent, other);
    }

    /** These settings with other timeouts. */
    public FetchConfig withTimeouts(Duration connect, Duration read) {
        return new FetchConfig(connect, read, maxBodyBytes, maxRedirects, perHostConcurrency, globalConcurrency,
                userAgent, guard);
    }

    /** These settings with another body limit. */
    public FetchConfig withMaxBodyBytes(long max) {
        return new FetchConfig(connectTimeout, readTimeout, max, maxRedirects, perHostConcurrency, globalConcurrency,
                userAgent, guard);
    }

    /** These settings with other concurrency limits. */
    public FetchConfig withConcurrency(int perHost, int global) {
        return new FetchConfig(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHost, global, userAgent,
                guard);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, () -> name + " must not be null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
