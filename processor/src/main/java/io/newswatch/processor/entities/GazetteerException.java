package io.newswatch.processor.entities;

import io.newswatch.config.ConfigException;

/**
 * A gazetteer file that cannot be used: unreadable, not YAML, or with an unknown key, a bad type, a duplicate id
 * or an alias claimed by two entities. The message starts with {@code file:line:column} and names the key. A
 * configuration error: the gazetteer is read at start-up, and the CLI exits with code 2.
 */
public final class GazetteerException extends ConfigException {
    GazetteerException(String message) {
        super(message);
    }

    GazetteerException(String message, Throwable cause) {
        super(message, cause);
    }
}
