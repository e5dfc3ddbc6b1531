package io.newswatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.JsoupArticleExtractor;

/** The article extractor every path uses (feeds, {@code extract}, {@code scan}, {@code ingest --from-dir}). */
public final class Extractors {
    private static final ArticleExtractor STANDARD = new JsoupArticleExtractor();

    private Extractors() {
    }

    /** The shared, thread-safe extractor. */
    public static ArticleExtractor standard() {
        return STANDARD;
    }

    /**
     * The same extractor, counting the bodies it recovers in {@code metrics}
     * ({@value JsoupArticleExtractor#RECOVERED}); for the long-running services.
     *
     * @throws NullPointerException when {@code metrics} is null
     */
    public static ArticleExtractor counting(MeterRegistry metrics) {
        return new JsoupArticleExtractor(metrics);
    }
}
