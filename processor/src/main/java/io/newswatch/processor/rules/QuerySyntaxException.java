package io.newswatch.processor.rules;

/** A query that cannot be parsed or compiled, with the character position of the offending part. */
final class QuerySyntaxException extends Exception {
    private final int position;

    QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Offset in the query string, or -1 when the problem is not at one place. */
    int position() {
        return position;
    }
}
