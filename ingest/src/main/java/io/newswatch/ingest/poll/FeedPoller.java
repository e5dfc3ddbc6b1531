package io.newswatch.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedParseException;
import io.newswatch.ingest.feed.FeedParser;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.ParsedFeed;
import io.newswatch.ingest.fetch.Backoff;
import io.newswatch.ingest.fetch.ConditionalFetcher;
import io.newswatch.net.EgressGuard;
import io.newswatch.ingest.fetch.FetchRequest;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.model.Article;
import io.newswatch.model.CanonicalUrl;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.FeedState;
import io.newswatch.model.topic.DeadLetters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One poll of one feed: conditional fetch, parse, and for each unseen item build the article (fetching and
 * extracting the page when the feed is full-text). The poll publishes nothing itself: it returns the articles,
 * the dead letters and the feed's next state, which the {@link FeedCoordinator} writes to Kafka in one
 * transaction, so an item is marked seen exactly when its article is committed. Never throws: a broken feed or
 * page becomes a logged, counted, dead-lettered error and a backoff, and the items that did work still flow.
 *
 * <p>Thread-safe: polls of different feeds may run concurrently; one feed is never polled twice at once
 * (the scheduler guarantees it).
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** A page whose extracted text is shorter than the feed's own text is not trusted over the feed. */
    private static final int MIN_PAGE_TEXT = 200;

    private final ConditionalFetcher fetcher;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final Backoff backoff;
    private final int seenCap;
    private final MeterRegistry metrics;
    private final Clock clock;
    /** Feed id → the egress guard of that feed's fetches (feed and pages), where it differs from the fetcher's. */
    private final Map<String, EgressGuard> guards;

    public FeedPoller(ConditionalFetcher fetcher, FeedParser parser, ArticleExtractor extractor, Backoff backoff, int seenCap,
                      MeterRegistry metrics, Clock clock) {
        this(fetcher, parser, extractor, backoff, seenCap, metrics, clock, Map.of());
    }

    private FeedPoller(ConditionalFetcher fetcher, FeedParser parser, ArticleExtractor extractor, Backoff backoff, int seenCap,
                       MeterRegistry metrics, Clock clock, Map<String, EgressGuard> guards) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.extractor = extractor;
        this.backoff = backoff;
        this.seenCap = seenCap;
        this.metrics = metrics;
        this.clock = clock;
        this.guards = Map.copyOf(guards);
    }

    /**
     * This poller, fetching the feeds named in {@code byFeedId} (and their pages and redirects) through their own
     * egress guard instead of the fetcher's: how the demo feed alone reaches its server on the loopback interface.
     */
    public FeedPoller withFeedGuards(Map<String, EgressGuard> byFeedId) {
        return new FeedPoller(fetcher, parser, extractor, backoff, seenCap, metrics, clock, byFeedId);
    }

    /**
     * The outcome of a poll, to be written atomically: the new articles, what could not be ingested, and the
     * feed's next state (whose seen keys include the new articles' items) and health.
     */
    public record PollResult(FeedState state, FeedHealth health, List<Article> articles, List<DeadLetter> deadLetters) {
        public PollResult {
            articles = List.copyOf(articles);
            deadLetters = List.copyOf(deadLetters);
        }
    }

    /** Polls {@code feed} once from {@code state}. */
    public PollResult poll(FeedSpec feed, FeedState state) {
        // every line logged during the poll carries the feed (a field of its own in JSON logs)
        try (MDC.MDCCloseable ignored = MDC.putCloseable("feed", feed.id())) {
            List<DeadLetter> dead = new ArrayList<>();
            PollResult r = poll(feed, state, dead);
            return new PollResult(r.state(), r.health(), r.articles(), dead);
        }
    }

    private PollResult poll(FeedSpec feed, FeedState state, List<DeadLetter> dead) {
        Instant start = clock.instant();
        String url = state.url() != null && feed.url().equals(state.configuredUrl()) ? state.url() : feed.url();
        FetchResult r = fetcher.fetch(new FetchRequest(URI.create(url), state.etag(), state.lastModified(), FEED_ACCEPT, guards.get(feed.id())));
        metrics.counter("newswatch.ingest.polls", "outcome", r.outcome().name()).increment();
        return switch (r.outcome()) {
            case NOT_MODIFIED -> done(feed, state, r, true, 0, List.of(), start);
            case OK -> parsed(feed, state.withValidators(r.permanentRedirect() != null ? r.permanentRedirect().toString() : url,
                    r.etag(), r.lastModified()), r, start, dead);
            default -> failed(feed, state, r, r.outcome() + ": " + r.error(), r.retryAfter(), start, dead);
        };
    }

    private PollResult parsed(FeedSpec feed, FeedState state, FetchResult r, Instant start, List<DeadLetter> dead) {
        if (r.permanentRedirect() != null) {
            LOG.info("feed {} moved permanently to {}; polling the new URL from now on", feed.id(), r.permanentRedirect());
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(r.body(), r.contentType(), r.finalUrl());
        } catch (FeedParseException e) {
            // the validators belong to a broken body: forget them so that the next poll fetches in full
            return failed(feed, state.withValidators(state.url(), null, null), r, "unparseable feed: " + e.getMessage(), null, start, dead);
        }
        Map<String, FeedItem> fresh = new LinkedHashMap<>();
        for (FeedItem item : parsed.items()) {
            if (!state.hasSeen(item.key())) {
                fresh.putIfAbsent(item.key(), item);
            }
        }
        List<Article> articles = new ArrayList<>();
        List<String> handled = new ArrayList<>();
        for (FeedItem item : fresh.values()) {
            try {
                articles.add(toArticle(feed, parsed, item, dead));
            } catch (RuntimeException e) {
                // recorded as a dead letter and marked seen, so that one poisonous item is not retried forever
                LOG.warn("feed {}: item {} skipped: {}", feed.id(), item.key(), e.toString());
                metrics.counter("newswatch.ingest.items.failed").increment();
                dead.add(DeadLetters.ofInput("ingest", feed.id(), item.key(), e.getClass().getName(),
                        "item of feed " + feed.id() + " could not be turned into an article: " + e.getMessage(), clock.instant()));
            }
            handled.add(item.key());
        }
        // feeds list newest first: remember the newest keys at the front
        FeedState next = state.withSeen(handled, seenCap);
        return done(feed, next, r, false, parsed.items().size(), articles, start);
    }

    private Article toArticle(FeedSpec feed, ParsedFeed parsed, FeedItem item, List<DeadLetter> dead) {
        Instant now = clock.instant();
        String link = item.link();
        String feedText = HtmlText.blocksToText(item.contentHtml());
        if (feedText.length() < item.summary().length()) {
            feedText = item.summary();
        }
        ExtractedArticle page = null;
        if (feed.fullText() && link != null) {
            page = fetchPage(feed, link, dead);
        }
        boolean usePage = page != null && page.text().length() >= Math.min(MIN_PAGE_TEXT, Math.max(1, feedText.length()));
        String text = usePage ? page.text() : feedText;
        String title = !item.title().isBlank() ? item.title() : page != null ? page.title() : "";
        Instant published = item.publishedAt() != null ? item.publishedAt() : page != null ? page.publishedAt() : null;
        String lang = page != null && page.lang() != null ? page.lang() : feed.lang() != null ? feed.lang() : parsed.lang();
        String canonical = link == null ? null : canonicalOf(link, page);
        Article.Builder b = Article.builder(link != null ? link : feed.url() + "#" + item.key())
                .feedId(feed.id())
                .source(feed.source())
                .title(title)
                .text(text)
                .lang(lang == null ? null : lang.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0])
                .byline(item.author() != null ? item.author() : page != null ? page.byline() : null)
                .publishedAt(published != null ? published : now)
                .publishedAtEstimated(published == null)
                .fetchedAt(now)
                .tags(feed.tags());
        if (canonical != null) {
            b.canonicalUrl(canonical);
        }
        return b.build();
    }

    /** The page's canonical URL when it is a plausible article URL on the same site, else the link's canonical form. */
    private static String canonicalOf(String link, ExtractedArticle page) {
        String fromLink = CanonicalUrl.of(link);
        if (page == null || page.canonicalUrl() == null) {
            return fromLink;
        }
        try {
            URI c = URI.create(CanonicalUrl.of(page.canonicalUrl()));
            URI l = URI.create(fromLink);
            boolean sameSite = c.getHost() != null && l.getHost() != null && registrable(c.getHost()).equals(registrable(l.getHost()));
            boolean isArticle = c.getPath() != null && c.getPath().length() > 1;
            return sameSite && isArticle ? c.toString() : fromLink;
        } catch (IllegalArgumentException e) {
            return fromLink;
        }
    }

    private static String registrable(String host) {
        String[] parts = host.split("\\.");
        return parts.length <= 2 ? host : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private ExtractedArticle fetchPage(FeedSpec feed, String link, List<DeadLetter> dead) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            pageFailed(feed, link, "not a valid URL: " + e.getMessage(), "IllegalArgumentException", dead);
            return null;
        }
        FetchResult page = fetcher.fetch(new FetchRequest(uri, null, null, PAGE_ACCEPT, guards.get(feed.id())));
        metrics.counter("newswatch.ingest.pages", "outcome", page.outcome().name()).increment();
        if (page.outcome() != FetchResult.Outcome.OK) {
            pageFailed(feed, link, page.outcome() + ": " + page.error(), "FetchFailure", dead);
            return null;
        }
        try {
            return extractor.extract(HtmlText.decode(page.body(), page.contentType()), page.finalUrl());
        } catch (RuntimeException e) {
            pageFailed(feed, link, "extraction failed: " + e, e.getClass().getName(), dead);
            return null;
        }
    }

    private void pageFailed(FeedSpec feed, String link, String why, String errorClass, List<DeadLetter> dead) {
        // the article is still published, from the feed's own text
        LOG.warn("feed {}: page {} not used ({}); publishing the feed's text instead", feed.id(), link, why);
        dead.add(DeadLetters.ofInput("ingest", link, null, errorClass, "page of feed " + feed.id() + ": " + why, clock.instant()));
    }

    private PollResult failed(FeedSpec feed, FeedState state, FetchResult r, String error, Duration retryAfter, Instant start,
                              List<DeadLetter> dead) {
        int streak = state.errorStreak() + 1;
        Instant next = start.plus(backoff.next(streak, retryAfter));
        LOG.warn("feed {} ({}) failed ({} in a row), next try at {}: {}", feed.id(), state.url(), streak, next, error);
        metrics.counter("newswatch.ingest.feed.errors", "feed", feed.id()).increment();
        dead.add(DeadLetters.ofInput("ingest", feed.id(), state.url(), "FeedFailure", "feed " + feed.id() + " (" + state.url() + "): " + error,
                clock.instant()));
        FeedState s = state.withOutcome(false, false, start, next);
        return new PollResult(s, health(feed, s, r, error, 0, 0, start), List.of(), List.of());
    }

    private PollResult done(FeedSpec feed, FeedState state, FetchResult r, boolean notModified, int items, List<Article> articles,
                            Instant start) {
        Instant next = start.plus(feed.pollInterval());
        FeedState s = state.withOutcome(true, notModified, start, next);
        if (!articles.isEmpty()) {
            LOG.info("feed {}: {} new of {} items", feed.id(), articles.size(), items);
        }
        return new PollResult(s, health(feed, s, r, null, items, articles.size(), start), articles, List.of());
    }

    private static FeedHealth health(FeedSpec feed, FeedState s, FetchResult r, String error, int items, int published, Instant at) {
        return new FeedHealth(FeedHealth.SCHEMA_VERSION, feed.id(), s.url(), at, s.lastSuccessAt(), r.status(), error, items, published,
                s.polls(), s.notModified(), s.errorStreak(), s.nextPollAt());
    }
}
