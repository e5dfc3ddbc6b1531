package io.newswatch.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Fixes structural slips that make Rome reject or crash on feeds every reader accepts.
 *
 * <ul>
 *   <li>{@code <rss>} in a namespace (the old Userland ones) is moved out of it, since Rome looks for
 *       un-namespaced children; a missing or unknown {@code version} (2.1, " 2.0") becomes 2.0; a document with
 *       items but no {@code <channel>} gets one around its content.</li>
 *   <li>{@code <rdf:RDF>} without a channel gets an empty one in the RSS 1.0 or 0.90 namespace it declares.</li>
 *   <li>{@code <feed>} outside the Atom namespaces (none, or a made-up one) is moved into Atom 1.0, or Atom 0.3
 *       when it says {@code version="0.3"}; base64 Atom 0.3 constructs lose the line breaks Rome's decoder
 *       trips on.</li>
 * </ul>
 *
 * <p>Only elements in the root's own namespace are moved, so extension elements and XHTML content keep theirs.
 * Mutates the document it is given, which must be one the caller owns; stateless and thread-safe otherwise.
 */
final class FeedRepairs {

    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    static final Namespace RSS_090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");

    private FeedRepairs() {
    }

    /** Repairs {@code document} in place. */
    static void apply(Document document) {
        Element root = document.getRootElement();
        switch (root.getName()) {
            case "rss" -> repairRss(root);
            case "RDF" -> repairRdf(root);
            case "feed" -> repairAtom(root);
            default -> {
                // Not a feed root; Rome will say so.
            }
        }
    }

    private static void repairRss(Element root) {
        if (!root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
        }
        String version = root.getAttributeValue("version");
        String v = version == null ? "" : version.strip();
        boolean known = v.equals("0.91") || v.equals("0.92") || v.equals("0.93") || v.equals("0.94") || v.startsWith("2.0");
        if (!known || !v.equals(version)) {
            root.setAttribute("version", known ? v : "2.0");
        }
        if (root.getChild("channel") == null) {
            Element channel = new Element("channel");
            List<Content> content = new ArrayList<>(root.removeContent());
            channel.addContent(content);
            root.addContent(channel);
        }
    }

    private static void repairRdf(Element root) {
        if (!root.getNamespace().equals(RDF)) {
            return;
        }
        for (Namespace ns : List.of(RSS_10, RSS_090)) {
            if (root.getChild("channel", ns) != null) {
                return;
            }
        }
        Namespace rss = RSS_10;
        for (Namespace declared : root.getNamespacesInScope()) {
            if (declared.getURI().equals(RSS_090.getURI())) {
                rss = RSS_090;
            }
        }
        root.addContent(0, new Element("channel", rss));
    }

    private static void repairAtom(Element root) {
        Namespace ns = root.getNamespace();
        if (!ns.getURI().equals(ATOM_10.getURI()) && !ns.getURI().equals(ATOM_03.getURI())) {
            Namespace target = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
            moveNamespace(root, ns, target);
        }
        if (root.getNamespace().getURI().equals(ATOM_03.getURI())) {
            List<Element> base64 = new ArrayList<>();
            for (Element e : root.getDescendants(Filters.element())) {
                if ("base64".equals(e.getAttributeValue("mode"))) {
                    base64.add(e);
                }
            }
            base64.forEach(e -> e.setText(e.getText().replaceAll("\\s+", "")));
        }
    }

    /** Moves {@code root} and its descendants in namespace {@code from} to {@code to}. */
    private static void moveNamespace(Element root, Namespace from, Namespace to) {
        List<Element> elements = new ArrayList<>();
        elements.add(root);
        root.getDescendants(Filters.element()).forEach(elements::add);
        for (Element e : elements) {
            if (e.getNamespace().getURI().equals(from.getURI())) {
                e.setNamespace(to);
            }
        }
    }
}
