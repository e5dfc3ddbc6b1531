package io.newswatch.ingest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome and maps Rome's model onto {@link ParsedFeed}.
 *
 * <p>The XML is parsed by the SAX builder Rome configures (no DOCTYPE, no external entities or DTDs), after
 * {@link XmlPreparer} has removed what that parser would choke on. Parsing to a JDOM document first, rather
 * than letting Rome do it, lets an unknown root element be reported by name and {@link FeedRepairs} fix the
 * tree. Dates are read from the item elements with {@link FeedDates}, not taken from Rome, whose lenient
 * parsing turns impossible dates into plausible ones. Stateless and thread-safe: every call builds its own
 * parser.
 */
final class RomeFeedReader {

    /** Rome's input, opened up only to reuse its hardened SAX builder. */
    static final class HardenedInput extends WireFeedInput {
        Document parse(String xml) throws JDOMException, IOException {
            return createSAXBuilder().build(new StringReader(xml));
        }
    }

    /** Date elements by preference, any namespace: publication before update (RSS, Dublin Core, Atom 1.0, 0.3). */
    private static final List<String> DATE_ELEMENTS = List.of("published", "issued", "pubDate", "date", "created", "updated", "modified");

    private RomeFeedReader() {
    }

    /**
     * Reads decoded XML text.
     *
     * @param xml     the document as text; not modified
     * @param feedUrl base for relative links
     */
    static ParsedFeed read(String xml, URI feedUrl) throws FeedParseException {
        String prepared = XmlPreparer.prepare(xml);
        HardenedInput input = new HardenedInput();
        Document document;
        try {
            document = input.parse(prepared);
        } catch (JDOMParseException e) {
            String message = firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            if (message.contains("DOCTYPE is disallowed")) {
                throw new FeedParseException("DOCTYPE is not allowed: " + message, e);
            }
            throw new FeedParseException("not well-formed XML: line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + message, e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("not well-formed XML: " + firstLine(e.getMessage()), e);
        }
        String root = document.getRootElement().getQualifiedName();
        FeedRepairs.apply(document);
        WireFeed wire;
        try {
            wire = input.build(document);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed: root element <" + root + "> is not RSS, RDF or Atom", e);
        } catch (FeedException e) {
            throw new FeedParseException("unreadable feed: <" + root + ">: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable feed: Rome failed on <" + root + ">: " + e, e);
        }
        try {
            SyndFeed feed = new SyndFeedImpl(wire);
            DCModule dc = (DCModule) feed.getModule(DCModule.URI);
            String lang = firstNonBlank(feed.getLanguage(), dc == null ? null : dc.getLanguage(),
                    document.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE));
            String title = text(feed.getTitleEx());
            if (title.isEmpty() && dc != null) {
                title = PlainText.fromHtml(dc.getTitle());
            }
            List<SyndEntry> entries = feed.getEntries();
            List<String> rawDates = rawDates(document.getRootElement());
            List<FeedItem> items = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                // Item elements and Rome's entries correspond one to one; if a parser ever skips one, Rome's
                // own (lenient) date is better than a date from the wrong item.
                Instant published = rawDates.size() == entries.size() ? FeedDates.parse(rawDates.get(i)) : romeDate(entries.get(i));
                items.add(item(entries.get(i), published, feedUrl));
            }
            return new ParsedFeed(wire.getFeedType(), title, LinkResolver.resolve(feedUrl, alternateLink(feed.getLinks(), feed.getLink())),
                    lang == null ? null : PlainText.fromText(lang).replace('_', '-'), items);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable feed: Rome failed converting " + wire.getFeedType() + ": " + e, e);
        }
    }

    /** The date text of each item element, in document order; {@code null} for an item without one. */
    private static List<String> rawDates(Element root) {
        List<Element> itemElements = switch (root.getName()) {
            case "rss" -> root.getChild("channel") == null ? List.of() : root.getChild("channel").getChildren("item");
            case "RDF" -> root.getChildren("item", root.getChild("channel", FeedRepairs.RSS_090) != null ? FeedRepairs.RSS_090 : FeedRepairs.RSS_10);
            default -> root.getChildren("entry", root.getNamespace());
        };
        List<String> dates = new ArrayList<>(itemElements.size());
        for (Element item : itemElements) {
            dates.add(dateText(item));
        }
        return dates;
    }

    private static String dateText(Element item) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : item.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return child.getTextTrim();
                }
            }
        }
        return null;
    }

    private static Instant romeDate(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static FeedItem item(SyndEntry entry, Instant published, URI feedUrl) {
        String rawLink = alternateLink(entry.getLinks(), entry.getLink());
        String link = LinkResolver.resolve(feedUrl, rawLink);
        String guid = PlainText.orNull(entry.getUri());
        if (guid == null || guid.equals(PlainText.orNull(rawLink)) || guid.equals(PlainText.orNull(entry.getLink()))) {
            // Rome copies the raw link into the uri when there is no guid; prefer the resolved form.
            guid = link != null ? link : guid;
        }
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        String title = text(entry.getTitleEx());
        if (title.isEmpty() && dc != null) {
            title = PlainText.fromHtml(dc.getTitle());
        }
        String contentHtml = contentHtml(entry.getContents());
        String summary = text(entry.getDescription());
        if (summary.isEmpty() && dc != null) {
            summary = PlainText.fromHtml(dc.getDescription());
        }
        if (summary.isEmpty()) {
            // As feedparser does: an item that only carries content is summarised by it.
            summary = PlainText.fromHtml(contentHtml);
        }
        return new FeedItem(guid, link, title, summary, contentHtml, PlainText.orNull(PlainText.fromHtml(entry.getAuthor())),
                published, categories(entry.getCategories()));
    }

    /**
     * The first alternate link (rel absent or "alternate"), else {@code fallback}. Rome's own pick can be the
     * Atom {@code self} link, which points at the feed, not the page.
     */
    private static String alternateLink(List<SyndLink> links, String fallback) {
        for (SyndLink l : links) {
            String rel = l.getRel();
            if ((rel == null || rel.isBlank() || rel.strip().equals("alternate")) && l.getHref() != null && !l.getHref().isBlank()) {
                return l.getHref();
            }
        }
        return fallback;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Plain text of a Rome text construct: literal when typed as text, else treated as HTML. */
    private static String text(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return "";
        }
        return isPlainText(content.getType()) ? PlainText.fromText(content.getValue()) : PlainText.fromHtml(content.getValue());
    }

    private static String contentHtml(List<SyndContent> contents) {
        for (SyndContent c : contents) {
            String value = c.getValue();
            if (value != null && !value.isBlank()) {
                return isPlainText(c.getType()) ? PlainText.toHtml(value.strip()) : value.strip();
            }
        }
        return null;
    }

    private static boolean isPlainText(String type) {
        if (type == null) {
            return false;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("text") || t.equals("text/plain");
    }

    private static List<String> categories(List<SyndCategory> categories) {
        Set<String> out = new LinkedHashSet<>();
        for (SyndCategory c : categories) {
            String label = PlainText.fromHtml(c.getLabel() != null && !c.getLabel().isBlank() ? c.getLabel() : c.getName());
            if (!label.isEmpty()) {
                out.add(label);
            }
        }
        return List.copyOf(out);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
