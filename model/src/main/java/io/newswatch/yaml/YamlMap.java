package io.newswatch.yaml;

import io.newswatch.model.Validate;
import java.util.List;
import java.util.Optional;

/**
 * A YAML mapping. Its keys are scalars and unique: {@link YamlReader} refuses a repeated key, a merge key
 * ({@code <<}) and a key that is itself a map or a list, so a map here means exactly what its lines say.
 *
 * @param entries  the entries in document order (copied)
 * @param position where the map starts (its first key, or its {@code {})
 */
public record YamlMap(List<Entry> entries, YamlPosition position) implements YamlNode {

    public YamlMap {
        entries = List.copyOf(Validate.notNull(entries, "entries"));
        Validate.notNull(position, "position");
    }

    /**
     * One {@code key: value} line.
     *
     * @param key   the key, with its own position (where "unknown key" errors point)
     * @param value the value, with its own position
     */
    public record Entry(YamlScalar key, YamlNode value) {
        public Entry {
            Validate.notNull(key, "key");
            Validate.notNull(value, "value");
        }

        /** The key's text. */
        public String name() {
            return key.text();
        }
    }

    /** The entry whose key is {@code name}, if there is one. Linear in the number of entries. */
    public Optional<Entry> entry(String name) {
        Validate.notNull(name, "name");
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "a map";
    }
}
