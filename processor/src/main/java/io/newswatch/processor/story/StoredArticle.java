package io.newswatch.processor.story;

import java.util.Arrays;

/**
 * What story state keeps of one article: its decision, its fingerprint and MinHash signature for duplicate
 * checks, and its clustering profile (entity and term weights, each sorted by key). Arrays are not copied
 * (the record lives on the hot path and never leaves the package's control); treat them as read-only.
 *
 * @param articleId     the article
 * @param timestamp     its event time, epoch millis
 * @param kind          the decision made for it
 * @param storyId       its story
 * @param duplicateOf   the earliest article it copies, or {@code null}
 * @param fingerprint   its {@link io.newswatch.processor.dedup.ContentFingerprint}, or {@code null}
 * @param signature     its MinHash signature
 * @param entityIds     entity ids, sorted
 * @param entityWeights their weights, aligned with {@code entityIds}
 * @param terms         clustering terms, sorted
 * @param termWeights   their weights (an L2-normalised vector), aligned with {@code terms}
 * @param paragraphs    its packed {@linkplain io.newswatch.processor.dedup.ParagraphIndex paragraph hashes}, sorted
 *                      (empty for articles stored before paragraphs were kept)
 */
public record StoredArticle(
        String articleId,
        long timestamp,
        Assignment.Kind kind,
        String storyId,
        String duplicateOf,
        String fingerprint,
        long[] signature,
        String[] entityIds,
        float[] entityWeights,
        String[] terms,
        float[] termWeights,
        long[] paragraphs) {

    public StoredArticle {
        if (articleId == null || storyId == null || kind == null || signature == null) {
            throw new IllegalArgumentException("articleId, kind, storyId and signature are required");
        }
        if (entityIds.length != entityWeights.length || terms.length != termWeights.length) {
            throw new IllegalArgumentException("keys and weights must align");
        }
        if (paragraphs == null) {
            throw new IllegalArgumentException("paragraphs must not be null (empty when unknown)");
        }
    }

    /** An article without paragraph hashes. */
    public StoredArticle(String articleId, long timestamp, Assignment.Kind kind, String storyId, String duplicateOf,
                         String fingerprint, long[] signature, String[] entityIds, float[] entityWeights, String[] terms,
                         float[] termWeights) {
        this(articleId, timestamp, kind, storyId, duplicateOf, fingerprint, signature, entityIds, entityWeights, terms,
                termWeights, new long[0]);
    }

    /** The article every copy of this one points at: itself, or the one it duplicates. */
    public String rootId() {
        return duplicateOf != null ? duplicateOf : articleId;
    }

    /** The decision as it was returned when the article was first assigned. */
    public Assignment assignment() {
        return new Assignment(kind, storyId, duplicateOf);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredArticle s && timestamp == s.timestamp && articleId.equals(s.articleId)
                && kind == s.kind && storyId.equals(s.storyId) && java.util.Objects.equals(duplicateOf, s.duplicateOf)
                && java.util.Objects.equals(fingerprint, s.fingerprint) && Arrays.equals(signature, s.signature)
                && Arrays.equals(entityIds, s.entityIds) && Arrays.equals(entityWeights, s.entityWeights)
                && Arrays.equals(terms, s.terms) && Arrays.equals(termWeights, s.termWeights)
                && Arrays.equals(paragraphs, s.paragraphs);
    }

    @Override
    public int hashCode() {
        return articleId.hashCode() * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "StoredArticle[" + articleId + " @" + timestamp + " " + kind + " story=" + storyId
                + (duplicateOf == null ? "" : " duplicateOf=" + duplicateOf) + " entities=" + entityIds.length
                + " terms=" + terms.length + "]";
    }
}
