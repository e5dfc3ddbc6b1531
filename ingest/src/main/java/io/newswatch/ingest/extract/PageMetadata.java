package io.newswatch.ingest.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article outside the body text: title, byline, publication time, canonical
 * URL and declared language, read from meta tags, JSON-LD, microdata and common markup, in that order of
 * trust. Read before any clutter is removed, since bylines and dates live in page parts that are clutter
 * to the body. Immutable and thread-safe.
 *
 * @param title        headline without site-name decoration, never null (empty when unknown)
 * @param byline       author names, comma separated, or {@code null}
 * @param publishedAt  publication time, or {@code null}
 * @param canonicalUrl absolute canonical URL, or {@code null}
 * @param lang         declared ISO 639-1 language, or {@code null}
 * @param jsonLd       the page's JSON-LD article, {@link JsonLdArticle#NONE} when absent
 */
record PageMetadata(String title, String byline, Instant publishedAt, String canonicalUrl, String lang,
                    JsonLdArticle jsonLd) {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private static final String[] TITLE_META = {"og:title", "twitter:title"};
    private static final String[] PRIMARY_DATE_META = {"article:published_time", "og:published_time", "datePublished"};
    private static final String[] DATE_META = {"pubdate", "publishdate", "publish-date", "publish_date",
            "published_time", "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
            "dcterms.created", "dcterms.issued", "date"};
    private static final String[] TIME_SELECTORS = {"time[datetime][pubdate], [itemprop=datePublished][datetime]",
            "article time[datetime]", "time[datetime]"};

    /** Reads the metadata of {@code page}; does not modify it. */
    static PageMetadata of(Document page, URI pageUrl) {
        JsonLdArticle ld = JsonLdArticle.of(page);
        MetaTags meta = MetaTags.of(page);
        return new PageMetadata(title(page, meta, ld, pageUrl), Bylines.find(page, meta, ld), published(page, meta, ld),
                canonical(page, meta, pageUrl), language(page, meta, ld), ld);
    }

    private static String title(Document page, MetaTags meta, JsonLdArticle ld, URI pageUrl) {
        String siteName = meta.first("og:site_name", "application-name");
        String raw = meta.first(TITLE_META);
        if (raw == null || raw.equalsIgnoreCase(siteName)) {
            // some sites put their own name in og:title on every page
            raw = ld.headline();
        }
        Element h = page.selectFirst("h1");
        if (h == null) {
            h = page.selectFirst("h2");
        }
        String heading = h == null ? null : Bylines.textUpTo(h, TitleCleaner.MAX_LENGTH).strip();
        if (raw == null) {
            raw = heading != null && !heading.isEmpty() ? heading : page.title();
        }
        return TitleCleaner.clean(raw, siteName, pageUrl == null ? null : pageUrl.getHost(), heading);
    }

    /**
     * The ladder, most trusted first: the Open Graph article time, the JSON-LD article's, other
     * publication meta tags, then {@code <time>} elements, those marked as the publication time before
     * those inside the article before any (which may date a related story or the page itself).
     */
    private static Instant published(Document page, MetaTags meta, JsonLdArticle ld) {
        Instant t = PublishedTimeParser.parse(meta.first(PRIMARY_DATE_META));
        if (t == null) {
            t = PublishedTimeParser.parse(ld.datePublished());
        }
        for (int i = 0; t == null && i < DATE_META.length; i++) {
            t = PublishedTimeParser.parse(meta.first(DATE_META[i]));
        }
        for (String selector : TIME_SELECTORS) {
            if (t != null) {
                break;
            }
            for (Element time : page.select(selector)) {
                t = PublishedTimeParser.parse(time.attr("datetime"));
                if (t != null) {
                    break;
                }
            }
        }
        return t;
    }

    private static String canonical(Document page, MetaTags meta, URI pageUrl) {
        for (Element link : page.select("link[rel~=(?i)^canonical$][href]")) {
            String url = absolute(link.attr("href"), pageUrl);
            if (url != null) {
                return url;
            }
        }
        return absolute(meta.first("og:url"), pageUrl);
    }

    /** {@code href} made absolute against {@code base}; {@code null} when it is not an http(s) URL. */
    static String absolute(String href, URI base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(href.strip().replace(" ", "%20"));
            if (!uri.isAbsolute()) {
                if (base == null) {
                    return null;
                }
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String language(Document page, MetaTags meta, JsonLdArticle ld) {
        Element html = page.selectFirst("html");
        String[] declared = {
                html == null ? null : html.attr("lang"),
                html == null ? null : html.attr("xml:lang"),
                meta.first("content-language", "language", "og:locale", "dc.language"),
                ld.inLanguage()};
        for (String value : declared) {
            String code = isoCode(value);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** "en-GB", "pt_BR", "UK" to "en", "pt", "uk"; {@code null} for anything that is not an ISO 639-1 code. */
    static String isoCode(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < v.length() && Character.isLetter(v.charAt(cut))) {
            cut++;
        }
        String code = v.substring(0, cut);
        return code.length() == 2 && ISO_LANGUAGES.contains(code) ? code : null;
    }
}
