package io.newswatch.app.testkit;

import io.newswatch.yaml.YamlList;
import io.newswatch.yaml.YamlMap;
import io.newswatch.yaml.YamlNode;
import io.newswatch.yaml.YamlReader;
import io.newswatch.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deployment file read by the project's own YAML reader, as plain maps, lists and strings (scalars as written). */
public final class PlainYaml {
    private PlainYaml() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        YamlNode root = YamlReader.read(file).orElseThrow(() -> new AssertionError(file + " is empty"));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(root);
        return map;
    }

    public static Object plain(YamlNode node) {
        if (node instanceof YamlMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach(e -> out.put(e.name(), plain(e.value())));
            return out;
        } else if (node instanceof YamlList l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        YamlScalar s = (YamlScalar) node;
        return s.isNull() ? null : s.text();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
