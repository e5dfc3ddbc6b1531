package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.processor.entities.TextFolder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParagraphIndexTest {
    private static final String P2 = "Prosecutors said the ranch had been used for months by the cell, which brought in two former corporals as instructors.";
    private static final String P3 = "Soldiers raided the property on 14 June and seized 41 drones, spare batteries and three boxes of release mechanisms.";
    private static final String P4 = "Eleven people face organised crime and explosives charges, and none of their lawyers could be reached for comment.";
    private static final String ORIGINAL = "A cartel cell near Apatzingán ran drone lessons for young men, federal prosecutors said on Tuesday.\n\n"
            + P2 + "\n\n" + P3 + "\n\n" + P4;
    /** The wire story under another outlet's lede, with a related link and a share button left by extraction. */
    private static final String REPUBLISHED = "Share this article\n\nInside the cartel flight school: how a Michoacán ranch trained "
            + "drone crews for attacks on rival groups.\n\n" + P2 + "\n\nRelated: Drone attack wounds four soldiers\n\n" + P3 + "\n\n" + P4;

    private final InMemoryTimedPostings postings = new InMemoryTimedPostings(Duration.ofDays(3), 64);
    private final Map<String, long[]> stored = new HashMap<>();
    private final ParagraphIndex index = new ParagraphIndex(postings, (id, ts) -> stored.get(id), 0.6, 2, 64);

    private static long[] paragraphs(String text) {
        return ParagraphIndex.paragraphs(text, TextFolder.tokens(text));
    }

    private void add(String id, String text, long ts) {
        long[] p = paragraphs(text);
        stored.put(id, p);
        index.add(id, p, ts);
    }

    @Test
    void shouldHashOnlyParagraphsOfTenWordsOrMoreIgnoringCaseAndPunctuation() {
        long[] p = paragraphs("Share this article\n\n" + P2 + "\n" + P2.toUpperCase().replace(",", " ;"));

        assertThat(p).hasSize(1);
        assertThat(ParagraphIndex.words(p[0])).isEqualTo(20);
        assertThat(paragraphs("")).isEmpty();
    }

    @Test
    void shouldFindTheOriginalOfACopyWithANewLedeAndClutter() {
        add("original", ORIGINAL, 1_000);

        var copy = index.findCopy(paragraphs(REPUBLISHED), 0, 10_000);

        assertThat(copy).hasValueSatisfying(c -> {
            assertThat(c.articleId()).isEqualTo("original");
            assertThat(c.sharedParagraphs()).isEqualTo(3);
            assertThat(c.containment()).isGreaterThan(0.7);
        });
    }

    @Test
    void shouldPointEveryCopyAtTheEarliestPublication() {
        add("second", ORIGINAL, 2_000);
        add("first", ORIGINAL, 1_000);

        assertThat(index.findCopy(paragraphs(REPUBLISHED), 0, 10_000)).hasValueSatisfying(c -> assertThat(c.articleId()).isEqualTo("first"));
        assertThat(index.findCopy(paragraphs(REPUBLISHED), 1_500, 10_000)).hasValueSatisfying(c -> assertThat(c.articleId()).isEqualTo("second"));
    }

    @Test
    void shouldNotClaimAReportThatSharesOneBackgroundParagraph() {
        add("original", ORIGINAL, 1_000);
        String other = "Gunmen attacked a police convoy near Aguililla on Friday, killing four officers, the state said.\n\n"
                + "The officers were returning from an operation when attackers opened fire from two pickup trucks on the road.\n\n"
                + P4 + "\n\nThe governor asked the federal government for more troops and two helicopters for the region.";

        assertThat(index.findCopy(paragraphs(other), 0, 10_000)).isEmpty();
    }

    @Test
    void shouldNotClaimWhenTheSharedParagraphsAreAMinorityOfTheShorterText() {
        ParagraphIndex strict = new ParagraphIndex(postings, (id, ts) -> stored.get(id), 0.9, 2, 64);
        add("original", ORIGINAL, 1_000);

        assertThat(strict.findCopy(paragraphs(REPUBLISHED), 0, 10_000)).isEmpty();
        assertThat(ParagraphIndex.containment(paragraphs(ORIGINAL), paragraphs(REPUBLISHED))).isBetween(0.7, 0.9);
    }

    @Test
    void shouldRejectBadSettings() {
        assertThatThrownBy(() -> new ParagraphIndex(postings, (id, ts) -> null, 0, 2, 64)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new ParagraphIndex(postings, (id, ts) -> null, 0.6, 0, 64)).hasMessageContaining("minShared");
    }
}
