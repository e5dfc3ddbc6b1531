package io.newswatch.ingest.extract;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ArticleExtractor} of newswatch, built on jsoup. See the package documentation for the steps.
 *
 * <p>Thread-safe: one instance can serve every fetcher thread. Never throws on malformed HTML; a page
 * without an article gives an empty text. A body that the plausibility check finds empty or implausibly
 * short against the page's text-dense content is recovered ({@code BodyRecovery}), and each recovery is
 * counted in {@value #RECOVERED}, tagged with its {@code reason} ({@code json_ld}, {@code prose_run}).
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

    /** Counter of bodies recovered by the plausibility check; Prometheus shows it as {@code newswatch_extraction_recovered_total}. */
    public static final String RECOVERED = "newswatch.extraction.recovered";

    private static final Logger LOG = LoggerFactory.getLogger(JsoupArticleExtractor.class);

    private final Map<BodyRecovery.Reason, Counter> recovered = new EnumMap<>(BodyRecovery.Reason.class);

    /** An extractor that counts its recoveries nowhere. */
    public JsoupArticleExtractor() {
        this(new CompositeMeterRegistry());
    }

    /**
     * An extractor that counts its recoveries in {@code metrics}.
     *
     * @throws NullPointerException when {@code metrics} is null
     */
    public JsoupArticleExtractor(MeterRegistry metrics) {
        Objects.requireNonNull(metrics, "metrics must not be null");
        for (BodyRecovery.Reason reason : BodyRecovery.Reason.values()) {
            recovered.put(reason, Counter.builder(RECOVERED).tag("reason", reason.tag())
                    .description("article bodies found empty or implausibly short and recovered").register(metrics));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException when {@code html} is null
     */
    @Override
    public ExtractedArticle extract(String html, URI pageUrl) {
        if (html == null) {
            throw new NullPointerException("html must not be null");
        }
        Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl.toString());
        PageMetadata meta = PageMetadata.of(page, pageUrl);
        String text = bodyText(page, meta, pageUrl);
        String lang = LanguageDetector.resolve(meta.lang(), meta.title() + "\n\n" + text);
        return new ExtractedArticle(meta.title(), text, meta.byline(), meta.publishedAt(), meta.canonicalUrl(), lang);
    }

    private String bodyText(Document page, PageMetadata meta, URI pageUrl) {
        Element body = page.body();
        // measured before clutter removal, which may be what lost the article
        ProseRuns.Run run = ProseRuns.longest(body);
        new ClutterRemover().clean(body);
        Blocks.wrapLooseText(body, TextStats.of(body));
        TextStats stats = TextStats.of(body);
        ArticleBodyHint hint = ArticleBodyHint.of(meta.jsonLd().articleBody());
        List<Element> content = new ContentScorer(body, stats, hint).select(Blocks.paragraphs(body, stats));
        if (content.isEmpty()) {
            // no paragraph anywhere: a page of bare text, or of nothing
            content = List.of(body);
        }
        List<TextBlock> blocks = BlockFilter.filter(TextRenderer.render(content), meta.title(), meta.byline());
        String text = BodyRecovery.join(blocks);
        String ldBody = meta.jsonLd().articleBody();
        BodyRecovery.Recovered fix = BodyRecovery.recover(text, run, ldBody == null ? null : paragraphs(ldBody),
                meta.title(), meta.byline());
        if (fix == null) {
            return text;
        }
        recovered.get(fix.reason()).increment();
        LOG.debug("extraction recovered by {} on {}: body {} chars, page prose run {} chars, now {} chars",
                fix.reason().tag(), pageUrl, TextStats.visibleChars(text), run.proseChars(),
                TextStats.visibleChars(fix.text()));
        return fix.text();
    }

    /** JSON-LD bodies separate paragraphs by line breaks, if at all; markup in them is rendered too. */
    private static String paragraphs(String ldBody) {
        String plain = ldBody.indexOf('<') >= 0 ? Jsoup.parse(ldBody).wholeText() : ldBody;
        List<String> out = new ArrayList<>();
        for (String line : plain.split("\\R+")) {
            String p = TextRenderer.collapse(line).strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return String.join("\n\n", out);
    }
}
