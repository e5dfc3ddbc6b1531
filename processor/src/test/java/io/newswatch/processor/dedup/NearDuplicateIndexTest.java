package io.newswatch.processor.dedup;

import static io.newswatch.processor.dedup.MinHasherTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
    private static final MinHasher HASHER = MinHasher.standard();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final TimedPostings buckets = TimedPostings.inMemory(Duration.ofHours(84), 64);
    private final Map<String, long[]> signatures = new HashMap<>();
    private final NearDuplicateIndex index = new NearDuplicateIndex(buckets, (id, ts) -> signatures.get(id), 0.7, 64);

    private long[] add(String id, String fixture, long ts) {
        long[] sig = HASHER.signature(fixture(fixture));
        signatures.put(id, sig);
        index.add(id, sig, ts);
        return sig;
    }

    @Test
    void shouldFindTheEarliestArticleThatACopyDuplicates() {
        add("wire", "a1-en-wire.txt", 0);
        add("copy", "a2-en-syndicated.txt", HOUR);

        NearDuplicateIndex.NearDuplicate found = index
                .findDuplicate(HASHER.signature(fixture("a2-en-syndicated.txt")), -72 * HOUR, 72 * HOUR).orElseThrow();

        assertThat(found.articleId()).isEqualTo("wire");
        assertThat(found.timestamp()).isZero();
        assertThat(found.similarity()).isGreaterThan(0.8);
    }

    @Test
    void shouldNotReportARewriteOrAnotherEvent() {
        add("wire", "a1-en-wire.txt", 0);

        assertThat(index.findDuplicate(HASHER.signature(fixture("a4-en-rewrite.txt")), 0, HOUR)).isEmpty();
        assertThat(index.findDuplicate(HASHER.signature(fixture("b1-en.txt")), 0, HOUR)).isEmpty();
    }

    @Test
    void shouldIgnoreArticlesOutsideTheTimeRange() {
        add("wire", "a1-en-wire.txt", 0);

        assertThat(index.findDuplicate(HASHER.signature(fixture("a2-en-syndicated.txt")), HOUR, 80 * HOUR)).isEmpty();
    }

    @Test
    void shouldReadAtMostTheBucketCapNewestEntries() {
        NearDuplicateIndex capped = new NearDuplicateIndex(buckets, (id, ts) -> signatures.get(id), 0.7, 2);
        long[] sig = HASHER.signature(fixture("a1-en-wire.txt"));
        for (int i = 0; i < 5; i++) {
            signatures.put("copy-" + i, sig);
            capped.add("copy-" + i, sig, i * HOUR);
        }

        // Only the two newest of each bucket are read, so the earliest visible copy is copy-3.
        assertThat(capped.findDuplicate(sig, 0, 10 * HOUR).orElseThrow().articleId()).isEqualTo("copy-3");
        assertThat(index.findDuplicate(sig, 0, 10 * HOUR).orElseThrow().articleId()).isEqualTo("copy-0");
    }

    @Test
    void shouldSkipCandidatesWhoseSignatureIsGone() {
        add("wire", "a1-en-wire.txt", 0);
        signatures.clear();

        assertThat(index.findDuplicate(HASHER.signature(fixture("a1-en-wire.txt")), 0, HOUR)).isEmpty();
    }

    @Test
    void shouldCutSignaturesIntoThirtyTwoDistinctDeterministicBuckets() {
        long[] sig = HASHER.signature(fixture("a1-en-wire.txt"));
        long[] keys = NearDuplicateIndex.bandKeys(sig);

        assertThat(keys).hasSize(NearDuplicateIndex.BANDS).doesNotHaveDuplicates();
        assertThat(NearDuplicateIndex.bandKeys(sig.clone())).isEqualTo(keys);
        assertThat(NearDuplicateIndex.bandKeys(HASHER.signature(fixture("b1-en.txt")))).doesNotContain(keys);
    }

    @Test
    void shouldNotFileAnEmptySignature() {
        long[] empty = HASHER.signature("");
        index.add("empty", empty, 0);

        assertThat(index.findDuplicate(empty, 0, HOUR)).isEmpty();
        assertThat(buckets.newest(NearDuplicateIndex.bandKeys(empty)[0], 0, HOUR, 10)).isEmpty();
    }

    @Test
    void shouldValidateItsArguments() {
        assertThatThrownBy(() -> new NearDuplicateIndex(buckets, (id, ts) -> null, 0, 8)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new NearDuplicateIndex(buckets, (id, ts) -> null, 0.7, 0)).hasMessageContaining("bucketCap");
        assertThatThrownBy(() -> index.findDuplicate(new long[7], 0, 1)).hasMessageContaining("must have 128 values");
    }
}
