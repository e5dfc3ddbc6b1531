package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The page's text-dense content, measured apart from the scorer's choice, so that a body that came back
 * empty or as a fragment can be told from a page that holds no article.
 *
 * <p>The page is rendered as a reader sees it, leaving out only what can never be article text whatever
 * its class says (scripts, hidden elements, {@code nav}, {@code aside}, {@code header}, {@code footer},
 * ARIA landmarks; see {@link ClutterRemover#isFurniture}) and elements named for clutter that no article
 * wrapper is named after (comments, share bars, related lists; see {@link ClassHints#namesStrongClutter}).
 * Weaker hints ({@code widget}, {@code teaser}, {@code gallery}) are not trusted here, since a misleading
 * class name is one way the article gets lost. The rendered paragraphs are then read in order and cut
 * into <em>runs</em>:
 * <ul>
 * <li>a <b>prose</b> paragraph (at least {@value #MIN_PROSE} visible characters, at most
 *     {@value #MAX_PROSE_LINK_DENSITY} of them in links, not a heading) extends the current run;</li>
 * <li>a <b>link line</b> (over {@value #MAX_NEUTRAL_LINK_DENSITY} of its text in links: a menu entry, a
 *     linked headline, "Read more") ends it, as do more than {@value #MAX_NEUTRALS} short lines in a row;</li>
 * <li>other paragraphs (section headings, datelines, captions) are carried along when prose follows.</li>
 * </ul>
 * An article is one run, its sections and {@code <br>}-separated paragraphs included; a front page of
 * teasers is many short runs cut by linked headlines. A run in which headings are nearly as many as the
 * prose paragraphs is a list of teasers with unlinked headlines and is not counted. The page holds an
 * article when its longest run has at least {@value #MIN_ARTICLE} prose characters in two paragraphs, or
 * {@value #MIN_SINGLE_BLOCK_ARTICLE} in one.
 *
 * <p>Does not modify the tree. Stateless and thread-safe.
 */
final class ProseRuns {

    static final int MIN_PROSE = 40;
    static final double MAX_PROSE_LINK_DENSITY = 0.3;
    static final double MAX_NEUTRAL_LINK_DENSITY = 0.5;
    static final int MAX_NEUTRALS = 3;
    /** A run with this many headings per prose paragraph, or more, is a list of teasers. */
    static final double LISTING_HEADINGS_PER_PARAGRAPH = 0.75;
    static final int MIN_ARTICLE = 400;
    static final int MIN_SINGLE_BLOCK_ARTICLE = 800;

    /**
     * One run of article-like paragraphs.
     *
     * @param blocks      the paragraphs of the run in order, prose and the short lines between them, without
     *                    clutter lines ("Advertisement")
     * @param proseChars  visible characters of its prose paragraphs
     * @param proseBlocks number of its prose paragraphs
     */
    record Run(List<TextBlock> blocks, int proseChars, int proseBlocks) {

        static final Run NONE = new Run(List.of(), 0, 0);

        Run {
            blocks = List.copyOf(blocks);
        }

        /** True when the run is long enough to be an article rather than a caption or a teaser. */
        boolean isArticle() {
            return proseChars >= MIN_SINGLE_BLOCK_ARTICLE || (proseChars >= MIN_ARTICLE && proseBlocks >= 2);
        }
    }

    private ProseRuns() {
    }

    /**
     * The longest run of {@code body}, by prose characters; {@link Run#NONE} when the page has no prose.
     *
     * @param body the page body, before clutter removal
     */
    static Run longest(Element body) {
        return longest(TextRenderer.render(body, e -> ClutterRemover.isFurniture(e) || ClassHints.namesStrongClutter(e)));
    }

    /** The longest run of the rendered {@code blocks}, by prose characters; the first of equals. */
    static Run longest(List<TextBlock> blocks) {
        Run best = Run.NONE;
        List<TextBlock> run = new ArrayList<>();
        List<TextBlock> pending = new ArrayList<>();
        int proseChars = 0;
        int proseBlocks = 0;
        int headings = 0;
        int pendingHeadings = 0;
        for (int i = 0; i <= blocks.size(); i++) {
            TextBlock b = i < blocks.size() ? blocks.get(i) : null;
            Kind kind = b == null ? Kind.BREAK : kind(b);
            if (kind == Kind.CLUTTER) {
                continue;
            }
            if (kind == Kind.PROSE) {
                run.addAll(pending);
                headings += pendingHeadings;
                pending.clear();
                pendingHeadings = 0;
                run.add(b);
                proseChars += b.chars() - b.linkChars();
                proseBlocks++;
                continue;
            }
            if (kind == Kind.NEUTRAL && pending.size() < MAX_NEUTRALS) {
                if (!run.isEmpty()) {
                    pending.add(b);
                    pendingHeadings += b.isHeading() ? 1 : 0;
                }
                continue;
            }
            // a link line, too many short lines in a row, or the end of the page
            boolean listing = headings >= LISTING_HEADINGS_PER_PARAGRAPH * proseBlocks;
            if (!listing && proseChars > best.proseChars()) {
                best = new Run(run, proseChars, proseBlocks);
            }
            run.clear();
            pending.clear();
            proseChars = 0;
            proseBlocks = 0;
            headings = 0;
            pendingHeadings = 0;
        }
        return best;
    }

    private enum Kind { PROSE, NEUTRAL, BREAK, CLUTTER }

    private static Kind kind(TextBlock b) {
        if (BoilerplatePhrases.isStandAlone(b.text())) {
            return Kind.CLUTTER;
        }
        double linkDensity = b.linkDensity();
        if (linkDensity > MAX_NEUTRAL_LINK_DENSITY) {
            return Kind.BREAK;
        }
        if (!b.isHeading() && b.chars() >= MIN_PROSE && linkDensity <= MAX_PROSE_LINK_DENSITY) {
            return Kind.PROSE;
        }
        return Kind.NEUTRAL;
    }
}
