package io.newswatch.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * and duplicate ids or keys. The built-in list is {@code /feeds/default-feeds.yaml} on the classpath. Stateless
 * and thread-safe.
 */
public final class FeedList {

    /** Classpath location of the curated default list. */
    public static final String DEFAULT_RESOURCE = "/feeds/default-feeds.yaml";

    private static final String FEEDS = "feeds";
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
        try (Reader reader = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
            return read(reader, yaml.toString());
        } catch (IOException e) {
            throw new ConfigException(yaml + ": cannot read the feed list: " + e.getMessage(), e);
        }
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
            return read(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
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

    /** Parses a feed list; {@code where} names the source in messages. */
    static List<FeedSpec> read(Reader reader, String where) throws IOException {
        List<FeedSpec> feeds = new ArrayList<>();
        Map<String, JsonLocation> seen = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(at(where, p.currentTokenLocation()) + "a feed list is a YAML map with a 'feeds:' list");
            }
            boolean sawFeeds = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                if (!key.equals(FEEDS)) {
                    throw new ConfigException(at(where, keyAt) + "unknown key '" + key + "'; a feed list has only 'feeds:'");
                }
                sawFeeds = true;
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new ConfigException(at(where, p.currentTokenLocation()) + "'feeds' must be a list of feeds");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int index = feeds.size();
                    JsonLocation entryAt = p.currentTokenLocation();
                    FeedSpec spec = entry(p, where, index, entryAt);
                    JsonLocation earlier = seen.putIfAbsent(spec.id(), entryAt);
                    if (earlier != null) {
                        throw new ConfigException(at(where, entryAt) + "feeds[" + index + "].id: duplicate id '" + spec.id()
                                + "' (first at line " + earlier.getLineNr() + ")");
                    }
                    feeds.add(spec);
                }
            }
            if (!sawFeeds) {
                throw new ConfigException(where + ": no 'feeds:' list");
            }
        } catch (JsonMappingException e) {
            throw new ConfigException(at(where, e.getLocation()) + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(at(where, e.getLocation()) + "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        return List.copyOf(feeds);
    }

    private static FeedSpec entry(JsonParser p, String where, int index, JsonLocation entryAt) throws IOException {
        String entry = "feeds[" + index + "]";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new ConfigException(at(where, entryAt) + entry + ": each feed must be a map of keys (id, url, ...)");
        }
        // Buffer the entry, noting where each key is: binding errors then point at the key's line, not at
        // wherever the parser had got to when the binder noticed.
        Map<String, JsonLocation> keys = new LinkedHashMap<>();
        TokenBuffer buffer = new TokenBuffer(p, null);
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            if (t == JsonToken.FIELD_NAME && depth == 1) {
                keys.put(p.currentName(), p.currentTokenLocation());
            }
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            buffer.copyCurrentEvent(p);
        } while (depth > 0 && p.nextToken() != null);
        try (JsonParser entryParser = buffer.asParser(MAPPER)) {
            return MAPPER.readValue(entryParser, FeedSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(at(where, keys.getOrDefault(e.getPropertyName(), entryAt)) + entry + "." + e.getPropertyName()
                    + ": unknown key; known keys are id, url, source, lang, pollInterval, fullText, tags", e);
        } catch (ValueInstantiationException e) {
            // The record's own validation: its message starts with the component's name.
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            String key = message.split("[ :]", 2)[0];
            throw new ConfigException(at(where, keys.getOrDefault(key, entryAt)) + entry + "." + message, e);
        } catch (MismatchedInputException e) {
            String key = key(e);
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            String expected = expected(e.getTargetType());
            if (e instanceof InvalidFormatException invalid && expected != null) {
                problem = "expected " + expected + ", got '" + invalid.getValue() + "'";
            } else if (!(e instanceof InvalidFormatException)) {
                problem = "wrong type: " + (expected != null ? "expected " + expected : problem);
            }
            throw new ConfigException(at(where, keys.getOrDefault(key, entryAt)) + entry + (key.isEmpty() ? "" : "." + key) + ": " + problem, e);
        }
    }

    /** What a value of {@code type} looks like in YAML, for messages; {@code null} when Jackson says it better. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list such as [a, b]";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type == String.class ? "text" : null;
    }

    private static String key(JsonMappingException e) {
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            String name = e.getPath().get(i).getFieldName();
            if (name != null) {
                return name;
            }
        }
        return "";
    }

    private static String at(String where, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return where + ": ";
        }
        return where + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static YAMLMapper mapper() {
        SimpleModule durations = new SimpleModule("feed-list-durations")
                .addDeserializer(Duration.class, new JsonDeserializer<>() {
                    @Override
                    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        if (p.currentToken() != JsonToken.VALUE_STRING) {
                            throw MismatchedInputException.from(p, Duration.class,
                                    "expected a duration such as 30s, 10m, 2h or PT10M, got '" + p.getText() + "'");
                        }
                        try {
                            return DurationText.parse(p.getText());
                        } catch (IllegalArgumentException e) {
                            throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
                        }
                    }
                })
                .addSerializer(Duration.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                        gen.writeString(DurationText.format(value));
                    }
                });
        YAMLFactory factory = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        YAMLMapper mapper = new YAMLMapper(factory);
        mapper.registerModule(durations);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }
}
