package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link JsoupArticleExtractor} on invented news pages modelled on the watchlist's seed articles, each with
 * the clutter real sites carry (menus, share bars, cookie and newsletter prompts, related lists, comments),
 * and on hostile input. Its sibling {@code ZyteExtractionIT} scores it on the public benchmark.
 */
class ArticleExtractorTest {

    private static final URI PAGE = URI.create("https://site.example/path/page.html");

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

    @Test
    void shouldExtractEnglishArticleWithoutItsClutter() {
        ExtractedArticle a = extractor.extract(fixture("en-drone-schools.html"), PAGE);

        assertThat(a.title()).isEqualTo("Foreign volunteers flock to Ukraine's drone schools");
        // JSON-LD names the reporter; meta author names the publisher
        assertThat(a.byline()).isEqualTo("Maria Hollis");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-07T05:45:00Z"));
        // relative rel=canonical resolved against the page URL, preferred to og:url
        assertThat(a.canonicalUrl()).isEqualTo("https://site.example/world/2025/03/foreign-volunteers-drone-schools");
        assertThat(a.lang()).isEqualTo("en");
        assertThat(a.text()).isEqualTo("""
                Recruits from more than forty countries now queue for places at the training grounds west of Kyiv, \
                where instructors teach them to fly first-person-view attack drones within a fortnight.

                Most come to fight. Some, officials say, come to learn: a former Colombian infantryman told \
                Frontline Monitor he planned to take the skills home, where armed groups pay well for pilots who \
                can drop a grenade through a window.

                A course in four stages

                The course moves from simulators to cheap racing frames, then to loaded drones flown against moving \
                targets, and finally to night sorties with thermal cameras.

                “We cannot check where every graduate goes after the war,” one instructor said.

                Analysts warn that the same tactics are already spreading to cartels in Mexico and guerrilla groups \
                in Colombia, which have begun to strap explosives to commercial quadcopters.""");
        assertThat(a.text()).doesNotContain("We use cookies", "Accept all", "Organised crime", "Home", "By Maria",
                "Facebook", "Advertisement", "Photo: Frontline", "Read more", "Sign up", "Subscribe", "Drones",
                "You may also like", "Naval drones", "comments", "analysts warned about", "Most read",
                "Ceasefire talks", "All rights reserved");
    }

    @Test
    void shouldExtractSpanishArticleScoredWithoutClassNames() {
        ExtractedArticle a = extractor.extract(fixture("es-carteles-reclutan.html"), PAGE);

        // " - El Observador del Pacífico" is og:site_name
        assertThat(a.title()).isEqualTo("Cárteles reclutan a exmilitares colombianos para pilotar drones");
        assertThat(a.byline()).isEqualTo("Lucía Márquez Ortega");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-02-14T15:30:00Z"));
        assertThat(a.canonicalUrl()).isEqualTo("https://observadorpacifico.example/seguridad/carteles-reclutan-exmilitares-drones");
        assertThat(a.lang()).isEqualTo("es");
        assertThat(a.text().split("\n\n")).containsExactly(
                "Organizaciones criminales del occidente de México ofrecen hasta el triple del salario militar a "
                        + "exsoldados colombianos que aprendieron a operar drones de ataque en el frente ucraniano, "
                        + "según documentos de inteligencia consultados por este diario.",
                "Los reclutadores buscan perfiles concretos: pilotos con experiencia en drones FPV, técnicos capaces "
                        + "de adaptar cargas explosivas y, sobre todo, instructores que puedan formar a nuevos "
                        + "operadores en pocas semanas.",
                "Un exmiembro del ejército colombiano, que pidió no ser identificado, relató que recibió tres ofertas "
                        + "por mensajería cifrada apenas regresó de Europa. «Te pagan el viaje, el alojamiento y te "
                        + "dan un anticipo en efectivo», dijo.",
                "Las autoridades mexicanas reconocen que los ataques con drones contra policías y militares se "
                        + "multiplicaron durante el último año en Michoacán y Jalisco.");
        assertThat(a.text()).doesNotContain("Usamos cookies", "Portada", "Compartir", "Publicidad",
                "Te puede interesar", "Suscríbete", "Noticias relacionadas", "CJNG", "Comentarios",
                "se veía venir", "Lo más leído", "Todos los derechos");
    }

    @Test
    void shouldExtractUkrainianArticleConfirmedByJsonLdBody() {
        ExtractedArticle a = extractor.extract(fixture("uk-navchannia-droniv.html"), PAGE);

        assertThat(a.title()).isEqualTo("Іноземці проходять навчання на операторів FPV-дронів");
        assertThat(a.byline()).isEqualTo("Олена Гриценко");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-01-20T12:05:00Z"));
        assertThat(a.canonicalUrl()).isEqualTo("https://visnyk-prykordonnia.example/news/inozemtsi-navchannia-fpv");
        assertThat(a.lang()).isEqualTo("uk");
        assertThat(a.text()).isEqualTo("""
                Понад двісті іноземних добровольців пройшли цього року курс операторів ударних дронів у навчальних \
                центрах Сил оборони.

                Інструктори кажуть, що найбільше курсантів прибуває з Латинської Америки, і частина з них уже мала \
                бойовий досвід удома.

                Служба безпеки перевіряє кожного кандидата, але визнає, що не може простежити, куди підуть \
                випускники після війни.""");
        assertThat(a.text()).doesNotContain("cookie", "Головна", "Поділитися", "Читайте також", "Підпишіться",
                "Вас може зацікавити", "Дрони-перехоплювачі", "Коментарі", "дякую за матеріал", "©");
    }

    @Test
    void shouldDetectLanguageAndSplitLineBreakParagraphsOnUndeclaredPage() {
        ExtractedArticle a = extractor.extract(fixture("ru-blog-no-lang.html"), PAGE);

        // the title part equal to the page heading is the headline; " :: Заметки аналитика" is the blog
        assertThat(a.title()).isEqualTo("Картели и дроны: что известно о вербовке бывших военных");
        assertThat(a.byline()).isEqualTo("Сергей Волков");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-11-02T00:00:00Z"));
        assertThat(a.canonicalUrl()).isNull();
        assertThat(a.lang()).isEqualTo("ru");
        assertThat(a.text().split("\n\n")).containsExactly(
                "Мексиканские картели всё активнее ищут людей, умеющих управлять ударными дронами, и готовы платить "
                        + "за такой опыт больше, чем армия.",
                "По данным журналистов, вербовщики выходят на бывших военных через закрытые каналы в мессенджерах и "
                        + "обещают аванс, жильё и оплату перелёта.",
                "Эксперты считают, что это лишь начало: навыки, полученные на войне, неизбежно расходятся по миру "
                        + "вместе с людьми.");
        assertThat(a.text()).doesNotContain("Главная", "Архив", "Автор", "Поделиться", "Похожие записи", "Дроны над границей");
    }

    @Test
    void shouldJoinBodyChunksSplitByAdsAndKeepEmbeddedPost() {
        ExtractedArticle a = extractor.extract(fixture("en-chunked-body-embed.html"), PAGE);

        assertThat(a.title()).isEqualTo("Cartels send fighters to learn drone warfare, analysts warn");
        assertThat(a.byline()).isEqualTo("James Okafor");
        // article:published_time as epoch seconds
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-01-15T10:20:00Z"));
        assertThat(a.canonicalUrl()).isNull();
        assertThat(a.lang()).isEqualTo("en");
        assertThat(a.text().split("\n\n")).containsExactly(
                "Mexican and Colombian criminal groups are sending members abroad to gain battlefield experience "
                        + "with attack drones, according to security analysts in both countries.",
                "The operatives return home with skills that rival gangs and local police are poorly equipped to "
                        + "counter, the analysts said.",
                "One regional risk consultancy counted more than a dozen drone attacks on security forces in a "
                        + "single quarter, most of them carried out with cheap commercial quadcopters.",
                "Drone strikes on police posts in Michoacán have doubled since the summer. Thread below.",
                "— Regional Risk Desk (@riskdesk_example) January 12, 2025",
                "Officials in Bogotá said they had asked European partners to share the names of returning volunteers.");
        assertThat(a.text()).doesNotContain("Subscribe now", "Advertisement", "Trending", "Storm warnings");
    }

    @Test
    void shouldFallBackToJsonLdBodyWhenThePageShowsNoText() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@type": "NewsArticle", "headline": "Drone school opens",
                 "articleBody": "The first paragraph of the article, long enough to be taken for the body of it.\\n\\nThe second paragraph, which the page itself only renders with a script that never ran here."}
                </script></head><body><div id="app"></div></body></html>""";

        ExtractedArticle a = extractor.extract(html, null);

        assertThat(a.title()).isEqualTo("Drone school opens");
        assertThat(a.text()).isEqualTo("The first paragraph of the article, long enough to be taken for the body of it."
                + "\n\nThe second paragraph, which the page itself only renders with a script that never ran here.");
    }

    @Test
    void shouldRejectNullHtml() {
        assertThatThrownBy(() -> extractor.extract(null, PAGE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("html must not be null");
    }

    @Test
    void shouldReturnEmptyArticleForEmptyPage() {
        ExtractedArticle a = extractor.extract("", null);

        assertThat(a).isEqualTo(new ExtractedArticle("", "", null, null, null, null));
    }

    @Test
    void shouldReturnTitleOnlyForPageWithoutBody() {
        ExtractedArticle a = extractor.extract("<html><head><title>Only a title</title></head></html>", PAGE);

        assertThat(a).isEqualTo(new ExtractedArticle("Only a title", "", null, null, null, null));
    }

    @Test
    void shouldKeepBareTextOfPageWithoutMarkup() {
        String line = "drones, cartels, training ".repeat(200_000).strip();

        ExtractedArticle a = extractor.extract(line, null);

        assertThat(a.text()).isEqualTo(line);
        assertThat(a.lang()).isEqualTo("en");
    }

    @Test
    void shouldFindParagraphAtTheBottomOfDeeplyNestedPage() {
        String html = "<div>".repeat(50_000) + "<p>Deep text, with a comma, long enough to be scored as a paragraph.</p>";

        ExtractedArticle a = extractor.extract(html, PAGE);

        assertThat(a.text()).isEqualTo("Deep text, with a comma, long enough to be scored as a paragraph.");
    }

    @Test
    void shouldSurviveNestedInlineAndBlockMixture() {
        String html = "<div><div>x</div><span>".repeat(20_000) + "end";

        ExtractedArticle a = extractor.extract(html, PAGE);

        assertThat(a.text()).endsWith("end");
    }

    @Test
    void shouldRemoveThousandsOfClutterSectionsAndNestedAds() {
        String html = "<div><p>Body text, with commas, long enough to be a paragraph of the article.</p>"
                + "<h3>Related</h3><ul><li><a href=/x>link</a></li></ul>".repeat(20_000)
                + "<div class=\"ad\">".repeat(20_000) + "Advertisement</div>";

        ExtractedArticle a = extractor.extract(html, PAGE);

        assertThat(a.text()).isEqualTo("Body text, with commas, long enough to be a paragraph of the article.");
    }

    @Test
    void shouldIgnoreBrokenJsonLdAndMetaValues() {
        String html = """
                <html><head>
                <meta property="article:published_time" content="0001-01-01T00:00:00Z">
                <meta name="author" content="https://social.example/profile">
                <link rel="canonical" href="javascript:alert(1)">
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
                </head><body><h1>Headline only</h1></body></html>""";

        ExtractedArticle a = extractor.extract(html, PAGE);

        assertThat(a).isEqualTo(new ExtractedArticle("Headline only", "", null, null, null, null));
    }

    static String fixture(String name) {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/extract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
