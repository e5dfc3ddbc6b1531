package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds who wrote an article: the JSON-LD {@code author} persons first (meta {@code author} is often the
 * publisher, "Condé Nast"), then author meta tags, then microdata and {@code rel=author} links, then
 * elements with byline class names. Each candidate is cleaned of what sites print around names ("By",
 * "Published 10:02 AM EST Nov 19, 2019", "@handle", "2 min read"); the first that still holds a name wins.
 *
 * <p>Stateless and thread-safe; the page is not modified.
 */
final class Bylines {

    static final int MAX_LENGTH = 100;

    private static final String[] AUTHOR_META = {"author", "article:author", "byl", "parsely-author",
            "sailthru.author", "dc.creator", "dcterms.creator"};

    private static final String DOM_SELECTORS = "[itemprop=author] [itemprop=name], [itemprop=author], [rel=author], "
            + ".byline, .by-line, .article-byline, .author-name, .article-author, .byline-name, .author, "
            + "[class*=byline], [class*=author-name]";

    private static final Pattern BY = Pattern.compile(
            "^(?iu)(?:(?:analysis|story|words|text|reporting|report|written|posted|opinion|commentary|column)\\s+)?"
                    + "(?:by|from|por|par|von|door|przez|від|автор|автори|авторы)(?:\\s*:\\s*|\\s+)");
    /** Where the name ends and the page's decoration (time, reading time, actions) starts. */
    private static final Pattern TAIL = Pattern.compile(
            "(?iu)\\s*(?:[|•·\\n]|\\b(?:published|updated|posted|print this|last updated|min read)\\b"
                    + "|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
                    + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
                    + "|\\b\\d{1,2}\\.?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\s+\\d{4}\\b"
                    + "|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b).*$",
            Pattern.DOTALL);
    private static final Pattern HANDLE = Pattern.compile("\\s*@\\w+");

    private Bylines() {
    }

    /** @return the author names, comma separated, or {@code null} */
    static String find(Document page, MetaTags meta, JsonLdArticle ld) {
        List<String> candidates = new ArrayList<>();
        if (!ld.authors().isEmpty()) {
            candidates.add(String.join(", ", ld.authors()));
        }
        for (String name : AUTHOR_META) {
            candidates.addAll(meta.all(name));
        }
        for (String candidate : candidates) {
            String cleaned = clean(candidate);
            if (cleaned != null) {
                return cleaned;
            }
        }
        for (Element e : page.select(DOM_SELECTORS)) {
            String cleaned = clean(textUpTo(e, 4 * MAX_LENGTH + 1));
            if (cleaned != null) {
                return cleaned;
            }
        }
        return null;
    }

    /**
     * The element's text, but no more than {@code limit} characters of it: a byline class on a page
     * wrapper must not cost a walk of the whole page, once per wrapper.
     */
    static String textUpTo(Element e, int limit) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    sb.append(text, 0, Math.min(text.length(), limit + 1 - sb.length())).append(' ');
                } else if (node instanceof Element el && el.isBlock()) {
                    sb.append(' ');
                }
                return sb.length() > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, e);
        return TextRenderer.collapse(sb.toString());
    }

    /** The name part of a byline, or {@code null} when nothing name-like is left. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = TextRenderer.collapse(raw).strip();
        if (s.startsWith("http") || s.length() > 4 * MAX_LENGTH) {
            return null;
        }
        s = BY.matcher(s).replaceFirst("");
        s = TAIL.matcher(s).replaceFirst("");
        s = HANDLE.matcher(s).replaceAll("");
        s = s.replaceAll("^[\\s,;:–—-]+|[\\s,;:–—-]+$", "");
        if (s.isEmpty() || s.length() > MAX_LENGTH || !Character.isLetter(s.codePointAt(0))) {
            return null;
        }
        return s;
    }
}
