package io.newswatch.ingest.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strips the site name that pages add to their titles: {@code "Cartels recruit drone pilots | Example
 * News"}, {@code "Example News - Cartels recruit drone pilots"}.
 *
 * <p>When one part is the page's main heading, that part is the title. Otherwise a part is taken off
 * when it is the site name (from {@code og:site_name}, or the host name without
 * {@code www.} and the top-level domain), or, for the {@code " | "} separator that almost only sites use,
 * when it is short. Headlines that merely contain a dash keep it. Stateless and thread-safe.
 */
final class TitleCleaner {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-\u2013\u2014\u00b7\u2022:\u00bb/]|::)\\s+");
    private static final Pattern PIPE = Pattern.compile("\\s+\\|\\s+");

    /** Longer titles are markup gone wrong; cutting them keeps the work bounded. */
    static final int MAX_LENGTH = 1_000;

    private TitleCleaner() {
    }

    /**
     * @param title    the raw title, not null
     * @param siteName the site's name, or {@code null}
     * @param host     the page's host name, or {@code null}
     * @param heading  the page's main heading ({@code h1}), or {@code null}: a title part equal to it is the headline
     */
    static String clean(String title, String siteName, String host, String heading) {
        String t = TextRenderer.collapse(title.length() > MAX_LENGTH ? title.substring(0, MAX_LENGTH) : title).strip();
        String[] parts = SEPARATOR.split(t);
        if (parts.length < 2) {
            return t;
        }
        if (heading != null) {
            String h = ArticleBodyHint.normalise(heading);
            for (String part : parts) {
                if (!h.isEmpty() && ArticleBodyHint.normalise(part).equals(h)) {
                    return part.strip();
                }
            }
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (isSiteName(last, siteName, host)) {
            return t.substring(0, t.length() - last.length()).replaceFirst(SEPARATOR.pattern() + "$", "").strip();
        }
        if (isSiteName(first, siteName, host)) {
            return t.substring(first.length()).replaceFirst("^" + SEPARATOR.pattern(), "").strip();
        }
        String[] pipeParts = PIPE.split(t);
        if (pipeParts.length >= 2) {
            String tail = pipeParts[pipeParts.length - 1];
            String head = t.substring(0, t.length() - tail.length()).replaceFirst(PIPE.pattern() + "$", "").strip();
            if (words(tail) <= 4 && words(head) >= words(tail)) {
                return head;
            }
        }
        return t;
    }

    private static boolean isSiteName(String part, String siteName, String host) {
        String p = squash(part);
        if (p.isEmpty()) {
            return false;
        }
        if (siteName != null && !siteName.isBlank()) {
            String s = squash(siteName);
            if (p.equals(s) || (s.length() >= 4 && p.startsWith(s) && p.length() <= s.length() + 12)) {
                return true;
            }
        }
        if (host != null) {
            String h = host.toLowerCase(Locale.ROOT).replaceFirst("^(www|m|amp|news)\\.", "");
            int dot = h.indexOf('.');
            String name = squash(dot > 0 ? h.substring(0, dot) : h);
            return name.length() >= 3 && (p.equals(name) || p.equals(squash(h)));
        }
        return false;
    }

    /** Lower case, letters and digits only: "The Kyiv Independent" and "kyivindependent" compare. */
    private static String squash(String s) {
        String norm = ArticleBodyHint.normalise(s).replace(" ", "");
        return norm.startsWith("the") && norm.length() > 6 ? norm.substring(3) : norm;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
