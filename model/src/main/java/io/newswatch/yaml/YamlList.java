package io.newswatch.yaml;

import io.newswatch.model.Validate;
import java.util.List;

/**
 * A YAML sequence ({@code - a} lines or {@code [a, b]}).
 *
 * @param items    the items in document order (copied)
 * @param position where the list starts
 */
public record YamlList(List<YamlNode> items, YamlPosition position) implements YamlNode {

    public YamlList {
        items = List.copyOf(Validate.notNull(items, "items"));
        Validate.notNull(position, "position");
    }

    @Override
    public String describe() {
        return "a list";
    }
}
