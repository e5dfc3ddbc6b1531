package io.newswatch.ingest.extract;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Visible texts that label page clutter rather than belong to an article, in the languages the desks
 * read (en, es, pt, uk, ru) and a few neighbours (fr, de, it).
 *
 * <p>Two kinds: section headings ("You may also like", "Most read") whose section is clutter as a whole,
 * and short stand-alone lines ("Advertisement", "Share this article") that are clutter by themselves.
 * Matching is on a normalised form (lower case, accents kept, punctuation and spacing collapsed), so
 * "MOST READ:" and "Most  read" both match. Stateless and thread-safe.
 */
final class BoilerplatePhrases {

    private static final List<String> SECTION_HEADINGS = List.of(
            // en
            "you may also like", "you might also like", "you may like", "you might like", "related",
            "related articles", "related stories", "related posts", "related news", "related content",
            "related coverage", "related topics", "read more", "read next", "more from", "more stories",
            "more news", "more on this", "more on this story", "more like this", "most read", "most popular",
            "most viewed", "most shared", "most commented", "trending", "trending now", "recommended",
            "recommended for you", "recommended stories", "popular", "popular now", "popular stories",
            "latest news", "latest stories", "latest", "top stories", "editors picks", "also read",
            "see also", "comments", "leave a comment", "leave a reply", "join the conversation",
            "sign up", "newsletter",
            "sponsored", "sponsored content", "promoted stories", "around the web", "from the web",
            "don t miss", "dont miss", "what to read next", "in case you missed it", "more in",
            "keep reading", "other news", "also on", "tags", "topics", "filed under",
            // es
            "también te puede interesar", "te puede interesar", "quizás te interese", "también le puede interesar", "te puede gustar", "noticias relacionadas",
            "artículos relacionados", "relacionados", "relacionado", "lo más leído", "lo mas leido",
            "más leídas", "más leídos", "mas leidas", "leer más", "lee también", "lea también",
            "te recomendamos", "recomendados", "comentarios", "últimas noticias", "más noticias",
            "suscríbete", "etiquetas", "temas",
            // pt
            "você também pode gostar", "voce tambem pode gostar", "você pode gostar", "voce pode gostar",
            "você pode se interessar", "posts relacionados", "artigos relacionados", "matérias relacionadas", "leia também", "leia tambem",
            "leia mais", "mais lidas", "mais lidos", "notícias relacionadas", "noticias relacionadas",
            "relacionadas", "veja também", "veja tambem", "comentários", "últimas notícias",
            "recomendados para você",
            // uk
            "читайте також", "вас може зацікавити", "популярне", "новини по темі", "по темі",
            "найпопулярніше", "найчитаніше", "останні новини", "коментарі", "теги", "схожі новини",
            "дивіться також", "інші новини",
            // ru
            "читайте также", "похожие новости", "популярное", "по теме", "самое читаемое",
            "самое популярное", "последние новости", "комментарии", "теги", "другие новости",
            "смотрите также", "вам может быть интересно", "рекомендуем",
            // fr, de, it
            "vous aimerez aussi", "à lire aussi", "a lire aussi", "lire aussi", "les plus lus",
            "sur le même sujet", "das könnte sie auch interessieren", "mehr zum thema", "meistgelesen",
            "meistgelesene artikel", "potrebbe interessarti", "leggi anche", "più letti", "articoli correlati");

    /** Whole lines that are clutter: ad labels, share and print buttons, comment counters. */
    private static final Pattern STAND_ALONE = Pattern.compile(
            "(advertisement|advertising|ad|sponsored|story continues below( advertisement)?|"
                    + "continue reading( below)?|article continues below|scroll to continue|"
                    + "share( this)?( article| story| post)?( on (facebook|twitter|x|whatsapp|linkedin|email))?|"
                    + "(click|tap) (here|to) .{0,40}|follow us .{0,60}|"
                    + "publicidad|anuncio|publicidade|реклама|werbung|pubblicità|"
                    + "compartir|compartilhar|поділитися|поделиться|"
                    + "accept( all)?( cookies)?|aceptar|aceitar|прийняти|принять|"
                    + "print|email|comments?( \\d+)?|\\d+ comments?|copy link|link copied|"
                    + "(facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|email|print|vk|viber)"
                    + "( (facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|email|print|vk|viber))+)");

    /** Lines that open with a call to subscribe: newsletter and paywall prompts. */
    private static final Pattern SUBSCRIBE_PROMPT = Pattern.compile(
            "(sign up|subscribe|get our|suscríbete|suscribete|suscríbase|assine|inscreva se|підпишіться|підписуйтесь|"
                    + "подпишитесь|подписывайтесь|abonnez vous|inscrivez vous|abonnieren sie|iscriviti)\\b.{0,160}",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** Cookie notices, in the desks' languages: a short line about cookies saying the site uses them. */
    private static final Pattern COOKIE_NOTICE = Pattern.compile(
            ".{0,120}\\b(we use|this (web)?site uses|usamos|utilizamos|utiliza|використовуємо|використовує|"
                    + "используем|использует|wir verwenden|nous utilisons|utilizziamo)\\b.{0,40}\\b(cookies?|файли cookie|файлы cookie)\\b.{0,250}",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private BoilerplatePhrases() {
    }

    /** How sure a heading makes us that its section is clutter. */
    enum Heading {
        /** Not a clutter heading. */
        NONE,
        /** A one-word label ("Trending", "Related", "Comments") that sites also use as a kicker above articles. */
        WEAK,
        /** A phrase ("You may also like", "Leia também") that only ever introduces clutter. */
        STRONG
    }

    /** Classifies {@code text} as the heading of a clutter section such as "You may also like". */
    static Heading sectionHeading(String text) {
        if (text.length() > 60) {
            return Heading.NONE;
        }
        String norm = normalise(text);
        if (norm.isEmpty()) {
            return Heading.NONE;
        }
        for (String heading : SECTION_HEADINGS) {
            boolean phrase = heading.indexOf(' ') > 0;
            // "More from CNN Business", "Most read in Sport": only phrases take a tail
            if (norm.equals(heading) || (phrase && norm.startsWith(heading + " ") && norm.length() <= heading.length() + 20)) {
                return phrase ? Heading.STRONG : Heading.WEAK;
            }
        }
        return Heading.NONE;
    }

    /**
     * True when {@code text}, a whole block, is a clutter line: "Advertisement", "Share on Facebook",
     * "Sign up for our daily newsletter", "Usamos cookies propias y de terceros...".
     */
    static boolean isStandAlone(String text) {
        if (text.length() > 300) {
            return false;
        }
        String norm = normalise(text);
        return STAND_ALONE.matcher(norm).matches() || SUBSCRIBE_PROMPT.matcher(norm).matches()
                || COOKIE_NOTICE.matcher(norm).matches();
    }

    static String normalise(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return PUNCT.matcher(lower).replaceAll(" ").strip();
    }
}
