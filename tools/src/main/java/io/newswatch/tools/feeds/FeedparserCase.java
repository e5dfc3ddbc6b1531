package io.newswatch.tools.feeds;

import io.newswatch.ingest.feed.FeedDecoder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One file of the feedparser test suite: the body, and the simulated HTTP headers, description and expectation
 * from its leading XML comment ({@code Header:}, {@code Description:}, {@code Expect:} lines).
 *
 * @param path        the file
 * @param name        path relative to the suite's {@code tests/} folder, with {@code /} separators
 * @param body        the raw bytes, as a server would send them
 * @param headers     simulated headers, names lower-cased, in file order
 * @param description the test's description, or {@code ""}
 * @param expect      the Python expression feedparser's result must satisfy, or {@code ""}
 */
record FeedparserCase(Path path, String name, byte[] body, Map<String, String> headers, String description, String expect) {

    /** Where feedparser's suite serves its files; their {@code http} expectations are written against it. */
    static final URI SERVER = URI.create("http://127.0.0.1:8097/");
    private static final Pattern ASSERTS_BOZO = Pattern.compile("(?<!not )\\bbozo\\b(?!_)");

    static FeedparserCase read(Path file, Path testsDir) throws IOException {
        byte[] body = Files.readAllBytes(file);
        // The comment is ASCII but some files are UTF-16/32; read them the way the parser would.
        String text = FeedDecoder.decode(body, null).text();
        Map<String, String> headers = new LinkedHashMap<>();
        String description = "";
        String expect = "";
        int open = text.indexOf("<!--");
        int close = open < 0 ? -1 : text.indexOf("-->", open);
        if (open >= 0 && close > open) {
            for (String line : text.substring(open + 4, close).split("\\R")) {
                String l = line.strip();
                if (l.startsWith("Header:")) {
                    String header = l.substring("Header:".length()).strip();
                    int colon = header.indexOf(':');
                    if (colon > 0) {
                        headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
                    }
                } else if (l.startsWith("Description:")) {
                    description = l.substring("Description:".length()).strip();
                } else if (l.startsWith("Expect:")) {
                    expect = l.substring("Expect:".length()).strip();
                }
            }
        }
        String name = testsDir.relativize(file).toString().replace('\\', '/');
        return new FeedparserCase(file, name, body, headers, description, expect);
    }

    /** The simulated Content-Type, or {@code null}. */
    String contentType() {
        return headers.get("content-type");
    }

    /** The URL the body is served from, after a simulated Content-Location. */
    URI feedUrl() {
        URI url = SERVER.resolve(name.replace(" ", "%20"));
        String location = headers.get("content-location");
        if (location != null && !location.isBlank()) {
            try {
                return url.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
        return url;
    }

    /** True when feedparser must flag this file as ill-formed ({@code bozo} asserted, not negated). */
    boolean expectsBozo() {
        return ASSERTS_BOZO.matcher(expect).find();
    }

    /** The top-level {@code and} terms of the expectation, quoted strings kept whole. */
    List<String> terms() {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < expect.length(); i++) {
            char c = expect.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < expect.length()) {
                    cur.append(expect.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (expect.startsWith(" and ", i)) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                i += 4;
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
