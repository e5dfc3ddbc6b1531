package io.newswatch.ingest;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The ingest service's settings, read once from {@link Config}.
 *
 * @param feeds              feed list file, or {@code null} for the bundled curated list
 * @param userAgent          User-Agent sent with every request
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        total time allowed for one response
 * @param maxBodyBytes       cap on a (decompressed) feed or page body
 * @param perHostConcurrency parallel requests per host
 * @param globalConcurrency  parallel requests in all
 * @param egressAllow        CIDRs that may be fetched although private or loopback
 * @param backoffBase        first delay after a failed poll
 * @param backoffMax         longest delay between polls of a failing feed
 * @param seenPerFeed        item keys remembered per feed (bounds the ingest-state records)
 * @param group              consumer group that spreads feeds over ingest instances
 * @param maxPublishedLag    how long before its fetch an article's publication time may lie and still be its event time
 */
public record IngestConfig(Path feeds, String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                           int perHostConcurrency, int globalConcurrency, List<String> egressAllow, Duration backoffBase,
                           Duration backoffMax, int seenPerFeed, String group, Duration maxPublishedLag) {

    public static final ConfigKey<Path> FEEDS = ConfigKey.of("ingest.feeds", ConfigType.PATH, null,
            "Feed list YAML (format in the README's Feeds section); unset = the bundled curated list of outlets on this beat.");
    public static final ConfigKey<String> USER_AGENT = ConfigKey.of("ingest.userAgent", ConfigType.STRING,
            "newswatch/0.1 (+https://github.com/newswatch/newswatch; news monitor)", "User-Agent sent with every feed and page request.");
    public static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.of("ingest.connectTimeout", ConfigType.DURATION_TYPE, Duration.ofSeconds(10),
            "TCP connect timeout.").validatedBy(d -> !d.isNegative() && !d.isZero(), "must be > 0");
    public static final ConfigKey<Duration> READ_TIMEOUT = ConfigKey.of("ingest.readTimeout", ConfigType.DURATION_TYPE, Duration.ofSeconds(30),
            "Longest time for one whole response, including slow trickling servers.").validatedBy(d -> !d.isNegative() && !d.isZero(), "must be > 0");
    public static final ConfigKey<Long> MAX_BODY_BYTES = ConfigKey.of("ingest.maxBodyBytes", ConfigType.LONG, 10L * 1024 * 1024,
            "Largest feed or page body accepted, counted after decompression (gzip bombs stop here); also the largest article file read by scan and ingest --from-dir.").validatedBy(n -> n >= 1024, "must be >= 1024");
    public static final ConfigKey<Integer> PER_HOST = ConfigKey.of("ingest.perHostConcurrency", ConfigType.INT, 2,
            "Parallel requests to one host.").validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<Integer> GLOBAL = ConfigKey.of("ingest.globalConcurrency", ConfigType.INT, 64,
            "Parallel requests in all.").validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<List<String>> EGRESS_ALLOW = ConfigKey.of("ingest.egressAllow", ConfigType.LIST, List.of(),
            "CIDRs that may be fetched even though they are loopback, private or link-local (e.g. 10.1.2.0/24 for an internal feed).");
    public static final ConfigKey<Duration> BACKOFF_BASE = ConfigKey.of("ingest.backoffBase", ConfigType.DURATION_TYPE, Duration.ofMinutes(1),
            "First delay after a failed poll; doubles per consecutive failure, with jitter.").validatedBy(d -> d.toMillis() >= 100, "must be >= 100ms");
    public static final ConfigKey<Duration> BACKOFF_MAX = ConfigKey.of("ingest.backoffMax", ConfigType.DURATION_TYPE, Duration.ofHours(6),
            "Longest delay between polls of a failing feed.").validatedBy(d -> d.toSeconds() >= 1, "must be >= 1s");
    public static final ConfigKey<Integer> SEEN_PER_FEED = ConfigKey.of("ingest.seenPerFeed", ConfigType.INT, 2000,
            "Item ids remembered per feed, newest first; must exceed the items a feed shows at once.").validatedBy(n -> n >= 10, "must be >= 10");
    public static final ConfigKey<String> GROUP = ConfigKey.of("ingest.group", ConfigType.STRING, "newswatch-ingest",
            "Consumer group through which ingest instances share the feeds (each feed is polled by one instance).");

    public static final ConfigKey<Duration> MAX_PUBLISHED_LAG = ConfigKey.of("ingest.maxPublishedLag", ConfigType.DURATION_TYPE,
            Duration.ofHours(72),
            "An article's record timestamp (its event time, which stories, duplicates and replays run on) is its publication time when known, not after the fetch and at most this long before it; otherwise the fetch time.")
            .validatedBy(d -> !d.isNegative(), "must not be negative");

    public static final List<ConfigKey<?>> KEYS = List.of(FEEDS, USER_AGENT, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_BODY_BYTES, PER_HOST, GLOBAL,
            EGRESS_ALLOW, BACKOFF_BASE, BACKOFF_MAX, SEEN_PER_FEED, GROUP, MAX_PUBLISHED_LAG);

    public static IngestConfig from(Config c) {
        return new IngestConfig(c.get(FEEDS), c.get(USER_AGENT), c.get(CONNECT_TIMEOUT), c.get(READ_TIMEOUT), c.get(MAX_BODY_BYTES),
                c.get(PER_HOST), c.get(GLOBAL), c.get(EGRESS_ALLOW), c.get(BACKOFF_BASE), c.get(BACKOFF_MAX), c.get(SEEN_PER_FEED), c.get(GROUP),
                c.get(MAX_PUBLISHED_LAG));
    }
}
