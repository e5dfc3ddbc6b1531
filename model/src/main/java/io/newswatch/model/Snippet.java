package io.newswatch.model;

import java.util.List;

/**
 * A passage of an article that explains a match.
 *
 * @param field      {@code title} or {@code text}
 * @param start      offset of the passage's first char in the field (UTF-16 units)
 * @param end        offset just past the passage's last char
 * @param text       the passage itself
 * @param highlights the matched terms, as offsets in the field
 */
public record Snippet(String field, int start, int end, String text, List<Span> highlights) {
    public Snippet {
        Validate.isTrue(start >= 0 && end >= start, "snippet offsets must satisfy 0 <= start <= end");
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /** A half-open range {@code [start, end)} of a field. */
    public record Span(int start, int end) {
        public Span {
            Validate.isTrue(start >= 0 && end >= start, "span offsets must satisfy 0 <= start <= end");
        }
    }
}
