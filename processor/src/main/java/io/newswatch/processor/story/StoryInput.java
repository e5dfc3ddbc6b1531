package io.newswatch.processor.story;

import io.newswatch.model.EntityMention;
import io.newswatch.model.topic.JsonSerde;
import java.util.List;
import java.util.Objects;

/**
 * A record of the processor's internal, single-partition stories topic: an {@link AnalysedArticle} (rule hits and
 * entities filled, no story yet) and the {@link StoryFeatures} computed beside the analysis, so that the one
 * ordered stage only does what needs its state.
 *
 * <p>The ordered stage needs the article id, the features and the entities; the analysed article itself only
 * passes through it. So it is kept as the JSON it will be published as when it matched (a match without
 * {@code storyId} and {@code duplicateOf}), and the stage adds the story fields to those bytes
 * ({@link AssignedMatch}) instead of reading and writing the whole article again. {@link #analysed()} reads it
 * when something does need the object.
 * See {@link StoryInputSerde} for the wire format. Internal to the processor: the format may change between
 * versions, and earlier formats are still read.
 *
 * <p>Immutable apart from the lazily read match; the arrays inside the features are shared, treat them as
 * read-only. Not for concurrent use.
 */
public final class StoryInput {
    static final JsonSerde<AnalysedArticle> ANALYSED_JSON = new JsonSerde<>(AnalysedArticle.class);

    private final String articleId;
    private final long fetchedAt;
    private final StoryFeatures features;
    private final List<EntityMention> entities;
    private final boolean matched;
    private final byte[] matchJson;
    private AnalysedArticle analysed;

    /**
     * @param articleId the article
     * @param fetchedAt when ingest fetched it (epoch milliseconds): the story stage's order key
     * @param features  its story features, or {@code null} to have the story stage compute them from the match
     * @param entities  the entities found in it
     * @param matched   whether any rule matched it
     * @param matchJson its {@link AnalysedArticle} as JSON
     */
    StoryInput(String articleId, long fetchedAt, StoryFeatures features, List<EntityMention> entities, boolean matched, byte[] matchJson) {
        this.articleId = Objects.requireNonNull(articleId, "articleId");
        this.fetchedAt = fetchedAt;
        this.features = features;
        this.entities = List.copyOf(entities);
        this.matched = matched;
        this.matchJson = Objects.requireNonNull(matchJson, "matchJson");
        if (matchJson.length < 2 || matchJson[0] != '{') {
            throw new IllegalArgumentException("the match of article " + articleId + " is not a JSON object");
        }
    }

    /**
     * The input for one analysed article.
     *
     * @param features its story features, or {@code null} to have the story stage compute them
     */
    public StoryInput(AnalysedArticle analysed, StoryFeatures features) {
        this(analysed.article().id(), analysed.article().fetchedAt().toEpochMilli(), features, analysed.entities(), analysed.matched(), ANALYSED_JSON.toBytes(analysed));
        this.analysed = analysed;
    }

    public String articleId() {
        return articleId;
    }

    /**
     * When ingest fetched the article, in epoch milliseconds: with the article id, the order in which the story stage
     * takes articles (see {@code StoryOrder}). Carried in the envelope so that ordering never parses the article.
     */
    public long fetchedAt() {
        return fetchedAt;
    }

    /** The features computed by the analyse stage, or {@code null}. */
    public StoryFeatures features() {
        return features;
    }

    public List<EntityMention> entities() {
        return entities;
    }

    /** Whether any rule matched the article: the story stage publishes only those. */
    public boolean matched() {
        return matched;
    }

    /** The analysed article as JSON (a match without story fields when it matched). Shared: do not modify. */
    byte[] matchJson() {
        return matchJson;
    }

    /**
     * The analysed article, read from its JSON on first use.
     *
     * @throws org.apache.kafka.common.errors.SerializationException if the JSON is not a valid analysed article
     */
    public AnalysedArticle analysed() {
        if (analysed == null) {
            analysed = ANALYSED_JSON.fromBytes(matchJson);
        }
        return analysed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryInput s && articleId.equals(s.articleId) && fetchedAt == s.fetchedAt && Objects.equals(features, s.features)
                && entities.equals(s.entities) && matched == s.matched && java.util.Arrays.equals(matchJson, s.matchJson);
    }

    @Override
    public int hashCode() {
        return articleId.hashCode();
    }

    @Override
    public String toString() {
        return "StoryInput[" + articleId + (matched ? ", matched" : "") + ", " + entities.size() + " entities, "
                + (features == null ? "no features" : "features") + ", " + matchJson.length + " bytes of match]";
    }
}
