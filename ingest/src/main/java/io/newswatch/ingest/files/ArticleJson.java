package io.newswatch.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code .json} article file strictly: the fields of {@link Article} must have their JSON types (a
 * title of {@code true} or a text of {@code 42} is refused, where the topic's lenient mapping would turn them
 * into strings), and {@code url} and {@code canonicalUrl} must be absolute http or https URLs with a host, since
 * they are later shown as links to analysts ({@code javascript:} or {@code file:} would not be harmless there).
 * Unknown fields are ignored, as on the topic. Every error names the file and the field. Stateless, thread-safe.
 */
final class ArticleJson {

    private enum Kind { STRING, NUMBER, BOOLEAN, STRING_ARRAY }

    /** The fields of {@link Article} and the JSON type each must have; null is allowed for every one but the body's. */
    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("schemaVersion", Kind.NUMBER), Map.entry("id", Kind.STRING), Map.entry("url", Kind.STRING),
            Map.entry("canonicalUrl", Kind.STRING), Map.entry("feedId", Kind.STRING), Map.entry("source", Kind.STRING),
            Map.entry("title", Kind.STRING), Map.entry("text", Kind.STRING), Map.entry("lang", Kind.STRING),
            Map.entry("byline", Kind.STRING), Map.entry("publishedAt", Kind.STRING), Map.entry("publishedAtEstimated", Kind.BOOLEAN),
            Map.entry("fetchedAt", Kind.STRING), Map.entry("tags", Kind.STRING_ARRAY));

    private ArticleJson() {
    }

    /**
     * Parses one article record.
     *
     * @param where the file name, for messages
     * @throws IllegalArgumentException naming {@code where} and, when it is one field's fault, the field
     */
    static Article read(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(where + ": empty JSON");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(where + ": an article must be a JSON object, was " + describe(root.getNodeType()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Kind kind = FIELDS.get(field.getKey());
            if (kind != null) {
                check(where, field.getKey(), field.getValue(), kind);
            }
        }
        url(where, "url", root.get("url"));
        url(where, "canonicalUrl", root.get("canonicalUrl"));
        try {
            return Json.mapper().treeToValue(root, Article.class);
        } catch (JsonProcessingException | RuntimeException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r && r.getMessage() != null) {
                message = r.getMessage(); // the record's own validation, e.g. "id must not be blank"
            }
            throw new IllegalArgumentException(where + ": not an article record: " + firstLine(message), e);
        }
    }

    private static void check(String where, String field, JsonNode value, Kind kind) {
        if (value.isNull()) {
            return;
        }
        boolean ok = switch (kind) {
            case STRING -> value.isTextual();
            case NUMBER -> value.isIntegralNumber() && value.canConvertToInt();
            case BOOLEAN -> value.isBoolean();
            case STRING_ARRAY -> value.isArray();
        };
        if (!ok) {
            String expected = switch (kind) {
                case STRING -> "a string";
                case NUMBER -> "an integer";
                case BOOLEAN -> "true or false";
                case STRING_ARRAY -> "an array of strings";
            };
            throw new IllegalArgumentException(where + ": field '" + field + "' must be " + expected + ", was "
                    + describe(value.getNodeType()) + " " + abbreviate(value.toString()));
        }
        if (kind == Kind.STRING_ARRAY) {
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    throw new IllegalArgumentException(where + ": field '" + field + "[" + i + "]' must be a string, was "
                            + describe(value.get(i).getNodeType()) + " " + abbreviate(value.get(i).toString()));
                }
            }
        }
    }

    private static void url(String where, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        String text = value.asText();
        String scheme = null;
        String host = null;
        try {
            URI uri = new URI(text.strip());
            scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            host = uri.getHost();
        } catch (URISyntaxException e) {
            // reported below
        }
        if (!"http".equals(scheme) && !"https".equals(scheme) || host == null || host.isEmpty()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be an absolute http or https URL, was '"
                    + abbreviate(text) + "'");
        }
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
