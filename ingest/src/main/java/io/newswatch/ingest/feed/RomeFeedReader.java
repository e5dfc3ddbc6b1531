package io.newswatch.ingest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome and maps Rome's model onto {@link ParsedFeed}.
 *
 * <p>The XML is parsed by the SAX builder Rome configures (no DOCTYPE, no external entities or DTDs), after
 * {@link XmlPreparer} has removed what that parser would choke on. Parsing to a JDOM document first, rather
 * than letting Rome do it, lets an unknown root element be reported by name. Stateless and thread-safe: every
 * call builds its own parser.
 */
final class RomeFeedReader {

    /** Rome's input, opened up only to reuse its hardened SAX builder. */
    private static final class HardenedInput extends WireFeedInput {
        Document parse(String xml) throws JDOMException, IOException {
            return createSAXBuilder().build(new StringReader(xml));
        }
    }

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
            List<FeedItem> items = new ArrayList<>(feed.getEntries().size());
            for (SyndEntry entry : feed.getEntries()) {
                items.add(item(entry, feedUrl));
            }
            return new ParsedFeed(wire.getFeedType(), title, LinkResolver.resolve(feedUrl, feed.getLink()),
                    lang == null ? null : PlainText.fromText(lang).replace('_', '-'), items);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable feed: Rome failed converting " + wire.getFeedType() + ": " + e, e);
        }
    }

    private static FeedItem item(SyndEntry entry, URI feedUrl) {
        String link = LinkResolver.resolve(feedUrl, entry.getLink());
        String guid = PlainText.orNull(entry.getUri());
        if (guid == null || guid.equals(PlainText.orNull(entry.getLink()))) {
            // Rome copies the raw link into the uri when there is no guid; prefer the resolved form.
            guid = link != null ? link : guid;
        }
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
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
                published == null ? null : published.toInstant(), categories(entry.getCategories()));
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
