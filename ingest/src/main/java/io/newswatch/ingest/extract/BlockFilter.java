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

    private BlockFilter() {
    }

    /**
     * @param blocks the rendered blocks, in order
     * @param title  the article's title, to drop its repetition, not null
     * @return the kept blocks, in order
     */
    static List<TextBlock> filter(List<TextBlock> blocks, String title) {
        String normTitle = ArticleBodyHint.normalise(title);
        List<TextBlock> kept = new ArrayList<>(blocks.size());
        for (TextBlock b : blocks) {
            if (isClutter(b) || (!normTitle.isEmpty() && ArticleBodyHint.normalise(b.text()).equals(normTitle))) {
                continue;
            }
            kept.add(b);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isHeading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static boolean isClutter(TextBlock b) {
        if (BoilerplatePhrases.isStandAlone(b.text())) {
            return true;
        }
        if (b.tag().equals("li") || b.chars() < 60) {
            return b.linkDensity() > 0.6;
        }
        return b.linkDensity() > 0.8;
    }
}
