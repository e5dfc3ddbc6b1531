/**
 * Article extraction: from a fetched HTML page to an {@link io.newswatch.ingest.extract.ExtractedArticle}
 * (title, body text with paragraph breaks, byline, publication time, canonical URL, language).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * ArticleExtractor extractor = new JsoupArticleExtractor();   // stateless, share it between threads
 * ExtractedArticle a = extractor.extract(html, URI.create("https://example.com/news/1"));
 * a.text();   // "First paragraph.\n\nSecond paragraph."
 * a.lang();   // "uk"
 * LanguageDetector.detect("Картелі вербують пілотів дронів");   // "uk", on any plain text
 * }</pre>
 * The extractor never fetches anything and never throws on malformed markup: a page without an article
 * gives an empty text. Its run time is linear in the page size, including on hostile pages (megabytes
 * of text on one line, tens of thousands of nested elements).
 *
 * <h2>How it works</h2>
 * <ol>
 * <li><b>Metadata first</b> ({@code PageMetadata}), before anything is removed, because bylines and dates
 *     sit in page parts that are clutter to the body. Each field has a ladder of sources, most trusted
 *     first: JSON-LD ({@code JsonLdArticle}) and meta tags ({@code MetaTags}), then microdata and common
 *     markup. Titles lose their " | Site" decoration ({@code TitleCleaner}); bylines lose "By", dates and
 *     handles ({@code Bylines}); times are read from every format pages use ({@code PublishedTimeParser}).</li>
 * <li><b>Clutter removal</b> ({@code ClutterRemover}): scripts, forms, media, captions and hidden elements;
 *     sections opened by a clutter heading such as "You may also like" or "Leia também"
 *     ({@code BoilerplatePhrases}); page furniture ({@code nav}, {@code aside}, {@code footer}, ...) and
 *     elements whose class or id names clutter: share bars, related lists, newsletter and cookie prompts,
 *     ads, comments ({@code ClassHints}). Names are matched word by word ({@code "ad"} matches
 *     {@code ad-slot} but not {@code shadow}); state flags ({@code has-comments}) and blog taxonomy
 *     classes ({@code category-social}) are ignored; an element holding most of the page's prose is not
 *     removed for a name that page wrappers also carry.</li>
 * <li><b>Scoring</b> ({@code ContentScorer}), in Readability's tradition: each paragraph votes for its
 *     ancestors by length and commas; class names, link density and a JSON-LD {@code articleBody} that
 *     confirms the paragraph ({@code ArticleBodyHint}) weigh in. The winner takes along siblings and
 *     same-class chunks that read like article text.</li>
 * <li><b>Rendering</b> ({@code TextRenderer}) as a browser lays text out: blocks and double line breaks
 *     make paragraphs; then lone clutter lines ("Advertisement", link-only list items, the repeated
 *     headline) are dropped ({@code BlockFilter}).</li>
 * <li><b>Plausibility check and recovery</b> ({@code ProseRuns}, {@code BodyRecovery}). Before clutter
 *     removal, the page is rendered once more without trusting weak class names, leaving out only
 *     furniture ({@code nav}, {@code aside}, {@code header}, {@code footer}, hidden and non-text elements)
 *     and strong clutter names (comments, share bars, related lists); its paragraphs are cut into runs of
 *     prose at every link line (menus, linked headlines), and the longest run is the page's text-dense
 *     content. Runs where headings are about as many as paragraphs are teaser lists, and a run under 400
 *     characters (800 in one paragraph) is no article. When the page holds an article and the body has
 *     less than half of its text, the body is recovered: from the JSON-LD {@code articleBody} when that is
 *     longer and contains the body's first paragraph (or the run's), else from the run, which merges the
 *     sections, {@code <div>}s and {@code <br>}-separated paragraphs around the fragment, provided the body
 *     is part of it or too short to be an article of its own. A body under 200 characters gives way to any
 *     longer {@code articleBody} (pages rendered by scripts). Each recovery is counted in
 *     {@code newswatch.extraction.recovered} with a {@code reason} tag ({@code json_ld}, {@code prose_run};
 *     Prometheus: {@code newswatch_extraction_recovered_total}) and logged at debug level with the page URL
 *     and the sizes compared; pass a registry to {@code new JsoupArticleExtractor(registry)}.</li>
 * <li><b>Language</b> ({@link io.newswatch.ingest.extract.LanguageDetector}): the declared language
 *     ({@code <html lang>}, content-language, {@code og:locale}, JSON-LD), checked against lingua's
 *     detection on the text, which wins when it clearly disagrees; detection alone when nothing is
 *     declared.</li>
 * </ol>
 * Every count these steps need (text, link text, quoted text, elements below) comes from one pass
 * ({@code TextStats}), and removals are batched ({@code BatchRemoval}), which is what keeps the whole
 * linear.
 *
 * <h2>Quality</h2>
 * {@code ExtractionEval} (tools module) runs the extractor over the public
 * article-extraction benchmark (181 pages with hand-made ground truth) and
 * {@code ExtractionScore} (tools module) scores it as the benchmark does (token 4-gram
 * overlap). {@code ZyteExtractionIT} keeps F1 at or above 0.95; trafilatura scores 0.950 there and
 * Readability.js 0.943. {@code UnseenSitesExtractionTest} scores the same way a set of invented pages in
 * the layouts that lose text on sites nobody tuned to (wire stories on portals, long posts in sections,
 * {@code <br>}-separated text, paywalled pages with a full JSON-LD body; F1 at least 0.95 and recall at
 * least 0.9 on every page), and checks that pages without an article are not padded. Rules are general
 * (words, phrases, structure), never keyed on a site.
 */
package io.newswatch.ingest.extract;
