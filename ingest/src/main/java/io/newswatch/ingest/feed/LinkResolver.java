package io.newswatch.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Resolves links found in a feed against the feed's URL.
 *
 * <p>Only {@code http} and {@code https} results with a host are returned: an item link is later fetched and
 * shown to analysts, so {@code javascript:}, {@code file:} or {@code data:} links are dropped rather than
 * passed on. Spaces and non-ASCII characters, common in hand-written feeds, are percent-encoded (UTF-8) first.
 * Stateless and thread-safe.
 */
final class LinkResolver {

    private LinkResolver() {
    }

    /**
     * Returns {@code href} made absolute against {@code base}, or {@code null} when it is blank, unparseable or
     * not an http(s) URL.
     */
    static String resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        URI ref = parse(href.strip());
        if (ref == null) {
            return null;
        }
        URI resolved;
        try {
            resolved = ref.isAbsolute() || base == null ? ref : withRootPath(base).resolve(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = resolved.getScheme();
        if (scheme == null || resolved.getHost() == null) {
            return null;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") ? resolved.toString() : null;
    }

    private static URI parse(String href) {
        try {
            return new URI(href);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeIllegal(href));
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }

    /** java.net.URI resolves "x" against "http://host" to "http://hostx"; give such a base its "/" path. */
    private static URI withRootPath(URI base) {
        if (base.isOpaque() || base.getRawPath() == null || !base.getRawPath().isEmpty() || base.getHost() == null) {
            return base;
        }
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        } catch (URISyntaxException e) {
            return base;
        }
    }

    private static String encodeIllegal(String href) {
        StringBuilder out = new StringBuilder(href.length() + 16);
        boolean seenFragment = false;
        for (int i = 0; i < href.length(); ) {
            int cp = href.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '#') {
                if (seenFragment) {
                    out.append("%23");
                    continue;
                }
                seenFragment = true;
            }
            boolean strayPercent = cp == '%' && !(i + 1 < href.length() && isHex(href.charAt(i)) && isHex(href.charAt(i + 1)));
            if (cp > 0x20 && cp < 0x7F && "\"<>\\^`{|}".indexOf(cp) < 0 && !strayPercent) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
