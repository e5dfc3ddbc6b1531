package io.newswatch.processor.story;

/**
 * What {@link StoryAssigner} decided for one article.
 *
 * @param kind        the decision
 * @param storyId     the story the article belongs to: the id of the article that opened it
 * @param duplicateOf for a duplicate, the earliest article of which it is a copy; otherwise {@code null}
 */
public record Assignment(Kind kind, String storyId, String duplicateOf) {

    /** The four outcomes, from most to least novel. */
    public enum Kind {
        /** No earlier article in the window tells this event: the article opens a story under its own id. */
        NEW_STORY,
        /** Another article (other words, maybe another language) about a story already open. */
        STORY_UPDATE,
        /** The same text as an earlier article with small edits (syndicated copy); kept, marked. */
        NEAR_DUPLICATE,
        /** The same article again (same id, or same text after folding); dropped by the stream. */
        EXACT_DUPLICATE
    }

    public Assignment {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (storyId == null || storyId.isBlank()) {
            throw new IllegalArgumentException("storyId must not be blank");
        }
        boolean duplicate = kind == Kind.NEAR_DUPLICATE || kind == Kind.EXACT_DUPLICATE;
        if (duplicate != (duplicateOf != null)) {
            throw new IllegalArgumentException(kind + (duplicate ? " needs" : " takes no") + " duplicateOf");
        }
    }
}
