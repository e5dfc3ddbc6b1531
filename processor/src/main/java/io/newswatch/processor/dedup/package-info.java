/**
 * Duplicate detection: the building blocks that recognise the same article published again.
 *
 * <ul>
 *   <li>{@link io.newswatch.processor.dedup.ContentFingerprint}: exact copies. A SHA-256-based 64-bit hash of
 *       title and text after folding case, accents, whitespace and punctuation; articles under eight words get
 *       none, so teasers never collide.</li>
 *   <li>{@link io.newswatch.processor.dedup.MinHasher}: near copies. 128 MinHash values over word 5-shingles;
 *       hash function {@code i} is the SplitMix64 finaliser of the shingle's FNV-1a hash XOR a fixed seed, so
 *       signatures are the same on every JVM and in every replay ({@code MinHasherTest} pins three values).</li>
 *   <li>{@link io.newswatch.processor.dedup.NearDuplicateIndex}: LSH over those signatures, 32 bands × 4 rows.
 *       Two texts of shingle Jaccard {@code s} become candidates with probability {@code 1 − (1 − s⁴)³²}
 *       (0.9998 at 0.7, 0.87 at 0.5, 0.23 at 0.3); each candidate is verified by the full signature, which must
 *       estimate at least 0.7 (standard error ≤ 0.044). That admits a changed headline, a trimmed or added
 *       paragraph, a rewritten dateline or credit line, and rejects a rewrite in other words (≤ 0.05 on the
 *       fixtures). The earliest verified match is the original.</li>
 *   <li>{@link io.newswatch.processor.dedup.ParagraphIndex}: republished copies. A wire story under another
 *       outlet's headline and lede keeps most paragraphs verbatim but only about half its shingles (Jaccard near
 *       0.5). Paragraphs of ten words or more are hashed (folded words, packed with their word count) and filed as
 *       posting keys; an earlier article sharing at least two of them, whose shared paragraphs hold at least 0.6 of
 *       the shorter article's paragraph words, is the original (thresholds: {@code processor.story.*}). One shared
 *       background paragraph or quotation is not enough.</li>
 *   <li>{@link io.newswatch.processor.dedup.TimedPostings} and {@link io.newswatch.processor.dedup.PostingList}:
 *       the state all of this (and story clustering) lives in. Keys are fixed 64-bit hashes (of names such as a
 *       term, or an LSH bucket's own hash), held in a map of ints. Each key holds at most {@code cap} (64) entries,
 *       the newest by event time; reads name a time range, so they never depend on when expired lists are
 *       purged. The in-memory implementation here and the Kafka Streams store in the {@code story} package share
 *       the same list structure and give the same answers.</li>
 * </ul>
 *
 * <p>Bounds: a lookup reads at most 32 buckets × 64 entries; state per key is capped at 64 entries, and keys
 * idle for longer than the retention (window + grace, 84 h by default) are purged.
 */
package io.newswatch.processor.dedup;
