package io.newswatch.ingest.extract;

import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * The publisher's own copy of the article text (JSON-LD {@code articleBody}), used to confirm that a
 * paragraph on the page belongs to the article. Texts are compared on letters and digits only, lower
 * case, so markup, quotes and spacing differences between the two copies do not matter.
 *
 * <p>Immutable and thread-safe.
 */
final class ArticleBodyHint {

    static final ArticleBodyHint NONE = new ArticleBodyHint("");

    /** Shorter bodies are teasers, not the article. */
    private static final int MIN_BODY = 200;
    /** Shorter paragraphs match by chance. */
    private static final int MIN_PARAGRAPH = 20;
    /**
     * Bounds on what is compared, so that a hostile page cannot make each of thousands of paragraphs
     * search megabytes: real article bodies and paragraphs are well within them.
     */
    private static final int MAX_BODY = 200_000;
    private static final int MAX_PARAGRAPH = 3_000;

    private final String body;

    private ArticleBodyHint(String normalisedBody) {
        this.body = normalisedBody;
    }

    /** A hint from {@code articleBody}, which may contain markup; {@link #NONE} when absent or too short. */
    static ArticleBodyHint of(String articleBody) {
        if (articleBody == null) {
            return NONE;
        }
        String text = articleBody.indexOf('<') >= 0 ? Jsoup.parse(articleBody).text() : articleBody;
        String norm = normalise(text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text);
        return norm.length() < MIN_BODY ? NONE : new ArticleBodyHint(norm);
    }

    boolean isPresent() {
        return !body.isEmpty();
    }

    /** True when the publisher's copy contains {@code paragraph}; paragraphs of over 3000 characters are not checked. */
    boolean confirms(String paragraph) {
        if (body.isEmpty() || paragraph.length() > MAX_PARAGRAPH) {
            return false;
        }
        String norm = normalise(paragraph);
        return norm.length() >= MIN_PARAGRAPH && body.contains(norm);
    }

    /** Letters and digits only, lower-cased, words separated by one space. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && !sb.isEmpty()) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
