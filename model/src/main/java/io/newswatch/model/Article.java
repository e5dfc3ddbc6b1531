package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A cleaned article as published by ingest on {@code newswatch.articles}.
 *
 * <p>The key on the topic is {@link #id()}, which {@link ArticleId} derives from the canonical URL,
 * so every copy of one URL lands on one partition. Immutable and thread-safe; {@code tags} is copied.
 *
 * @param schemaVersion version of this record's JSON shape, {@link #SCHEMA_VERSION} when written
 * @param id            article id, see {@link ArticleId#of(String)}
 * @param url           the URL the article was fetched from (or found in the feed)
 * @param canonicalUrl  the canonical form of the article URL, see {@link CanonicalUrl}
 * @param feedId        id of the feed it came from, or {@code null} for files and backfills
 * @param source        human name of the outlet, e.g. "Kyiv Independent"
 * @param title         the headline; may be empty, never null
 * @param text          the body as plain text, paragraphs separated by a blank line; never null
 * @param lang          ISO 639-1 language code, or {@code null} when unknown
 * @param byline        author line, or {@code null}
 * @param publishedAt   when the outlet published it, or {@code null}
 * @param publishedAtEstimated true when {@code publishedAt} could not be read and is the fetch time
 * @param fetchedAt     when ingest fetched it
 * @param tags          feed tags, never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String feedId,
        String source,
        String title,
        String text,
        String lang,
        String byline,
        Instant publishedAt,
        boolean publishedAtEstimated,
        Instant fetchedAt,
        List<String> tags) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        Validate.notBlank(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        tags = tags == null ? List.of() : List.copyOf(tags);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** Starts a builder for an article at {@code url}; id and canonical URL derive from it. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    public Builder toBuilder() {
        Builder b = new Builder(url);
        b.id = id;
        b.canonicalUrl = canonicalUrl;
        b.feedId = feedId;
        b.source = source;
        b.title = title;
        b.text = text;
        b.lang = lang;
        b.byline = byline;
        b.publishedAt = publishedAt;
        b.publishedAtEstimated = publishedAtEstimated;
        b.fetchedAt = fetchedAt;
        b.tags = tags;
        return b;
    }

    /** Mutable, single-threaded builder. */
    public static final class Builder {
        private final String url;
        private String id;
        private String canonicalUrl;
        private String feedId;
        private String source;
        private String title = "";
        private String text = "";
        private String lang;
        private String byline;
        private Instant publishedAt;
        private boolean publishedAtEstimated;
        private Instant fetchedAt;
        private List<String> tags = List.of();

        private Builder(String url) {
            this.url = url;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder canonicalUrl(String v) { canonicalUrl = v; return this; }
        public Builder feedId(String v) { feedId = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder lang(String v) { lang = v; return this; }
        public Builder byline(String v) { byline = v; return this; }
        public Builder publishedAt(Instant v) { publishedAt = v; return this; }
        public Builder publishedAtEstimated(boolean v) { publishedAtEstimated = v; return this; }
        public Builder fetchedAt(Instant v) { fetchedAt = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }

        /** Builds the article; a missing canonical URL or id is derived from the URL. */
        public Article build() {
            String canonical = canonicalUrl;
            if (canonical == null && url != null) {
                canonical = CanonicalUrl.of(url);
            }
            String articleId = id != null ? id : ArticleId.of(canonical != null ? canonical : title + "\n" + text);
            return new Article(SCHEMA_VERSION, articleId, url, canonical, feedId, source, title, text, lang, byline,
                    publishedAt, publishedAtEstimated, fetchedAt, tags);
        }
    }
}
