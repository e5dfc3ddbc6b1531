package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** {@link ProseRuns} on small invented pages: what counts as the page's text-dense content. */
class ProseRunsTest {

    private static final String P1 = "The first paragraph of the report, which says what happened, where and when it happened, according to the police.";
    private static final String P2 = "The second paragraph, with a quote from an official who asked not to be named in the report because of the inquiry.";
    private static final String P3 = "The third paragraph, which gives the background of the story and the figures behind it all.";
    private static final String P4 = "The fourth paragraph, in the second section, on what comes next for the people concerned.";
    private static final String P5 = "The last paragraph, which closes the story with a line on when the next hearing will be held.";

    @Test
    void shouldMeasureSectionsOfLongPostAsOneRunAcrossHeadingsAndAds() {
        String html = "<nav><a href=/a>Home</a> <a href=/b>World</a></nav>"
                + "<div class=a><section><p>" + P1 + "</p><p>" + P2 + "</p></section></div>"
                + "<div class=ad-slot>Advertisement</div>"
                + "<div class=b><div><section><h2>What comes next</h2><p>" + P3 + "</p><p>" + P4 + "</p></section></div></div>"
                + "<div class=c><p>" + P5 + "</p></div>"
                + "<footer><p>" + "Footer text that is long enough to be prose but sits in the page footer. ".repeat(5) + "</p></footer>";

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html).body());

        assertThat(run.blocks()).extracting(TextBlock::text).containsExactly(P1, P2, "What comes next", P3, P4, P5);
        assertThat(run.proseBlocks()).isEqualTo(5);
        assertThat(run.proseChars()).isEqualTo(TextStats.visibleChars(P1 + P2 + P3 + P4 + P5));
        assertThat(run.isArticle()).isTrue();
    }

    @Test
    void shouldReadBrSeparatedTextAsParagraphs() {
        String html = "<article>" + P1 + "<br><br>" + P2 + "<br><br>" + P3 + "<br><br>" + P4 + "<br><br>" + P5 + "</article>";

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html).body());

        assertThat(run.blocks()).extracting(TextBlock::text).containsExactly(P1, P2, P3, P4, P5);
    }

    @Test
    void shouldLookPastWeakClutterNamesButNotPastComments() {
        String html = "<section class=\"widget teaser\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></section>"
                + "<ol class=comment-list><li><p>" + P4 + "</p><p>" + P5 + "</p><p>" + P4 + "</p><p>" + P5 + "</p></li></ol>";

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html).body());

        assertThat(run.blocks()).extracting(TextBlock::text).containsExactly(P1, P2, P3);
    }

    @Test
    void shouldCutRunsAtLinkedHeadlinesOfFrontPage() {
        StringBuilder html = new StringBuilder("<div class=latest>");
        for (int i = 0; i < 12; i++) {
            html.append("<div class=card><h3><a href=/n/").append(i).append(">Headline number ").append(i)
                    .append(" of the front page</a></h3><p>A one-sentence summary of story ").append(i)
                    .append(", long enough to be prose on its own.</p><span>2 hours ago</span></div>");
        }

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html.append("</div>").toString()).body());

        assertThat(run.proseBlocks()).isEqualTo(1);
        assertThat(run.isArticle()).isFalse();
    }

    @Test
    void shouldNotTakeTeasersWithUnlinkedHeadingsForArticle() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            html.append("<div class=card><h3>Headline number ").append(i).append(" of the section front</h3><p>A summary of story ")
                    .append(i).append(", long enough to be prose, with a second clause.</p><p>Read more</p></div>");
        }

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html.toString()).body());

        assertThat(run.isArticle()).isFalse();
    }

    @Test
    void shouldNotTakeOneSentenceCaptionForArticle() {
        String html = "<div class=player></div><p class=description>Drone footage shows flood water reaching the roofs of "
                + "houses in the valley on Sunday.</p><ul><li><a href=/v/1>More videos: storm in the north</a></li></ul>";

        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse(html).body());

        assertThat(run.proseBlocks()).isEqualTo(1);
        assertThat(run.isArticle()).isFalse();
    }

    @Test
    void shouldFindNoRunOnPageWithoutProse() {
        ProseRuns.Run run = ProseRuns.longest(Jsoup.parse("<ul><li><a href=/a>Home</a></li></ul>").body());

        assertThat(run).isEqualTo(ProseRuns.Run.NONE);
    }
}
