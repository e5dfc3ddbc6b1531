/**
 * The YAML reader shared by every file newswatch reads: the config file, feed lists, rule files and
 * gazetteers. {@link io.newswatch.yaml.YamlReader} parses with SnakeYAML's event parser into immutable
 * {@link io.newswatch.yaml.YamlNode}s that keep {@code file:line:column}; each file kind then checks its own
 * keys and values against the tree and names the position of every error.
 *
 * <p>The reader owns what is the same for every kind: the size bounds (file, line, value, nesting, node count),
 * UTF-8, and refusing what YAML would otherwise resolve behind the reader's back (aliases, merge keys, repeated
 * keys, extra documents, custom tags). Those errors are {@link io.newswatch.yaml.YamlException}s, which each
 * file kind reports as its own error type (config errors exit the CLI with code 2).
 */
package io.newswatch.yaml;
