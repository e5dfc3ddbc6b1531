package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One fixture per feed quirk under {@code src/test/resources/feed/}, each compared field by field. */
class StandardFeedParserTest {

    private static final URI FEED_URL = URI.create("https://news.example.org/feeds/world.xml");
    private static final String SECRET = "NW-SECRET-7f3a9c";

    private final FeedParser parser = new StandardFeedParser();

    @Test
    void readsRss2WithContentEncodedCreatorAndCategories() throws Exception {
        ParsedFeed feed = parse("rss2-content-encoded.xml", "application/rss+xml; charset=utf-8");

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Frontline Monitor — Security");
        assertThat(feed.link()).isEqualTo("https://frontline.example.org/security/");
        assertThat(feed.lang()).isEqualTo("en-gb");
        assertThat(feed.items()).containsExactly(
                new FeedItem("frontline-48213", "https://frontline.example.org/security/2025/06/cartel-drone-operators",
                        "Cartel cells recruit former drone operators",
                        "Prosecutors say the recruits taught FPV flying to new members.",
                        "<p>Prosecutors say the recruits taught <b>FPV</b> flying.</p><p>Training took place on a ranch.</p>",
                        "Ana Ribeiro", Instant.parse("2025-06-10T06:30:00Z"), List.of("Organised crime", "Drones")),
                new FeedItem("https://frontline.example.org/security/2025/06/second", "https://frontline.example.org/security/2025/06/second",
                        "Second item without content", "Short summary only.", null, null,
                        Instant.parse("2025-06-10T05:00:00Z"), List.of()));
    }

    @Test
    void readsRss1RdfWithDublinCoreDateAndLanguage() throws Exception {
        ParsedFeed feed = parse("rss1-rdf.xml", "application/rdf+xml");

        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.lang()).isEqualTo("es");
        assertThat(feed.items()).containsExactly(new FeedItem("https://wire.example.net/a/1001", "https://wire.example.net/a/1001",
                "Entrenan a pilotos de drones en la sierra", "Un informe describe cursos de vuelo FPV.", null, "Redacción",
                Instant.parse("2025-06-10T00:45:00Z"), List.of()));
    }

    @Test
    void readsRss091AfterDroppingTheNetscapeDoctypeUnread() throws Exception {
        ParsedFeed feed = parse("rss091-netscape.xml", "text/xml");

        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.title()).isEqualTo("Old Desk Bulletin");
        assertThat(feed.items()).containsExactly(new FeedItem("http://bulletin.example.com/items/77", "http://bulletin.example.com/items/77",
                "Border unit reports drone drops", "Night patrols logged three drops.", null, null, null, List.of()));
    }

    @Test
    void readsAtom10PreferringTheAlternateLinkAndThePublishedDate() throws Exception {
        ParsedFeed feed = parse("atom10.xml", "application/atom+xml");

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Приклад: Оборона");
        assertThat(feed.link()).isEqualTo("https://uk.example.com.ua/defence/"); // not the rel="self" link
        assertThat(feed.lang()).isEqualTo("uk");
        assertThat(feed.items()).containsExactly(
                new FeedItem("tag:uk.example.com.ua,2025:fpv-school", "https://uk.example.com.ua/defence/2025/06/10/fpv-school",
                        "Інструктори FPV навчають бійців", "Школа пілотів & операторів відкрилася під Києвом.",
                        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Курс триває <b>шість тижнів</b>.</p></div>",
                        "Олена Коваль", Instant.parse("2025-06-10T05:15:00Z"), List.of("Дрони")),
                new FeedItem("tag:uk.example.com.ua,2025:update", "https://uk.example.com.ua/defence/2025/06/09/update", "Updated only",
                        "Plain text content: 1 < 2", "Plain text content: 1 &lt; 2", null, Instant.parse("2025-06-09T21:00:00Z"), List.of()));
    }

    @Test
    void readsAtom03WithIssuedAsPublished() throws Exception {
        ParsedFeed feed = parse("atom03.xml", "application/atom+xml");

        assertThat(feed.format()).isEqualTo("atom_0.3");
        assertThat(feed.items()).containsExactly(new FeedItem("tag:legacy.example.org,2025:trainers",
                "https://legacy.example.org/2025/06/08/trainers", "Foreign trainers seen at cartel camp", "Witnesses describe drone drills.",
                null, null, Instant.parse("2025-06-08T10:00:00Z"), List.of()));
    }

    @Test
    void readsJsonFeed11AndSkipsItemsThatAreNotObjects() throws Exception {
        ParsedFeed feed = parse("jsonfeed11.json", "application/feed+json");

        assertThat(feed.format()).isEqualTo("json_feed_1.1");
        assertThat(feed.title()).isEqualTo("Observatório de Segurança");
        assertThat(feed.link()).isEqualTo("https://seguranca.example.com.br/");
        assertThat(feed.lang()).isEqualTo("pt-BR");
        assertThat(feed.items()).containsExactly(
                new FeedItem("2025-06-10-drones", "https://seguranca.example.com.br/2025/06/10/drones",
                        "Facção recruta ex-militares para pilotar drones", "Investigação aponta treinamento com drones FPV.",
                        "<p>Segundo a polícia, <strong>ex-militares</strong> deram aulas.</p>", "Carla Souza, Paulo Lima",
                        Instant.parse("2025-06-10T10:00:00Z"), List.of("drones", "crime organizado")),
                new FeedItem("42", "https://news.example.org/2025/06/09/nota", "", "Nota curta sem título.", "Nota curta sem título.",
                        null, null, List.of()));
    }

    @Test
    void decodesIso88591DeclaredOnlyInTheProlog() throws Exception {
        ParsedFeed feed = parse("iso-8859-1-prolog.xml", null);

        assertThat(feed.items()).extracting(FeedItem::title, FeedItem::summary).containsExactly(tuple(
                "Capacitación de sicarios con drones en Sinaloa", "El Ejército señaló que los cursos duraban dos años."));
    }

    @Test
    void headerCharsetOverridesAWrongPrologForApplicationXml() throws Exception {
        ParsedFeed feed = parse("header-vs-prolog.xml", "application/rss+xml; charset=utf-8");

        assertThat(feed.items().get(0).title()).isEqualTo("Brasileiros treinados na Ucrânia voltam ao país");
    }

    @Test
    void prologDecidesWhenThereIsNoContentTypeEvenWhenItIsWrong() throws Exception {
        ParsedFeed feed = parse("header-vs-prolog.xml", null);

        // The prolog says ISO-8859-1 and the bytes are UTF-8: the declared charset still decodes, so it wins.
        assertThat(feed.items().get(0).title()).isEqualTo("Brasileiros treinados na UcrÃ¢nia voltam ao paÃ\u00ADs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf16le-bom.xml", "utf16be-no-bom.xml", "utf32le-bom.xml", "utf32be-no-bom.xml"})
    void decodesUtf16And32WithAndWithoutByteOrderMark(String fixture) throws Exception {
        ParsedFeed feed = parse(fixture, "text/xml");

        assertThat(feed.title()).isEqualTo("Независимая лента");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Наёмники обучают пилотов дронов");
    }

    @Test
    void htmlEntitiesXmlDoesNotDefineBecomeCharactersAndBareAmpersandsSurvive() throws Exception {
        ParsedFeed feed = parse("html-entities.xml", "application/rss+xml");

        assertThat(feed.title()).isEqualTo("Periódico Ejemplo");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Drones — la nueva arma del cártel…");
        assertThat(item.link()).isEqualTo("https://periodico.example.es/a?id=7&seccion=seguridad");
        // &bogus; is not an entity anywhere: it stays as text. &#1; is not an XML character: it is dropped.
        assertThat(item.summary()).isEqualTo("Ex soldados colombianos & mercenarios: «éxito» &bogus; AT&T A");
    }

    @Test
    void cdataIsLiteralAndADoctypeInsideItIsNotRefused() throws Exception {
        ParsedFeed feed = parse("cdata.xml", "application/rss+xml");

        assertThat(feed.title()).isEqualTo("Gazette Security & Defence");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Drone school: \"FPV in 10 days\" & more");
        assertThat(item.link()).isEqualTo("https://gazette.example.com/a?x=1&y=2");
        assertThat(item.summary()).isEqualTo("Not a DOCTYPE: and kept.");
    }

    @Test
    void absentOrImpossibleDatesAreNullAndSpanishMonthsAreRead() throws Exception {
        ParsedFeed feed = parse("bad-dates.xml", "application/rss+xml");

        assertThat(feed.items()).extracting(FeedItem::title, FeedItem::publishedAt).containsExactly(
                tuple("rfc822", Instant.parse("2025-06-09T22:15:00Z")),
                tuple("rfc822 numeric zone", Instant.parse("2025-06-09T22:15:00Z")),
                tuple("not a date", null),
                tuple("empty", null),
                tuple("impossible day", null), // Rome alone would say 2 March
                tuple("spanish month names", Instant.parse("2025-06-10T15:00:00Z")),
                tuple("absent", null));
    }

    @Test
    void relativeLinksResolveAgainstTheFeedUrlAndScriptLinksAreDropped() throws Exception {
        ParsedFeed feed = parse("relative-links.xml", "application/rss+xml");

        assertThat(feed.link()).isEqualTo("https://news.example.org/");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                "https://news.example.org/world/2025/06/10/drones",
                "https://news.example.org/feeds/article.html?id=3",
                "https://news.example.org/archive/old.html",
                "https://cdn.example.net/story",
                "https://news.example.org/not%C3%ADcias/drones%20de%20guerra",
                null);
    }

    @Test
    void guidFallsBackToTheResolvedLink() throws Exception {
        ParsedFeed feed = parse("missing-guid.xml", "application/rss+xml");

        assertThat(feed.items()).extracting(FeedItem::guid, FeedItem::key).containsExactly(
                tuple("https://news.example.org/2025/06/10/story", "https://news.example.org/2025/06/10/story"),
                tuple("https://example.org/2025/06/10/other", "https://example.org/2025/06/10/other"),
                tuple(null, "neither guid nor link"));
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyEntityExpands() throws Exception {
        byte[] body = fixture("billion-laughs.xml");

        // A hang guard, not a speed figure: expanding lol9 would mean 10^9 entity references.
        FeedParseException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FeedParseException.class, () -> parser.parse(body, "application/rss+xml", FEED_URL)));
        assertThat(e).hasMessage("DOCTYPE is not allowed: the document declares an internal subset"
                + " (entity declarations are refused: they enable entity expansion and external entities)");
    }

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        byte[] body = new String(fixture("xxe.xml"), StandardCharsets.UTF_8)
                .replace("@SECRET_URI@", secret.toUri().toString()).getBytes(StandardCharsets.UTF_8);

        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(body, "application/rss+xml", FEED_URL));
        assertThat(e.getMessage()).startsWith("DOCTYPE is not allowed: ").doesNotContain(SECRET);
    }

    @Test
    void externalDtdIsDroppedUnreadSoItsEntitiesStayText(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY xxe \"" + SECRET + "\">");
        byte[] body = new String(fixture("xxe-external-dtd.xml"), StandardCharsets.UTF_8)
                .replace("@SECRET_URI@", dtd.toUri().toString()).getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(body, "application/rss+xml", FEED_URL);

        assertThat(feed.toString()).doesNotContain(SECRET);
        assertThat(feed.title()).isEqualTo("External DTD &xxe;");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Item &xxe;");
    }

    @Test
    void anHtmlPageIsNotAFeed() throws Exception {
        assertThatThrownBy(() -> parse("html-page.html", "text/html; charset=utf-8"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: root element <html> is not RSS, RDF or Atom");
    }

    @Test
    void emptyAndNonMarkupBodiesFailWithTheirCategory() {
        assertThatThrownBy(() -> parser.parse(" \n\t".getBytes(StandardCharsets.US_ASCII), null, FEED_URL))
                .isInstanceOf(FeedParseException.class).hasMessage("empty body: 3 bytes and no markup");
        assertThatThrownBy(() -> parser.parse("HTTP/1.1 502 Bad Gateway".getBytes(StandardCharsets.US_ASCII), null, FEED_URL))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the body starts with 'HTTP/1.1 502 Bad Gat', neither XML nor JSON (UTF-8)");
    }

    @Test
    void truncatedXmlNamesTheLineAndColumn() {
        byte[] body = "<rss version=\"2.0\"><channel><title>Cut off".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body, "application/rss+xml", FEED_URL))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not well-formed XML: line 1, column 43: XML document structures must start and end within the same entity.");
    }

    @Test
    void invalidJsonAndJsonThatIsNotAFeedAreClearErrors() {
        assertThatThrownBy(() -> parser.parse("{\"version\": ".getBytes(StandardCharsets.UTF_8), "application/json", FEED_URL))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("invalid JSON: line 1, column 13: ");
        assertThatThrownBy(() -> parser.parse("{\"items\": []}".getBytes(StandardCharsets.UTF_8), "application/json", FEED_URL))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a JSON Feed: \"version\" must be a https://jsonfeed.org/version/ URL, was ''");
    }

    @Test
    void runtimeFailuresInsideRomeComeBackAsFeedParseException() {
        // Rome's Atom 0.3 base64 decoder indexes past the end of input that is not valid base64.
        byte[] body = ("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title mode=\"base64\">@@@</title></feed>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body, "application/atom+xml", FEED_URL))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("unreadable feed: ");
    }

    @Test
    void argumentsAreValidatedBeforeAnyWork() {
        assertThatThrownBy(() -> parser.parse(null, null, FEED_URL)).isInstanceOf(NullPointerException.class).hasMessage("body must not be null");
        assertThatThrownBy(() -> parser.parse(new byte[0], null, null)).isInstanceOf(NullPointerException.class).hasMessage("feedUrl must not be null");
    }

    private ParsedFeed parse(String fixture, String contentType) throws IOException, FeedParseException {
        return parser.parse(fixture(fixture), contentType, FEED_URL);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = StandardFeedParserTest.class.getResourceAsStream("/feed/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture /feed/" + name);
            }
            return in.readAllBytes();
        }
    }
}
