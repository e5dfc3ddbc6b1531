package io.newswatch.ingest.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson's tree model.
 *
 * <p>Fields are mapped as the specification defines them: {@code title}, {@code summary} and
 * {@code content_text} are plain text, {@code content_html} is HTML; {@code date_published} (else
 * {@code date_modified}) are read by {@link FeedDates}; anything unparseable gives a {@code null} date. Without a
 * {@code summary}, the summary is the content's plain text, as for XML feeds. Both the 1.0
 * {@code author} object and the 1.1 {@code authors} array are read. Items that are not objects are skipped, not
 * fatal. Stateless and thread-safe.
 */
final class JsonFeedReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION_PREFIX = "://jsonfeed.org/version/";

    private JsonFeedReader() {
    }

    /**
     * Reads decoded JSON text.
     *
     * @param json    the document; not modified
     * @param feedUrl base for relative URLs
     */
    static ParsedFeed read(String json, URI feedUrl) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FeedParseException("invalid JSON: " + (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a JSON Feed: the document is not a JSON object");
        }
        String version = root.path("version").asText("");
        int at = version.indexOf(VERSION_PREFIX);
        if (at < 0 || !version.startsWith("http")) {
            throw new FeedParseException("not a JSON Feed: \"version\" must be a https://jsonfeed.org/version/ URL, was '" + version + "'");
        }
        String number = version.substring(at + VERSION_PREFIX.length()).replaceAll("/+$", "");
        String format = "json_feed_" + (number.equals("1") ? "1.0" : number);
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new FeedParseException("not a JSON Feed: \"items\" must be an array");
        }
        List<FeedItem> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.isObject()) {
                out.add(item(item, feedUrl));
            }
        }
        return new ParsedFeed(format, PlainText.fromText(string(root, "title")), LinkResolver.resolve(feedUrl, string(root, "home_page_url")),
                PlainText.orNull(string(root, "language")), out);
    }

    private static FeedItem item(JsonNode item, URI feedUrl) {
        String link = LinkResolver.resolve(feedUrl, string(item, "url"));
        if (link == null) {
            link = LinkResolver.resolve(feedUrl, string(item, "external_url"));
        }
        String guid = PlainText.orNull(string(item, "id"));
        if (guid == null) {
            guid = link;
        }
        String html = string(item, "content_html");
        String text = string(item, "content_text");
        String contentHtml = html != null && !html.isBlank() ? html.strip()
                : text != null && !text.isBlank() ? PlainText.toHtml(text.strip()) : null;
        Instant published = FeedDates.parse(string(item, "date_published"));
        if (published == null) {
            published = FeedDates.parse(string(item, "date_modified"));
        }
        String summary = PlainText.fromText(string(item, "summary"));
        if (summary.isEmpty()) {
            summary = text != null && !text.isBlank() ? PlainText.fromText(text) : PlainText.fromHtml(html);
        }
        return new FeedItem(guid, link, PlainText.fromText(string(item, "title")), summary, contentHtml, author(item), published,
                tags(item));
    }

    private static String author(JsonNode item) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : item.path("authors")) {
            String name = PlainText.orNull(string(a, "name"));
            if (name != null) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            String name = PlainText.orNull(string(item.path("author"), "name"));
            return name;
        }
        return String.join(", ", names);
    }

    private static List<String> tags(JsonNode item) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isValueNode()) {
                String t = PlainText.fromText(tag.asText());
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The text of a scalar field, or {@code null} when absent, null or not a scalar. */
    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
