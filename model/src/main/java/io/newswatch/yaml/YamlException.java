package io.newswatch.yaml;

import io.newswatch.model.Validate;

/**
 * A YAML source that cannot be read: broken syntax, a construct newswatch does not accept (aliases, merge keys,
 * repeated keys, a second document, custom tags) or a bound exceeded (see {@link YamlReader}). The message is
 * {@code source:line:column: reason}, or {@code source: reason} when there is no position (the file as a whole).
 * Readers of each file kind turn it into their own error ({@code ConfigException}, a rule-file problem, ...).
 */
public final class YamlException extends RuntimeException {
    private final String source;
    private final YamlPosition position;
    private final String reason;

    /** A problem at {@code position}. */
    public YamlException(YamlPosition position, String reason) {
        this(Validate.notNull(position, "position").source(), position, reason, null);
    }

    /** A problem with the source as a whole, such as its size. */
    public YamlException(String source, String reason, Throwable cause) {
        this(source, null, reason, cause);
    }

    private YamlException(String source, YamlPosition position, String reason, Throwable cause) {
        super((position != null ? position.toString() : source) + ": " + Validate.notBlank(reason, "reason"), cause);
        this.source = Validate.notBlank(source, "source");
        this.position = position;
        this.reason = reason;
    }

    /** The file or resource, as named in the message. */
    public String source() {
        return source;
    }

    /** Where the problem is, or {@code null} when it concerns the whole source. */
    public YamlPosition position() {
        return position;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** {@code source:line:column}, or {@code source} without a position. */
    public String location() {
        return position != null ? position.toString() : source;
    }
}
