package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHasherTest {
    private static final MinHasher HASHER = MinHasher.standard();

    static String fixture(String name) {
        try (InputStream in = MinHasherTest.class.getResourceAsStream("/stories/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldGiveOneSignatureToTextsDifferingOnlyInCaseAccentsAndPunctuation() {
        long[] wire = HASHER.signature(fixture("a1-en-wire.txt"));
        long[] copy = HASHER.signature(fixture("a3-en-copy.txt"));

        assertThat(copy).isEqualTo(wire);
        assertThat(MinHasher.similarity(wire, copy)).isEqualTo(1.0);
    }

    @Test
    void shouldRateASyndicatedCopyWithSmallEditsAboveTheNearDuplicateThreshold() {
        double s = MinHasher.similarity(HASHER.signature(fixture("a1-en-wire.txt")),
                HASHER.signature(fixture("a2-en-syndicated.txt")));

        assertThat(s).isGreaterThan(0.8);
    }

    @Test
    void shouldRateARewriteAndAnotherEventFarBelowIt() {
        long[] wire = HASHER.signature(fixture("a1-en-wire.txt"));

        assertThat(MinHasher.similarity(wire, HASHER.signature(fixture("a4-en-rewrite.txt")))).isLessThan(0.1);
        assertThat(MinHasher.similarity(wire, HASHER.signature(fixture("b1-en.txt")))).isLessThan(0.1);
    }

    @Test
    void shouldEstimateTheJaccardSimilarityOfShingleSets() {
        // 300 distinct words; the copy replaces every 12th word, so about a third of its 5-shingles change.
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            original.add("w" + i);
        }
        List<String> edited = new ArrayList<>(original);
        for (int i = 0; i < edited.size(); i += 12) {
            edited.set(i, "x" + i);
        }
        double exact = jaccard(shingles(original), shingles(edited));

        double estimate = MinHasher.similarity(HASHER.signature(original), HASHER.signature(edited));

        assertThat(exact).isBetween(0.4, 0.7);
        assertThat(estimate).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.12));
    }

    @Test
    void shouldKeepSignaturesStableAcrossInstancesAndVersions() {
        // Signatures are stored in changelogs; these values pin the hashing so a change cannot go unnoticed.
        long[] sig = HASHER.signature("Cartel drone cell trained by veterans of the war in Ukraine");
        long[] again = new MinHasher(MinHasher.STANDARD_HASHES, MinHasher.STANDARD_SHINGLE, MinHasher.STANDARD_SEED)
                .signature("CARTEL DRONE CELL trained by veterans of the war in Ukraine!");

        assertThat(again).isEqualTo(sig);
        assertThat(new long[] {sig[0], sig[1], sig[127]}).isEqualTo(PINNED);
    }

    /** First, second and last values of the signature above, as the multiply-add hashing computes them. */
    private static final long[] PINNED = {-8688372176446237955L, -8498611928009676129L, -6747467104279800120L};

    @Test
    void shouldTreatATextWithoutWordsAsSimilarToNothing() {
        long[] empty = HASHER.signature(" -- ... ");

        assertThat(MinHasher.isEmpty(empty)).isTrue();
        assertThat(MinHasher.similarity(empty, empty)).isZero();
        assertThat(MinHasher.isEmpty(HASHER.signature("short text"))).isFalse();
    }

    @Test
    void shouldValidateItsArguments() {
        assertThatThrownBy(() -> new MinHasher(0, 5, 1)).hasMessageContaining("hashes must be >= 1");
        assertThatThrownBy(() -> new MinHasher(8, 0, 1)).hasMessageContaining("shingleSize must be >= 1");
        assertThatThrownBy(() -> MinHasher.similarity(new long[2], new long[3])).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> HASHER.signature((List<String>) null)).hasMessageContaining("words must not be null");
    }

    private static Set<String> shingles(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + 5)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }
}
