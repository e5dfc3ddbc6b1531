package io.newswatch.ingest.feed;

import io.newswatch.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Imports and exports feed subscriptions as OPML, the format feed readers exchange.
 *
 * <p>Reading: every {@code <outline>} with an {@code xmlUrl} is a feed, at any depth; the outlines around it
 * are folders, and their names become tags, as do the values of an OPML 2.0 {@code category} attribute. The
 * source is the {@code title}, else the {@code text}, else the host; {@code language} ("en-US") gives the
 * ISO 639-1 code when it is one. Ids are derived from the name (see {@link #slug}), else from the host, and made unique in document order with {@code -2}, {@code -3}: the same file
 * always gives the same ids. A URL listed twice (one feed in two folders) is one feed with both folders' tags.
 * The {@code feed:}, {@code itpc:} and {@code pcast:} aliases of http(s) are accepted. OPML carries no poll
 * interval or full-text flag, so imported feeds get {@link FeedSpec}'s defaults.
 *
 * <p>The XML parser reads no DTD and resolves no external entity; a DOCTYPE is refused. Errors are
 * {@link ConfigException}s naming the file, line and column. Writing groups feeds into one folder per first
 * tag and lists all tags in {@code category}, so reading the output back gives the same URLs, sources,
 * languages and tags. Stateless and thread-safe.
 */
public final class Opml {

    private static final int MAX_ID_LENGTH = 48;
    /** Russian and Ukrainian letters and a plain Latin spelling of each, for ids and tags. */
    private static final String CYRILLIC = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "g", "d", "e", "ye", "yo", "zh", "z", "i", "i", "i", "y", "k", "l", "m",
        "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    /** Stands for a feed outline on the folder stack (a deque cannot hold null); its slug is empty. */
    private static final String FEED_MARK = "";

    private Opml() {
    }

    /**
     * Reads the feeds in {@code opml}, in document order.
     *
     * @throws ConfigException when the file cannot be read, is not OPML, or lists a feed URL that is not http(s)
     */
    public static List<FeedSpec> read(Path opml) {
        Objects.requireNonNull(opml, "opml must not be null");
        try (InputStream in = Files.newInputStream(opml)) {
            return read(in, opml.toString());
        } catch (IOException e) {
            throw new ConfigException(opml + ": cannot read OPML: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code feeds} as an OPML 2.0 document (UTF-8), one folder per first tag.
     */
    public static String write(List<FeedSpec> feeds) {
        Objects.requireNonNull(feeds, "feeds must not be null");
        Map<String, List<FeedSpec>> folders = new LinkedHashMap<>();
        for (FeedSpec f : feeds) {
            folders.computeIfAbsent(f.tags().isEmpty() ? "" : f.tags().get(0), k -> new ArrayList<>()).add(f);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            w.writeCharacters("\n    ");
            w.writeStartElement("title");
            w.writeCharacters("newswatch feeds");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            for (Map.Entry<String, List<FeedSpec>> folder : folders.entrySet()) {
                String indent = "\n    ";
                if (!folder.getKey().isEmpty()) {
                    w.writeCharacters(indent);
                    w.writeStartElement("outline");
                    w.writeAttribute("text", folder.getKey());
                    w.writeAttribute("title", folder.getKey());
                    indent = "\n      ";
                }
                for (FeedSpec f : folder.getValue()) {
                    w.writeCharacters(indent);
                    w.writeEmptyElement("outline");
                    w.writeAttribute("type", "rss");
                    w.writeAttribute("text", f.source());
                    w.writeAttribute("title", f.source());
                    w.writeAttribute("xmlUrl", f.url());
                    if (f.lang() != null) {
                        w.writeAttribute("language", f.lang());
                    }
                    if (!f.tags().isEmpty()) {
                        w.writeAttribute("category", String.join(",", f.tags()));
                    }
                }
                if (!folder.getKey().isEmpty()) {
                    w.writeCharacters("\n    ");
                    w.writeEndElement();
                }
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML", e);
        }
        return out.toString();
    }

    /** One feed outline while reading, before ids are assigned. */
    private record Entry(String name, String url, String lang, Set<String> tags) {
    }

    static List<FeedSpec> read(InputStream in, String where) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, Entry> byUrl = new LinkedHashMap<>();
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            // Names of the enclosing outlines, innermost first; FEED_MARK for an enclosing feed outline.
            Deque<String> folders = new ArrayDeque<>();
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ConfigException(at(where, r.getLocation()) + "DOCTYPE is not allowed in OPML");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root && !r.getLocalName().equals("opml")) {
                        throw new ConfigException(at(where, r.getLocation()) + "not an OPML document: root element <" + r.getLocalName() + ">");
                    }
                    root = false;
                    if (r.getLocalName().equals("outline")) {
                        String xmlUrl = attribute(r, "xmlUrl");
                        if (xmlUrl == null || xmlUrl.isBlank()) {
                            folders.push(firstNonBlank(attribute(r, "title"), attribute(r, "text"), ""));
                        } else {
                            feed(r, where, xmlUrl, folders, byUrl);
                            folders.push(FEED_MARK);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("outline") && !folders.isEmpty()) {
                    folders.pop();
                }
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            throw new ConfigException(at(where, e.getLocation()) + "not well-formed OPML: " + message.lines().findFirst().orElse(""), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader over a stream we close ourselves; nothing to recover.
                }
            }
        }
        return specs(byUrl.values());
    }

    private static void feed(XMLStreamReader r, String where, String xmlUrl, Deque<String> folders, Map<String, Entry> byUrl) {
        String url = httpUrl(xmlUrl.strip());
        if (url == null) {
            throw new ConfigException(at(where, r.getLocation()) + "outline '" + firstNonBlank(attribute(r, "title"), attribute(r, "text"), "")
                    + "': xmlUrl must be an absolute http or https URL, was '" + xmlUrl + "'");
        }
        Set<String> tags = new LinkedHashSet<>();
        List<String> path = new ArrayList<>(folders);
        for (int i = path.size() - 1; i >= 0; i--) {
            addTag(tags, path.get(i));
        }
        String category = attribute(r, "category");
        if (category != null) {
            for (String c : category.split(",")) {
                for (String part : c.split("/")) {
                    addTag(tags, part);
                }
            }
        }
        String name = firstNonBlank(attribute(r, "title"), attribute(r, "text"), null);
        Entry earlier = byUrl.get(url);
        if (earlier != null) {
            earlier.tags().addAll(tags);
        } else {
            byUrl.put(url, new Entry(name, url, language(attribute(r, "language")), tags));
        }
    }

    private static List<FeedSpec> specs(Iterable<Entry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        List<FeedSpec> out = new ArrayList<>();
        for (Entry e : entries) {
            String base = slug(e.name());
            if (base.isEmpty()) {
                String host = FeedSpec.httpHost(e.url()).toLowerCase(Locale.ROOT);
                base = (host.startsWith("www.") ? host.substring(4) : host).replaceAll("[^a-z0-9.-]", "");
            }
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            out.add(new FeedSpec(id, e.url(), e.name(), e.lang(), null, false, List.copyOf(e.tags())));
        }
        return List.copyOf(out);
    }

    /**
     * {@code text} as an id: Cyrillic transliterated, accents folded, lower-case ASCII letters and digits joined
     * by {@code -}. "Українська правда" gives {@code ukrainska-pravda}, "América Latina" {@code america-latina}.
     */
    static String slug(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder latin = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            int i = CYRILLIC.indexOf(c);
            latin.append(i < 0 ? String.valueOf(c) : LATIN[i]);
        }
        String folded = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_ID_LENGTH) {
            slug = slug.substring(0, MAX_ID_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    private static void addTag(Set<String> tags, String name) {
        String tag = slug(name);
        if (!tag.isEmpty()) {
            tags.add(tag);
        }
    }

    /** The http(s) URL for {@code url}, accepting the feed:, itpc: and pcast: aliases, or {@code null}. */
    private static String httpUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String candidate = url;
        if (lower.startsWith("feed:http://") || lower.startsWith("feed:https://")) {
            candidate = url.substring("feed:".length());
        } else {
            for (String alias : List.of("feed://", "itpc://", "pcast://")) {
                if (lower.startsWith(alias)) {
                    candidate = "http://" + url.substring(alias.length());
                }
            }
        }
        return FeedSpec.httpHost(candidate) == null ? null : candidate;
    }

    /** ISO 639-1 code of a language tag such as "en-US" or "pt_BR", or {@code null}. */
    private static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.length() == 2 && Set.of(Locale.getISOLanguages()).contains(primary) ? primary : null;
    }

    /** The attribute named {@code name}, ignoring case (exporters write xmlUrl, xmlurl and XMLURL). */
    private static String attribute(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }

    private static String at(String where, Location location) {
        if (location == null || location.getLineNumber() < 1) {
            return where + ": ";
        }
        return where + ":" + location.getLineNumber() + ":" + location.getColumnNumber() + ": ";
    }
}
