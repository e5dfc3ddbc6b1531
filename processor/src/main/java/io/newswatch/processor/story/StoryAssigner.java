package io.newswatch.processor.story;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.processor.dedup.NearDuplicateIndex;
import io.newswatch.processor.dedup.ParagraphIndex;
import io.newswatch.processor.dedup.Posting;
import io.newswatch.processor.dedup.TimedPostings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assigns each article to a story, recognising copies on the way. In order, first match wins:
 *
 * <ol>
 *   <li><b>Same id</b> within the window (the id derives from the canonical URL): {@code EXACT_DUPLICATE} of it.
 *       Except when it is the very same record again (same event time, same fingerprint), as after a crash
 *       under at-least-once delivery: then the original assignment is returned, so the replayed record is
 *       forwarded again instead of being lost as a duplicate of itself.</li>
 *   <li><b>Same folded text</b> ({@link io.newswatch.processor.dedup.ContentFingerprint}): {@code EXACT_DUPLICATE} of the first article with it.</li>
 *   <li><b>Near duplicate</b> ({@link NearDuplicateIndex}, estimated Jaccard of word 5-shingles at least
 *       {@code nearDuplicateThreshold}): {@code NEAR_DUPLICATE} of the earliest such article's root, in its story.</li>
 *   <li><b>Republished copy</b> ({@link ParagraphIndex}: at least {@code minSharedParagraphs} identical paragraphs
 *       holding at least {@code containmentThreshold} of the shorter article's paragraph words, as when an outlet
 *       puts its own headline and lede on a wire story): {@code NEAR_DUPLICATE} too.</li>
 *   <li><b>Same story</b> ({@link StoryClusterer} score at least {@code storyThreshold}): {@code STORY_UPDATE}.</li>
 *   <li>Otherwise {@code NEW_STORY}, whose id is the article's own id.</li>
 * </ol>
 *
 * <p>Exact duplicates leave no state. Near duplicates are stored and bucketed (a later copy may match them) but
 * not indexed for clustering, so that twenty syndicated copies do not make a story's own words look common.
 * Every lookup is limited to event times within {@code window} of the article's, on both sides, so late
 * articles are judged against what surrounded them.
 *
 * <p>Deterministic: the result depends only on the sequence of inputs (and their event times) since the state
 * was empty. Not thread-safe; one instance per stream task.
 */
public final class StoryAssigner {
    static final String FINGERPRINT_PREFIX = "fp:";

    private final StoryState state;
    private final StoryConfig settings;
    private final NearDuplicateIndex nearDuplicates;
    private final ParagraphIndex paragraphs;
    private final StoryClusterer clusterer;

    /**
     * @param state    where the decisions are remembered; read and written
     * @param settings thresholds, window and caps
     */
    public StoryAssigner(StoryState state, StoryConfig settings) {
        if (state == null || settings == null) {
            throw new IllegalArgumentException("state and settings must not be null");
        }
        this.state = state;
        this.settings = settings;
        this.nearDuplicates = new NearDuplicateIndex(state, (id, ts) -> {
            StoredArticle a = state.article(id, ts);
            return a == null ? null : a.signature();
        }, settings.nearDuplicateThreshold(), settings.postingCap());
        this.paragraphs = new ParagraphIndex(state, (id, ts) -> {
            StoredArticle a = state.article(id, ts);
            return a == null ? null : a.paragraphs();
        }, settings.containmentThreshold(), settings.minSharedParagraphs(), settings.postingCap());
        this.clusterer = new StoryClusterer(state, settings);
    }

    /** An assigner over {@linkplain StoryState#inMemory in-memory state}, for the offline scan and tests. */
    public static StoryAssigner inMemory(StoryConfig settings) {
        return new StoryAssigner(StoryState.inMemory(settings), settings);
    }

    /** The settings in use. */
    public StoryConfig settings() {
        return settings;
    }

    /**
     * Decides and remembers where an article belongs.
     *
     * @param article   the article; its id, title and text are used
     * @param entities  the entities found in it (may be empty)
     * @param eventTime its event time: the stream record's timestamp
     * @return the decision; never null
     */
    public Assignment assign(Article article, List<EntityMention> entities, Instant eventTime) {
        Objects.requireNonNull(article, "article");
        return assign(article.id(), StoryFeatures.of(article, settings.termsPerArticle()), entities, eventTime);
    }

    /**
     * Decides and remembers where an article belongs, from features computed beforehand (as the topology's
     * analyse stage does, in parallel) with {@link StoryFeatures#of}; same decision as {@link #assign(Article, List, Instant)}.
     *
     * @param id        the article id
     * @param features  its features, for at least {@code settings.termsPerArticle()} terms
     * @param entities  the entities found in it (may be empty)
     * @param eventTime its event time: the stream record's timestamp
     */
    public Assignment assign(String id, StoryFeatures features, List<EntityMention> entities, Instant eventTime) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(eventTime, "eventTime");
        long ts = eventTime.toEpochMilli();
        long windowMs = settings.window().toMillis();
        long from = ts - windowMs;
        long to = ts + windowMs;
        String fingerprint = features.fingerprint();

        Optional<StoredArticle> sameId = state.article(id, from, to);
        if (sameId.isPresent()) {
            StoredArticle s = sameId.get();
            if (s.timestamp() == ts && Objects.equals(s.fingerprint(), fingerprint)) {
                return s.assignment();
            }
            return new Assignment(Assignment.Kind.EXACT_DUPLICATE, s.storyId(), s.rootId());
        }
        if (fingerprint != null) {
            Optional<Posting> first = state.oldest(TimedPostings.key(FINGERPRINT_PREFIX, fingerprint), from, to);
            StoredArticle original = first.map(p -> state.article(p.articleId(), p.timestamp())).orElse(null);
            if (original != null) {
                return new Assignment(Assignment.Kind.EXACT_DUPLICATE, original.storyId(), original.rootId());
            }
        }

        long[] signature = features.signature();
        Optional<NearDuplicateIndex.NearDuplicate> near = nearDuplicates.findDuplicate(signature, from, to);
        StoredArticle original = near.map(n -> state.article(n.articleId(), n.timestamp())).orElse(null);
        if (original == null) {
            original = paragraphs.findCopy(features.paragraphs(), from, to)
                    .map(c -> state.article(c.articleId(), c.timestamp())).orElse(null);
        }
        if (original != null) {
            Assignment a = new Assignment(Assignment.Kind.NEAR_DUPLICATE, original.storyId(), original.rootId());
            remember(id, ts, a, fingerprint, signature, features.paragraphs(), null);
            return a;
        }

        StoryProfile profile = clusterer.profile(features, entities, from, to);
        Assignment a = clusterer.findStory(profile, from, to)
                .map(m -> new Assignment(Assignment.Kind.STORY_UPDATE, m.storyId(), null))
                .orElseGet(() -> new Assignment(Assignment.Kind.NEW_STORY, id, null));
        remember(id, ts, a, fingerprint, signature, features.paragraphs(), profile);
        return a;
    }

    /**
     * Stores the article, then files it in the posting lists. The store write is the one step that can fail, and
     * it comes first, so a failure leaves no half-filed article; the lists are rebuilt from the stored articles
     * whenever the state is reopened ({@link #reindex}).
     */
    private void remember(String id, long ts, Assignment a, String fingerprint, long[] signature, long[] paragraphHashes,
                          StoryProfile profile) {
        String[] noKeys = new String[0];
        float[] noWeights = new float[0];
        StoredArticle stored = new StoredArticle(id, ts, a.kind(), a.storyId(), a.duplicateOf(), fingerprint, signature,
                profile == null ? noKeys : profile.entityIds, profile == null ? noWeights : profile.entityWeights,
                profile == null ? noKeys : profile.terms, profile == null ? noWeights : profile.termWeights, paragraphHashes);
        state.putArticle(stored);
        reindex(stored);
    }

    /**
     * Files a stored article in the posting lists exactly as {@link #assign} filed it: under its fingerprint, its
     * LSH buckets, its paragraphs and, unless it is a near duplicate, its entities and terms. Rebuilding the lists from every
     * stored article this way gives the lists that assigning them did, because lists are ordered by
     * (event time, id) and keep the newest entries whatever the order of insertion.
     */
    void reindex(StoredArticle stored) {
        String id = stored.articleId();
        long ts = stored.timestamp();
        if (stored.fingerprint() != null) {
            state.add(TimedPostings.key(FINGERPRINT_PREFIX, stored.fingerprint()), id, ts);
        }
        nearDuplicates.add(id, stored.signature(), ts);
        paragraphs.add(id, stored.paragraphs(), ts);
        clusterer.index(id, stored.entityIds(), stored.terms(), ts);
    }

    /** The clusterer, for diagnostics in tests. */
    StoryClusterer clusterer() {
        return clusterer;
    }
}
