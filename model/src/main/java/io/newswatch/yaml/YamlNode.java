package io.newswatch.yaml;

/**
 * A node of a YAML document read by {@link YamlReader}: a {@link YamlMap}, a {@link YamlList} or a
 * {@link YamlScalar}, each knowing where it was written. Nodes are immutable and thread-safe.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    /** Where the node starts: its first character, or for a block scalar its {@code |} or {@code >}. */
    YamlPosition position();

    /** What kind of node this is, for messages: "a map", "a list" or "a value". */
    String describe();
}
