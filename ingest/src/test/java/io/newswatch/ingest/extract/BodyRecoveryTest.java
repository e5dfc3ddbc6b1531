package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BodyRecovery}: when a body is implausibly short against the page's text-dense content, and what replaces it. */
class BodyRecoveryTest {

    private static final String P1 = "Dock workers at three northern ports walked off the job on Tuesday morning, halting the loading of ships.";
    private static final String P2 = "The union said about 2,400 members had joined the stoppage, which it described as open-ended.";
    private static final String P3 = "Port operators said the strike was unlawful because the union had not given the full notice required.";
    private static final String P4 = "Shipping agents reported that at least eleven vessels were waiting at anchor by midday on Tuesday.";
    private static final String P5 = "Talks are expected to resume on Thursday, the union said, and any offer would be put to a vote.";
    private static final String ARTICLE = String.join("\n\n", P1, P2, P3, P4, P5);
    /** What the publisher's JSON-LD copy holds: the article and two paragraphs that a paywall hides. */
    private static final String FULL = ARTICLE + "\n\nThe transport ministry said it was following the dispute closely "
            + "but would not intervene while both sides were still talking.\n\nA spokesperson for the shippers said "
            + "the delays would cost the region's exporters millions a day if the walkout went on into next week.";

    private static final ProseRuns.Run RUN = ProseRuns.longest(List.of(
            prose("Dock workers walk out"), prose(P1), prose(P2), heading("The operators"), prose(P3), prose(P4), prose(P5)));

    @Test
    void shouldRecoverEmptyBodyFromTheProseRun() {
        BodyRecovery.Recovered r = BodyRecovery.recover("", RUN, null, "Dock workers walk out", null);

        assertThat(r.reason()).isEqualTo(BodyRecovery.Reason.PROSE_RUN);
        // the repeated headline goes, the section heading stays
        assertThat(r.text()).isEqualTo(String.join("\n\n", P1, P2, "The operators", P3, P4, P5));
    }

    @Test
    void shouldExtendFragmentToTheWholeRun() {
        BodyRecovery.Recovered r = BodyRecovery.recover(P3 + "\n\n" + P4, RUN, null, "Dock workers walk out", null);

        assertThat(r.reason()).isEqualTo(BodyRecovery.Reason.PROSE_RUN);
        assertThat(r.text()).startsWith(P1).endsWith(P5);
    }

    @Test
    void shouldKeepBodyHoldingMostOfTheRun() {
        assertThat(BodyRecovery.recover(String.join("\n\n", P1, P2, P3), RUN, null, "", null)).isNull();
    }

    @Test
    void shouldKeepForeignBodyOfArticleLength() {
        String other = "An unrelated text the scorer chose, long enough to be an article of its own, and not part of the run. ";

        assertThat(BodyRecovery.recover(other.repeat(2), RUN, null, "", null)).isNull();
    }

    @Test
    void shouldNotPadBodyOfPageWithoutArticle() {
        ProseRuns.Run caption = ProseRuns.longest(List.of(prose(P1)));

        assertThat(BodyRecovery.recover("", caption, null, "", null)).isNull();
    }

    @Test
    void shouldTakeConsistentJsonLdBodyOverLedeShownByPaywalledPage() {
        ProseRuns.Run lede = ProseRuns.longest(List.of(prose(P1), prose(P2), prose(P3)));

        BodyRecovery.Recovered r = BodyRecovery.recover(String.join("\n\n", P1, P2, P3), lede, FULL, "", null);

        assertThat(r).isEqualTo(new BodyRecovery.Recovered(FULL, BodyRecovery.Reason.JSON_LD));
    }

    @Test
    void shouldIgnoreJsonLdBodyOfAnotherArticle() {
        ProseRuns.Run lede = ProseRuns.longest(List.of(prose(P1), prose(P2), prose(P3)));
        String other = "A different story altogether, about a library reopening after a fire two years ago. ".repeat(8);

        assertThat(BodyRecovery.recover(String.join("\n\n", P1, P2, P3), lede, other, "", null)).isNull();
    }

    @Test
    void shouldTakeAnyLongerJsonLdBodyForNearlyEmptyBody() {
        BodyRecovery.Recovered r = BodyRecovery.recover("", ProseRuns.Run.NONE, ARTICLE, "", null);

        assertThat(r.reason()).isEqualTo(BodyRecovery.Reason.JSON_LD);
    }

    private static TextBlock prose(String text) {
        return new TextBlock(text, "p", TextStats.visibleChars(text), 0);
    }

    private static TextBlock heading(String text) {
        return new TextBlock(text, "h2", TextStats.visibleChars(text), 0);
    }
}
