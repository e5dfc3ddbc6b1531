package io.newswatch.ingest.feed;

/** A feed body that cannot be read; the message says why (e.g. "not XML: ...", "DOCTYPE is not allowed"). */
public class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
