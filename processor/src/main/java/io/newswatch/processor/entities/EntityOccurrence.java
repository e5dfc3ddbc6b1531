package io.newswatch.processor.entities;

/**
 * Where one name of an entity occurs in a text.
 *
 * @param entity the entity named
 * @param start  offset of the name's first char in the searched string (UTF-16 units)
 * @param end    offset just past its last char
 */
public record EntityOccurrence(Entity entity, int start, int end) {
    public EntityOccurrence {
        if (entity == null) {
            throw new IllegalArgumentException("entity must not be null");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start < end, were " + start + ", " + end);
        }
    }

    /** The matched text, as written in {@code text}. */
    public String matchedIn(String text) {
        return text.substring(start, end);
    }
}
