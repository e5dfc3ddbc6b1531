package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.FetchResult.Outcome;
import io.newswatch.net.EgressGuard;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Contracts that need no server: argument checks, refusals before any connection, and result values.
 * {@link ConditionalFetcherIT} drives the fetcher against a real HTTP server.
 */
class ConditionalFetcherTest {

    private static final FetchConfig SETTINGS = FetchConfig.defaults("newswatch-test/1.0 (+https://newswatch.example/bot)");

    @Test
    void shouldRefuseForbiddenTargetsWithoutConnecting() {
        try (ConditionalFetcher fetcher = new ConditionalFetcher(SETTINGS)) {
            FetchResult metadata = fetcher.fetch(FetchRequest.page(URI.create("http://169.254.169.254/latest/meta-data/")));
            FetchResult file = fetcher.fetch(FetchRequest.page(URI.create("file:///etc/passwd")));

            assertThat(metadata.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(metadata.error()).isEqualTo(
                    "host 169.254.169.254 is the cloud metadata address (169.254.169.254/32)");
            assertThat(metadata.status()).isZero();
            assertThat(metadata.body()).isEmpty();
            assertThat(metadata.finalUrl()).isEqualTo(URI.create("http://169.254.169.254/latest/meta-data/"));
            assertThat(file.error()).isEqualTo("scheme file is not allowed (only http and https)");
        }
    }

    @Test
    void shouldReportAnUnresolvableHostAsANetworkErrorNotABlock() {
        EgressGuard noDns = EgressGuard.strict().withResolver(host -> {
            throw new java.net.UnknownHostException(host);
        });
        try (ConditionalFetcher fetcher = new ConditionalFetcher(SETTINGS.withGuard(noDns))) {
            FetchResult result = fetcher.fetch(FetchRequest.feed(URI.create("https://gone.example/rss"), "\"v1\"", null));

            assertThat(result.outcome()).isEqualTo(Outcome.NETWORK_ERROR);
            assertThat(result.error()).isEqualTo("host gone.example cannot be resolved");
            assertThat(result.etag()).isNull();
        }
    }

    @Test
    void shouldRejectNullAndUseAfterClose() {
        ConditionalFetcher fetcher = new ConditionalFetcher(SETTINGS);
        assertThatThrownBy(() -> fetcher.fetch(null))
                .isInstanceOf(NullPointerException.class).hasMessage("request must not be null");
        fetcher.close();
        fetcher.close();
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(URI.create("https://news.example/"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("fetcher is closed");
        assertThatThrownBy(() -> new ConditionalFetcher(null))
                .isInstanceOf(NullPointerException.class).hasMessage("settings must not be null");
    }

    @Test
    void shouldValidateSettingsWithPreciseMessages() {
        assertThatThrownBy(() -> SETTINGS.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> SETTINGS.withTimeouts(Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class).hasMessage("readTimeout must not be null");
        assertThatThrownBy(() -> SETTINGS.withMaxBodyBytes(0))
                .hasMessage("maxBodyBytes must be in 1..2147483639, was 0");
        assertThatThrownBy(() -> SETTINGS.withConcurrency(0, 64))
                .hasMessage("perHostConcurrency must be > 0, was 0");
        assertThatThrownBy(() -> SETTINGS.withConcurrency(2, -1))
                .hasMessage("globalConcurrency must be > 0, was -1");
        assertThatThrownBy(() -> FetchConfig.defaults(" "))
                .hasMessage("userAgent must not be blank");
        assertThatThrownBy(() -> FetchConfig.defaults("bot\r\nX-Injected: 1"))
                .hasMessage("userAgent must be printable ASCII without line breaks, was 'bot\r\nX-Injected: 1'");
        assertThatThrownBy(() -> SETTINGS.withGuard(null))
                .isInstanceOf(NullPointerException.class).hasMessage("guard must not be null");
        assertThatThrownBy(() -> new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, -1, 1, 1, "ua",
                EgressGuard.strict())).hasMessage("maxRedirects must be >= 0, was -1");
    }

    @Test
    void shouldOfferSensibleDefaults() {
        assertThat(SETTINGS).isEqualTo(new FetchConfig(Duration.ofSeconds(10), Duration.ofSeconds(30),
                10 * 1024 * 1024, 5, 2, 64, "newswatch-test/1.0 (+https://newswatch.example/bot)", EgressGuard.strict()));
    }

    @Test
    void shouldTreatBlankValidatorsAsAbsent() {
        FetchRequest request = new FetchRequest(URI.create("https://news.example/rss"), " ", "", null);

        assertThat(request).isEqualTo(new FetchRequest(URI.create("https://news.example/rss"), null, null, "*/*"));
        assertThat(FetchRequest.feed(URI.create("https://news.example/rss"), "\"v1\"", null).accept())
                .startsWith("application/rss+xml, application/atom+xml, application/feed+json");
        assertThatThrownBy(() -> FetchRequest.page(null))
                .isInstanceOf(NullPointerException.class).hasMessage("url must not be null");
    }

    @Test
    void shouldCompareResultBodiesByContentAndSummariseThemByLength() {
        URI url = URI.create("https://news.example/rss");
        FetchResult a = new FetchResult(Outcome.OK, 200, url, null, new byte[] {1, 2, 3}, "text/xml", "\"e\"", null,
                null, null, 12);
        FetchResult b = new FetchResult(Outcome.OK, 200, url, null, new byte[] {1, 2, 3}, "text/xml", "\"e\"", null,
                null, null, 12);
        FetchResult limited = new FetchResult(Outcome.TOO_MANY_REQUESTS, 429, url, null, null, null, null, null,
                Duration.ofSeconds(120), "HTTP 429, retry after 120 s", 3);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).hasToString("FetchResult[OK 200 https://news.example/rss body=3B 12ms]");
        assertThat(limited.body()).isEmpty();
        assertThat(limited).hasToString(
                "FetchResult[TOO_MANY_REQUESTS 429 https://news.example/rss body=0B retryAfter=PT2M error=HTTP 429, retry after 120 s 3ms]");
    }

    @Test
    void shouldDescribeAnExceptionByTheFirstMessageAlongItsCauses() {
        assertThat(ConditionalFetcher.describe(new IOException(new ConnectException("Connection refused"))))
                .isEqualTo("IOException: java.net.ConnectException: Connection refused");
        assertThat(ConditionalFetcher.describe(new ConnectException(null)))
                .isEqualTo("ConnectException");
        IOException wrapped = new IOException((String) null, new ConnectException("Connection refused"));
        assertThat(ConditionalFetcher.describe(wrapped)).isEqualTo("ConnectException: Connection refused");
    }
}
