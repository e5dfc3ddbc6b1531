package io.newswatch.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL canonicalisation, so that copies of one page found through different links share one article id.
 *
 * <p>Rules, applied in order: scheme and host lower-cased; an IDN host converted to ASCII (punycode);
 * the default port, the fragment, a trailing {@code ?} and empty path segments dropped; an empty path
 * becomes {@code /}; tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid},
 * ... see {@link #TRACKING}) removed while the order of the others is kept; AMP variants
 * ({@code amp.} host, {@code /amp} path segment, {@code .amp} suffix, {@code amp} or {@code outputType=amp}
 * parameter) mapped to the plain page. Percent-encoding is left as the publisher wrote it.
 *
 * <p>Pure function, thread-safe. Input that is not an absolute http(s) URL comes back trimmed but otherwise
 * unchanged, so that it still yields a stable id.
 */
public final class CanonicalUrl {

    /** Query parameters that only track the reader and never select content. */
    static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "rb_clickid",
            "s_cid", "cmpid", "ncid", "sr_share", "ocid", "spm", "share", "ref_src", "ref_url", "amp", "outputtype",
            "__twitter_impression", "ito", "at_medium", "at_campaign", "guccounter", "guce_referrer", "guce_referrer_sig");

    private static final Pattern TRACKING_PREFIX = Pattern.compile("^(utm_|pk_|mtm_|hsa_|at_|stm_).*");
    private static final Pattern AMP_SUFFIX = Pattern.compile("(?i)\\.amp(\\.html?)?$");

    private CanonicalUrl() {
    }

    /** Returns the canonical form of {@code url}. */
    public static String of(String url) {
        Validate.notNull(url, "url");
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
            return trimmed;
        }
        String host = hostOf(uri);
        if (host == null) {
            return trimmed;
        }
        if (host.startsWith("amp.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);

        StringBuilder out = new StringBuilder(trimmed.length());
        out.append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path(uri.getRawPath()));
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves non-ASCII (IDN) hosts unparsed; take them from the authority.
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            host = authority.substring(at + 1);
            int colon = host.lastIndexOf(':');
            if (colon > 0 && !host.endsWith("]")) {
                host = host.substring(0, colon);
            }
        }
        if (host.isEmpty()) {
            return null;
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> kept = new ArrayList<>();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.isEmpty() && !last) {
                continue;
            }
            if (s.equalsIgnoreCase("amp")) {
                continue;
            }
            kept.add(last ? AMP_SUFFIX.matcher(s).replaceFirst("$1") : s);
        }
        String joined = "/" + String.join("/", kept);
        return joined.replaceAll("/{2,}", "/");
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (TRACKING.contains(name) || TRACKING_PREFIX.matcher(name).matches()) {
                continue;
            }
            kept.add(pair);
        }
        return String.join("&", kept);
    }
}
