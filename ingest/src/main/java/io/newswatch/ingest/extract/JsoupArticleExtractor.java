package io.newswatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The {@link ArticleExtractor} of newswatch, built on jsoup. See the package documentation for the steps.
 *
 * <p>Thread-safe and stateless: one instance can serve every fetcher thread. Never throws on malformed
 * HTML; a page without an article gives an empty text.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

    /** Bodies shorter than this, with a longer JSON-LD articleBody on the page, give way to the latter. */
    private static final int SHORT_BODY = 200;

    public JsoupArticleExtractor() {
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
        String text = bodyText(page, meta);
        String lang = LanguageDetector.resolve(meta.lang(), meta.title() + "\n\n" + text);
        return new ExtractedArticle(meta.title(), text, meta.byline(), meta.publishedAt(), meta.canonicalUrl(), lang);
    }

    private static String bodyText(Document page, PageMetadata meta) {
        Element body = page.body();
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
        String text = join(blocks);
        String ldBody = meta.jsonLd().articleBody();
        if (text.length() < SHORT_BODY && ldBody != null && ldBody.strip().length() > text.length()) {
            return paragraphs(ldBody);
        }
        return text;
    }

    private static String join(List<TextBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : blocks) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
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
