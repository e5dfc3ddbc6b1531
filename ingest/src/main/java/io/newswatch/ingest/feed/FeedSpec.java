package io.newswatch.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One feed to poll, as listed in a feeds YAML file or imported from OPML.
 *
 * @param id           stable identifier: lower-case letters, digits, {@code .}, {@code _}, {@code -}, starting with a
 *                     letter or digit; keys the feed's health record and seen items
 * @param url          the feed URL, absolute http or https
 * @param source       the outlet's display name; the URL's host when absent
 * @param lang         the outlet's language as an ISO 639-1 code ({@code en}, {@code es}, {@code pt}, {@code uk},
 *                     {@code ru}), or {@code null} to detect it per article
 * @param pollInterval time between polls, at least {@link #MIN_POLL_INTERVAL}; {@link #DEFAULT_POLL_INTERVAL} when
 *                     absent
 * @param fullText     whether to fetch each article page for its full text (feeds that carry only teasers)
 * @param tags         labels for grouping and routing ({@code defence}, {@code latam-security}), same alphabet as ids
 */
public record FeedSpec(String id, String url, String source, String lang, Duration pollInterval, boolean fullText, List<String> tags) {

    /** Poll interval when none is given. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(10);
    /** The shortest poll interval accepted: faster polling is impolite to publishers and gains nothing. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(30);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /**
     * Validates every component; {@code tags} is copied.
     *
     * @throws IllegalArgumentException naming the component and the rejected value
     * @throws NullPointerException     when {@code id} or {@code url} is null
     */
    public FeedSpec {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(url, "url must not be null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match [a-z0-9][a-z0-9._-]*, was '" + id + "'");
        }
        String host = httpHost(url);
        if (host == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL, was '" + url + "'");
        }
        source = source == null || source.isBlank() ? host : source.strip();
        if (lang != null && !(lang.length() == 2 && ISO_639_1.contains(lang))) {
            throw new IllegalArgumentException("lang must be a lower-case ISO 639-1 code such as en, es, pt, uk or ru, was '" + lang + "'");
        }
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("pollInterval must be at least 30s, was " + DurationText.format(pollInterval));
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        for (String tag : tags) {
            if (!ID.matcher(tag).matches()) {
                throw new IllegalArgumentException("tags must match [a-z0-9][a-z0-9._-]*, was '" + tag + "'");
            }
        }
    }

    /** The host of an absolute http(s) URL, or {@code null} when {@code url} is not one. */
    static String httpHost(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return uri.getHost();
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
