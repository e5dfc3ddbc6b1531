/**
 * Feeds: which ones to poll, and how a fetched body becomes items.
 *
 * <h2>Reading a feed</h2>
 * {@link io.newswatch.ingest.feed.FeedParser} is the seam; {@link io.newswatch.ingest.feed.StandardFeedParser}
 * is the implementation: Rome for RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, Jackson for JSON Feed 1.0/1.1. A body goes
 * through four steps, each a small package-private class:
 * <pre>
 *   bytes ──FeedDecoder──▶ text ──'{'──▶ JsonFeedReader ─────────────────────────────┐
 *                                └─'<'──▶ XmlPreparer ──▶ Rome SAX ──▶ FeedRepairs ──▶ RomeFeedReader ──▶ ParsedFeed
 * </pre>
 * <ul>
 *   <li><b>FeedDecoder</b> picks the charset as feedparser does: a byte-order mark first, then RFC 3023
 *       (for {@code application/xml} the header charset, else the XML declaration, else UTF-8; for
 *       {@code text/xml} the header charset, else US-ASCII), then, when that charset cannot decode the bytes,
 *       the declaration, the charset sniffed from the first four bytes (UTF-16/32 without BOM), UTF-8,
 *       windows-1252. A Latin-1 label over bytes 0x80-0x9F is read as windows-1252, as browsers do.</li>
 *   <li><b>XmlPreparer</b> is the security wall and the healer. A DOCTYPE with an internal subset is refused
 *       before any parser sees it (that is where billion-laughs and XXE entities live); a DOCTYPE without one
 *       (the Netscape RSS 0.91 DTD) is dropped unread. HTML entities XML does not define ({@code &nbsp;}) become
 *       numeric references from Jsoup's HTML5 table, so they cannot kill a feed and no entity declaration is
 *       ever needed; unknown entities and bare {@code &} become text; characters XML forbids are dropped.
 *       Rome's own healer is not used: it knows only HTML 4 entities and rewrites inside CDATA.</li>
 *   <li>Rome's hardened SAX builder still refuses any DOCTYPE and loads no external DTD or entity: a second
 *       wall. <b>FeedRepairs</b> then fixes what makes Rome reject feeds readers accept (namespaced or
 *       version-less {@code <rss>}, Atom without its namespace, a missing channel).</li>
 *   <li><b>RomeFeedReader</b> maps Rome's model: titles and summaries as plain text through Jsoup
 *       ({@link io.newswatch.ingest.feed.PlainText}), content kept as HTML, the summary falling back to the
 *       content's text, links resolved against the feed URL and kept only when http(s)
 *       ({@link io.newswatch.ingest.feed.LinkResolver}), the guid falling back to the link, and dates parsed
 *       strictly from the item elements by {@link io.newswatch.ingest.feed.FeedDates} (Rome's lenient parsing
 *       turns "30 Feb" into 2 March); an absent or impossible date is {@code null} and the caller uses the
 *       fetch time.</li>
 * </ul>
 * A bad body is data, not a crash: every failure, including runtime exceptions inside Rome, is a
 * {@link io.newswatch.ingest.feed.FeedParseException} whose message starts with its category
 * ({@code not well-formed XML}, {@code DOCTYPE is not allowed}, {@code not a feed}, ...), ready for the
 * feed's health record. Everything here is stateless and thread-safe.
 *
 * <h2>Which feeds</h2>
 * {@link io.newswatch.ingest.feed.FeedSpec} is one feed (id, URL, outlet, language, poll interval, full-text
 * flag, tags), validated on construction. {@link io.newswatch.ingest.feed.FeedList} reads and writes the
 * {@code feeds:} YAML (read by the shared {@link io.newswatch.yaml.YamlReader}, writing with Jackson), failing
 * with file:line:column, entry and key; the curated default list ships as
 * {@code /feeds/default-feeds.yaml}. {@link io.newswatch.ingest.feed.Opml} imports and exports the OPML that
 * feed readers exchange.
 *
 * <h2>Testing</h2>
 * {@code StandardFeedParserTest} has one fixture per quirk under {@code src/test/resources/feed/} and compares
 * exact output. {@code FeedparserCorpusIT} runs the 2,100 files of feedparser's suite (skipped when the shared
 * corpus is absent); {@code FeedCorpusReport} (tools module) prints the same summary from the command
 * line.
 */
package io.newswatch.ingest.feed;
