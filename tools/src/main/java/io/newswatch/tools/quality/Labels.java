package io.newswatch.tools.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The expected outcome of a labelled folder of articles, as read from its {@code labels.json}:
 * <pre>
 * {"articles": {"ID": {"RULE": true|false, ..., "lang": "en", "story": "S1"}},
 *  "duplicates": [[copy, original]], "same_story": [[a, b]], "different_story": [[a, b]]}
 * </pre>
 * IDs are file names without their extension. Immutable; validated on construction, every pair naming two
 * different labelled articles.
 *
 * @param articles       expectations by article id, in id order
 * @param duplicates     {@code [copy, original]} pairs
 * @param sameStory      pairs that must share a story
 * @param differentStory pairs that must not
 */
public record Labels(Map<String, Article> articles, List<Pair> duplicates, List<Pair> sameStory, List<Pair> differentStory) {

    /**
     * What one article should give.
     *
     * @param rules expected outcome per labelled rule id (rules not named are not scored on this article)
     * @param lang  its language, as labelled
     * @param story its story label: articles with the same label tell the same event
     */
    public record Article(Map<String, Boolean> rules, String lang, String story) {
        public Article {
            rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        }
    }

    /** Two article ids. */
    public record Pair(String first, String second) {
    }

    public Labels {
        articles = Collections.unmodifiableMap(new TreeMap<>(articles));
        duplicates = List.copyOf(duplicates);
        sameStory = List.copyOf(sameStory);
        differentStory = List.copyOf(differentStory);
        for (var entry : Map.of("duplicates", duplicates, "same_story", sameStory, "different_story", differentStory).entrySet()) {
            for (Pair p : entry.getValue()) {
                for (String id : List.of(p.first(), p.second())) {
                    if (!articles.containsKey(id)) {
                        throw new IllegalArgumentException(entry.getKey() + " names " + id + ", which is not under \"articles\"");
                    }
                }
                if (p.first().equals(p.second())) {
                    throw new IllegalArgumentException(entry.getKey() + " pairs " + p.first() + " with itself");
                }
            }
        }
    }

    /** Every rule id labelled on at least one article, sorted. */
    public Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        articles.values().forEach(a -> ids.addAll(a.rules().keySet()));
        return ids;
    }

    /**
     * Reads and validates a labels file.
     *
     * @throws IOException              when it cannot be read or is not JSON
     * @throws IllegalArgumentException when it is JSON but not in the format above; the message names the place
     */
    public static Labels read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object with \"articles\"");
        }
        JsonNode arts = root.get("articles");
        if (arts == null || !arts.isObject() || arts.isEmpty()) {
            throw new IllegalArgumentException(file + ": \"articles\" must be a non-empty object of article id -> labels");
        }
        Map<String, Article> articles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = arts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            articles.put(e.getKey(), article(file, e.getKey(), e.getValue()));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("articles", "duplicates", "same_story", "different_story").contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key \"" + key + "\"");
            }
        }
        try {
            return new Labels(articles, pairs(file, root, "duplicates"), pairs(file, root, "same_story"),
                    pairs(file, root, "different_story"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Article article(Path file, String id, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": articles." + id + " must be an object");
        }
        Map<String, Boolean> rules = new TreeMap<>();
        String lang = null;
        String story = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file + ": articles." + id + "." + e.getKey();
            switch (e.getKey()) {
                case "lang" -> lang = text(where, e.getValue());
                case "story" -> story = text(where, e.getValue());
                default -> {
                    if (!e.getValue().isBoolean()) {
                        throw new IllegalArgumentException(where + " must be true or false (a rule id), was " + e.getValue());
                    }
                    rules.put(e.getKey(), e.getValue().booleanValue());
                }
            }
        }
        return new Article(rules, lang, story == null ? id : story);
    }

    private static String text(String where, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " must be a non-empty string, was " + value);
        }
        return value.asText();
    }

    private static List<Pair> pairs(Path file, JsonNode root, String key) {
        JsonNode list = root.get(key);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": \"" + key + "\" must be an array of [id, id] pairs");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isTextual() || !p.get(1).isTextual()) {
                throw new IllegalArgumentException(file + ": " + key + "[" + i + "] must be a pair of article ids, was " + p);
            }
            pairs.add(new Pair(p.get(0).asText(), p.get(1).asText()));
        }
        return pairs;
    }
}
