package io.newswatch.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The redirects of one fetch: where it stands, where it has been, and whether every hop so far was permanent.
 *
 * <p>Visited URLs are compared after normalising what does not change the request (scheme and host case, a
 * default port, an empty path, the fragment), so {@code http://A.example:80/#x} and {@code http://a.example/}
 * count as one and a loop between them is caught.
 *
 * <p>Not thread-safe: one instance serves one fetch on one thread.
 */
final class RedirectTrail {

    /** What to do with a redirect. */
    enum Step { FOLLOW, LOOP, TOO_MANY }

    private final int maxRedirects;
    private final Set<String> visited = new HashSet<>();
    private URI current;
    private int followed;
    private boolean allPermanent = true;

    RedirectTrail(URI start, int maxRedirects) {
        this.current = start;
        this.maxRedirects = maxRedirects;
        visited.add(key(start));
    }

    /** Whether {@code status} is a redirect this fetcher follows. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The URL to request next. */
    URI current() {
        return current;
    }

    /**
     * Records a {@code status} redirect to {@code target}; on {@link Step#FOLLOW} it becomes {@link #current()}.
     * A loop is reported before the count, so a short loop is named as such.
     */
    Step follow(int status, URI target) {
        if (!visited.add(key(target))) {
            return Step.LOOP;
        }
        if (followed >= maxRedirects) {
            return Step.TOO_MANY;
        }
        followed++;
        allPermanent &= status == 301 || status == 308;
        current = target;
        return Step.FOLLOW;
    }

    /** The new address when at least one redirect was followed and all were 301 or 308; else {@code null}. */
    URI permanentTarget() {
        return followed > 0 && allPermanent ? current : null;
    }

    /**
     * Resolves a {@code Location} header against the URL that sent it, repairing the usual breakage (spaces and
     * raw non-ASCII bytes) by percent-encoding; returns {@code null} when it is still not a URL.
     */
    static URI resolve(URI base, String location) {
        String repaired = percentEncodeIllegal(location.strip());
        if (repaired.isEmpty()) {
            return null;
        }
        try {
            URI ref = new URI(repaired);
            if (ref.isAbsolute()) {
                return ref;
            }
            URI from = base.getRawPath() == null || base.getRawPath().isEmpty()
                    ? new URI(base.getScheme(), base.getRawAuthority(), "/", null, null)
                    : base;
            if (repaired.startsWith("?")) {
                // RFC 3986 keeps the whole base path for a query-only reference; URI.resolve (RFC 2396) drops its last segment.
                return new URI(from.getScheme() + "://" + from.getRawAuthority() + from.getRawPath() + repaired);
            }
            return from.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String key(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? String.valueOf(uri.getRawAuthority()) : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + host + ":" + port + path + query;
    }

    private static String percentEncodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                // Header values arrive decoded as ISO-8859-1, so a char up to 0xff is exactly the byte the server
                // sent (often one byte of UTF-8); encoding it as that byte restores the URL the server meant.
                appendByte(out, c);
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xff);
                }
            }
        });
        return out.toString();
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }
}
