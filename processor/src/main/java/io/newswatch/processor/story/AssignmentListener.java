package io.newswatch.processor.story;

/**
 * Told of every decision {@link StoryProcessor} makes, including the exact duplicates it drops; the place to
 * count them in metrics. Called on the stream thread, so it must be fast and must not throw.
 */
@FunctionalInterface
public interface AssignmentListener {
    /** A listener that does nothing. */
    AssignmentListener NONE = (articleId, assignment) -> { };

    /** Called once per article after the decision, before anything is forwarded. */
    void onAssignment(String articleId, Assignment assignment);
}
