package io.newswatch.processor.entities;

/**
 * A gazetteer file that cannot be used: unreadable, not YAML, or with an unknown key, a bad type, a duplicate id
 * or an alias claimed by two entities. The message starts with {@code file:line:column} and names the key.
 */
public final class GazetteerException extends RuntimeException {
    GazetteerException(String message) {
        super(message);
    }

    GazetteerException(String message, Throwable cause) {
        super(message, cause);
    }
}
