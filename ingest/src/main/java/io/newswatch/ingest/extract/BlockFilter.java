package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Last pass over the rendered paragraphs of the chosen content: drops those that are clutter on their
 * own ("Advertisement", "Share this article", a lone link list item), the headline and byline repeated
 * at the top of the body, and headings left with nothing under them.
 *
 * <p>Stateless and thread-safe; the input list is not modified.
 */
final class BlockFilter {

    /** The headline and byline are looked for among this many first kept blocks. */
    private static final int HEADER_BLOCKS = 3;
    private static final int MAX_HEADER_LINE = 300;
    /** What a byline line may hold besides the name: "By", a date, a time. */
    private static final int MAX_BYLINE_DECORATION = 50;

    private static final int SHORT_LINE = 60;
    private static final double MAX_LINK_DENSITY_OF_LINE = 0.6;
    private static final double MAX_LINK_DENSITY_OF_PARAGRAPH = 0.8;

    private BlockFilter() {
    }

    /**
     * @param blocks the rendered blocks, in order
     * @param title  the article's title, to drop its repetition, not null
     * @param byline the article's byline, to drop its repetition, or {@code null}
     * @return the kept blocks, in order
     */
    static List<TextBlock> filter(List<TextBlock> blocks, String title, String byline) {
        String normTitle = ArticleBodyHint.normalise(title);
        String normByline = byline == null ? "" : ArticleBodyHint.normalise(byline);
        List<TextBlock> kept = new ArrayList<>(blocks.size());
        for (TextBlock b : blocks) {
            if (isClutter(b) || (kept.size() < HEADER_BLOCKS && isHeader(b, normTitle, normByline))) {
                continue;
            }
            kept.add(b);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isHeading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /** The headline, or a short line naming the author ("By Jane Doe, 2 March 2025"), repeated above the text. */
    private static boolean isHeader(TextBlock b, String title, String byline) {
        if (b.chars() > MAX_HEADER_LINE) {
            return false;
        }
        String text = ArticleBodyHint.normalise(b.text());
        return (!title.isEmpty() && text.equals(title))
                || (!byline.isEmpty() && text.contains(byline) && text.length() <= byline.length() + MAX_BYLINE_DECORATION);
    }

    /**
     * A clutter line, or a block that is mostly link: short lines and list items that are mostly a link
     * point elsewhere ("Read more: ..."), while a long paragraph may carry many links and still be prose.
     */
    private static boolean isClutter(TextBlock b) {
        if (BoilerplatePhrases.isStandAlone(b.text())) {
            return true;
        }
        boolean lineOrItem = b.tag().equals("li") || b.chars() < SHORT_LINE;
        return b.linkDensity() > (lineOrItem ? MAX_LINK_DENSITY_OF_LINE : MAX_LINK_DENSITY_OF_PARAGRAPH);
    }
}
