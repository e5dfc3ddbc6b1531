package io.newswatch.yaml;

import io.newswatch.model.Validate;

/**
 * Where something is written in a YAML source, as people count: lines and columns start at 1.
 *
 * @param source how the source is named in messages: a file path or {@code classpath:/...}
 * @param line   1-based line
 * @param column 1-based column, in characters
 */
public record YamlPosition(String source, int line, int column) {

    public YamlPosition {
        Validate.notBlank(source, "source");
        Validate.positive(line, "line");
        Validate.positive(column, "column");
    }

    /** {@code source:line:column}, the form every newswatch error message starts with. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
