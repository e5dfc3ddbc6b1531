package io.newswatch.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.config.ConfigException;
import io.newswatch.yaml.YamlException;
import io.newswatch.yaml.YamlList;
import io.newswatch.yaml.YamlMap;
import io.newswatch.yaml.YamlNode;
import io.newswatch.yaml.YamlPosition;
import io.newswatch.yaml.YamlReader;
import io.newswatch.yaml.YamlScalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes feed lists: YAML files of the form
 *
 * <pre>{@code
 * feeds:
 *   - id: insightcrime-en
 *     url: https://insightcrime.org/feed/
 *     source: InSight Crime
 *     lang: en
 *     pollInterval: 15m      # 30s, 10m, 2h or ISO-8601; 10m when absent
 *     fullText: true         # false when absent
 *     tags: [latam-security]
 * }</pre>
 *
 * <p>A bad list is a start-up error: {@link ConfigException} with a message naming the file, the line and column,
 * the entry ({@code feeds[3]}) and the key, for unknown keys, wrong types, invalid values (see {@link FeedSpec})
 * and duplicate ids or keys. The file is read by {@link YamlReader}, with its bounds (4 MiB, and so on) and its
 * refusals (aliases, merge keys, a second document). The built-in list is {@code /feeds/default-feeds.yaml} on
 * the classpath. Stateless and thread-safe.
 */
public final class FeedList {

    /** Classpath location of the curated default list. */
    public static final String DEFAULT_RESOURCE = "/feeds/default-feeds.yaml";

    private static final String FEEDS = "feeds";
    /** Writes feed lists; reading goes through {@link YamlReader}. */
    private static final YAMLMapper MAPPER = mapper();

    private FeedList() {
    }

    /**
     * Loads the feed list in {@code yaml}.
     *
     * @throws ConfigException when the file cannot be read or any entry is invalid
     */
    public static List<FeedSpec> load(Path yaml) {
        Objects.requireNonNull(yaml, "yaml must not be null");
        Optional<YamlNode> root;
        try {
            root = YamlReader.read(yaml);
        } catch (IOException e) {
            throw new ConfigException(yaml + ": cannot read the feed list: " + e.getMessage(), e);
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        return read(root, yaml.toString());
    }

    /**
     * Loads the curated list shipped in the jar ({@value #DEFAULT_RESOURCE}).
     *
     * @throws ConfigException when the resource is missing or invalid (a packaging error)
     */
    public static List<FeedSpec> loadDefault() {
        try (InputStream in = FeedList.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath:" + DEFAULT_RESOURCE + ": not found; the ingest jar is incomplete");
            }
            return read(YamlReader.read(in, "classpath:" + DEFAULT_RESOURCE), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /**
     * Writes {@code feeds} as a feed-list YAML document that {@link #load(Path)} reads back to an equal list.
     * Absent languages are left out; intervals are written as {@code 10m}-style durations.
     */
    public static String toYaml(List<FeedSpec> feeds) {
        Objects.requireNonNull(feeds, "feeds must not be null");
        try {
            return MAPPER.writeValueAsString(Map.of(FEEDS, feeds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a feed list as YAML", e);
        }
    }

    /** Checks a parsed feed list; {@code where} names the source in messages. */
    private static List<FeedSpec> read(Optional<YamlNode> document, String where) {
        if (document.isEmpty() || !(document.get() instanceof YamlMap root)) {
            throw new ConfigException(document.map(n -> n.position() + ": ").orElse(where + ": ")
                    + "a feed list is a YAML map with a 'feeds:' list");
        }
        List<FeedSpec> feeds = new ArrayList<>();
        Map<String, YamlPosition> seen = new HashMap<>();
        boolean sawFeeds = false;
        for (YamlMap.Entry top : root.entries()) {
            if (!top.name().equals(FEEDS)) {
                throw new ConfigException(top.key().position() + ": unknown key '" + top.name() + "'; a feed list has only 'feeds:'");
            }
            sawFeeds = true;
            if (top.value() instanceof YamlScalar s && s.isNull()) {
                continue;
            }
            if (!(top.value() instanceof YamlList list)) {
                throw new ConfigException(top.value().position() + ": 'feeds' must be a list of feeds");
            }
            for (YamlNode item : list.items()) {
                int index = feeds.size();
                FeedSpec spec = entry(item, index);
                YamlPosition earlier = seen.putIfAbsent(spec.id(), item.position());
                if (earlier != null) {
                    throw new ConfigException(item.position() + ": feeds[" + index + "].id: duplicate id '" + spec.id()
                            + "' (first at line " + earlier.line() + ")");
                }
                feeds.add(spec);
            }
        }
        if (!sawFeeds) {
            throw new ConfigException(where + ": no 'feeds:' list");
        }
        return List.copyOf(feeds);
    }

    private static FeedSpec entry(YamlNode item, int index) {
        String entry = "feeds[" + index + "]";
        if (!(item instanceof YamlMap map)) {
            throw new ConfigException(item.position() + ": " + entry + ": each feed must be a map of keys (id, url, ...)");
        }
        Map<String, YamlPosition> keys = new LinkedHashMap<>();
        Map<String, YamlNode> values = new HashMap<>();
        for (YamlMap.Entry e : map.entries()) {
            if (!KEYS.contains(e.name())) {
                throw new ConfigException(e.key().position() + ": " + entry + "." + e.name()
                        + ": unknown key; known keys are " + String.join(", ", KEYS));
            }
            keys.put(e.name(), e.key().position());
            if (!(e.value() instanceof YamlScalar s && s.isNull())) {
                values.put(e.name(), e.value());
            }
        }
        FieldReader fields = new FieldReader(entry, keys, values);
        try {
            return new FeedSpec(fields.text("id"), fields.text("url"), fields.text("source"), fields.text("lang"),
                    fields.duration("pollInterval"), fields.bool("fullText"), fields.texts("tags"));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The record's own validation: its message starts with the component's name.
            String key = String.valueOf(e.getMessage()).split("[ :]", 2)[0];
            throw new ConfigException(keys.getOrDefault(key, map.position()) + ": " + entry + "." + e.getMessage(), e);
        }
    }

    /** The keys a feed entry may have, in the order messages list them. */
    private static final List<String> KEYS = List.of("id", "url", "source", "lang", "pollInterval", "fullText", "tags");

    /** Turns one entry's values into typed fields; errors point at the key. */
    private record FieldReader(String entry, Map<String, YamlPosition> keys, Map<String, YamlNode> values) {

        String text(String key) {
            YamlNode node = values.get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof YamlScalar s)) {
                throw wrong(key, "wrong type: expected text");
            }
            return s.text();
        }

        Duration duration(String key) {
            YamlNode node = values.get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof YamlScalar s) || s.kind() != YamlScalar.Kind.STRING) {
                throw wrong(key, "wrong type: expected a duration such as 30s, 10m, 2h or PT10M, got "
                        + (node instanceof YamlScalar s ? "'" + s.text() + "'" : node.describe()));
            }
            try {
                return DurationText.parse(s.text());
            } catch (IllegalArgumentException e) {
                throw wrong(key, e.getMessage());
            }
        }

        boolean bool(String key) {
            YamlNode node = values.get(key);
            if (node == null) {
                return false;
            }
            if (!(node instanceof YamlScalar s)) {
                throw wrong(key, "wrong type: expected true or false");
            }
            return s.bool().orElseThrow(() -> wrong(key, "expected true or false, got '" + s.text() + "'"));
        }

        List<String> texts(String key) {
            YamlNode node = values.get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof YamlList list)) {
                throw wrong(key, "wrong type: expected a list such as [a, b]");
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlScalar s) || s.isNull()) {
                    throw new ConfigException(item.position() + ": " + entry + "." + key + ": wrong type: expected a list of plain values");
                }
                out.add(s.text());
            }
            return out;
        }

        private ConfigException wrong(String key, String problem) {
            return new ConfigException(keys.get(key) + ": " + entry + "." + key + ": " + problem);
        }
    }

    private static YAMLMapper mapper() {
        SimpleModule durations = new SimpleModule("feed-list-durations")
                .addSerializer(Duration.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                        gen.writeString(DurationText.format(value));
                    }
                });
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        YAMLMapper mapper = new YAMLMapper(factory);
        mapper.registerModule(durations);
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }
}
