package io.newswatch.ingest.feed;

import java.net.URI;

/**
 * Parses a fetched feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x) into items.
 *
 * <p>Implementations are thread-safe and never resolve DOCTYPEs or external entities.
 */
public interface FeedParser {

    /**
     * Parses {@code body}.
     *
     * @param body        the raw bytes as received (after content decoding), not yet decoded to text
     * @param contentType the HTTP {@code Content-Type} header, or {@code null}
     * @param feedUrl     the URL the body came from; relative links resolve against it
     * @return the feed and its items, in document order
     * @throws FeedParseException with a clear reason when the body is not a feed it can read
     */
    ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException;
}
