package io.newswatch.ingest.extract;

import java.util.List;
import java.util.Locale;

/**
 * The plausibility check on an extracted body, and the recovery when it fails: a page that holds an
 * article must not give an empty body or a fragment of it.
 *
 * <p>The page's text-dense content is its longest prose run when that is an article
 * ({@link ProseRuns.Run#isArticle}), or the JSON-LD {@code articleBody} when that is longer, holds an
 * article's worth of text and is consistent with the page: it contains the body's first paragraph, or,
 * for an empty body, the run's. The body is <em>implausibly short</em> when it has less than
 * {@value #PLAUSIBLE_SHARE} of the visible characters of that content. Then, in order:
 * <ol>
 * <li>{@link Reason#JSON_LD}: the consistent {@code articleBody}, when it is longer than the body and
 *     reaches the plausible share. A body under {@value #SHORT_BODY} characters gives way to any longer
 *     {@code articleBody}, as pages rendered by scripts need.</li>
 * <li>{@link Reason#PROSE_RUN}: the run itself, which merges the text-dense blocks around the fragment
 *     (the other sections of a long post, the {@code <div>}s or {@code <br>}-separated paragraphs of a
 *     wire story the scorer passed over), when the body is part of it or too short to be an article of
 *     its own (under {@value #FOREIGN_BODY_SHARE} of the run).</li>
 * </ol>
 * A page without an article (a section front, a video with a one-sentence caption) is never padded:
 * its runs are short or lists of teasers.
 *
 * <p>Stateless and thread-safe.
 */
final class BodyRecovery {

    /** Bodies shorter than this, with a longer JSON-LD articleBody on the page, give way to the latter. */
    static final int SHORT_BODY = 200;
    static final double PLAUSIBLE_SHARE = 0.5;
    static final double FOREIGN_BODY_SHARE = 0.25;
    /** Paragraphs compared for consistency are cut to this many normalised characters. */
    private static final int PROBE = 200;
    private static final int MIN_PROBE = 20;

    /** Why a body was replaced; the tag value of the recovery metric. */
    enum Reason {
        JSON_LD, PROSE_RUN;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A replaced body.
     *
     * @param text   the new body, paragraphs separated by a blank line
     * @param reason where it came from
     */
    record Recovered(String text, Reason reason) {
    }

    private BodyRecovery() {
    }

    /**
     * @param body   the body the scorer's choice gave, possibly empty, not null
     * @param run    the page's longest prose run, not null
     * @param ldBody the JSON-LD {@code articleBody} as plain paragraphs, or {@code null}
     * @param title  the article's title, to drop its repetition from a recovered run, not null
     * @param byline the article's byline, or {@code null}
     * @return the recovered body, or {@code null} when {@code body} stands
     */
    static Recovered recover(String body, ProseRuns.Run run, String ldBody, String title, String byline) {
        int bodyChars = TextStats.visibleChars(body);
        int runChars = run.isArticle() ? run.proseChars() : 0;
        if (ldBody != null) {
            int ldChars = TextStats.visibleChars(ldBody);
            // the publisher's own copy is text-dense content of the page too, when the page agrees with it
            int dense = Math.max(runChars, ldChars >= ProseRuns.MIN_ARTICLE ? ldChars : 0);
            boolean shortBody = bodyChars < SHORT_BODY && ldChars > bodyChars;
            boolean fuller = bodyChars < PLAUSIBLE_SHARE * dense && ldChars > bodyChars
                    && ldChars >= PLAUSIBLE_SHARE * dense && consistent(ldBody, body, run);
            if (shortBody || fuller) {
                return new Recovered(ldBody, Reason.JSON_LD);
            }
        }
        boolean implausible = bodyChars < PLAUSIBLE_SHARE * runChars;
        if (!implausible || (bodyChars >= FOREIGN_BODY_SHARE * runChars && !overlaps(run, body))) {
            return null;
        }
        String recovered = join(BlockFilter.filter(run.blocks(), title, byline));
        return TextStats.visibleChars(recovered) > bodyChars ? new Recovered(recovered, Reason.PROSE_RUN) : null;
    }

    /** The publisher's copy contains the body's first paragraph, or the run's when the body is empty. */
    private static boolean consistent(String ldBody, String body, ProseRuns.Run run) {
        String probe = body.isBlank() ? firstProse(run) : firstParagraph(body);
        String norm = probe(probe);
        return norm.length() >= MIN_PROBE && ArticleBodyHint.normalise(ldBody).contains(norm);
    }

    /** True when the body's first paragraph is one of the run's. */
    private static boolean overlaps(ProseRuns.Run run, String body) {
        String norm = probe(firstParagraph(body));
        if (norm.length() < MIN_PROBE) {
            return false;
        }
        for (TextBlock b : run.blocks()) {
            if (ArticleBodyHint.normalise(b.text()).contains(norm)) {
                return true;
            }
        }
        return false;
    }

    private static String firstProse(ProseRuns.Run run) {
        for (TextBlock b : run.blocks()) {
            if (!b.isHeading() && b.chars() >= ProseRuns.MIN_PROSE) {
                return b.text();
            }
        }
        return "";
    }

    private static String firstParagraph(String body) {
        int cut = body.indexOf("\n\n");
        return cut < 0 ? body : body.substring(0, cut);
    }

    private static String probe(String text) {
        String norm = ArticleBodyHint.normalise(text);
        return norm.length() > PROBE ? norm.substring(0, PROBE) : norm;
    }

    static String join(List<TextBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : blocks) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
    }
}
