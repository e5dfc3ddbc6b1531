package io.newswatch.processor.entities;

/**
 * One word of a text after {@link TextFolder folding}, with its place in the original string.
 *
 * @param text  the folded form: lower case, accents and other combining marks removed, compatibility
 *              characters decomposed (see {@link TextFolder#fold(String)})
 * @param start offset of the token's first char in the original string (UTF-16 units)
 * @param end   offset just past its last char
 */
public record FoldedToken(String text, int start, int end) {
    public FoldedToken {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("token text must not be empty");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("token offsets must satisfy 0 <= start < end, were " + start + ", " + end);
        }
    }
}
