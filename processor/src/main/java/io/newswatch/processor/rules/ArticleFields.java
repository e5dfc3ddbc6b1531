package io.newswatch.processor.rules;

import io.newswatch.model.EntityMention;
import io.newswatch.processor.analysis.Language;
import io.newswatch.processor.analysis.LanguageAnalyzer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * How an article is laid out in the matcher's in-memory index.
 *
 * <ul>
 *   <li>{@code text.<lang>}: title, then text, as two values of one field, analysed with that language's
 *       chain; {@link LanguageAnalyzer#POSITION_GAP} positions apart so phrases and NEAR never span them.
 *       Offsets in the text value are shifted by {@code title.length() + 1} (Lucene's offset gap).
 *   <li>{@code title.<lang>}: the title alone, for {@code title:}.
 *   <li>{@code entity}: entity ids, lower case, one term each.
 *   <li>{@code lang}: the languages the article is analysed in, so rules that only ask for entities still
 *       respect their languages.
 * </ul>
 *
 * <p>An article in one of the five languages fills only that language's fields; one with no or another
 * language fills those of its script ({@link #languages}). Stateless and thread-safe.
 */
final class ArticleFields {

    static final String ENTITY = "entity";
    static final String LANGUAGE = "lang";

    private static final Map<Language, String> TEXT = new EnumMap<>(Language.class);
    private static final Map<Language, String> TITLE = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            TEXT.put(l, "text." + l.code());
            TITLE.put(l, "title." + l.code());
        }
    }

    private ArticleFields() {
    }

    static String text(Language language) {
        return TEXT.get(language);
    }

    static String title(Language language) {
        return TITLE.get(language);
    }

    static boolean isTextField(String field) {
        return field.startsWith("text.");
    }

    static boolean isTitleField(String field) {
        return field.startsWith("title.");
    }

    /** Entity ids are compared in lower case, so {@code entity:CJNG} finds {@code cjng}. */
    static String entityId(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    private static final Set<Language> LATIN = EnumSet.of(Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE);
    private static final Set<Language> CYRILLIC = EnumSet.of(Language.UKRAINIAN, Language.RUSSIAN);
    private static final int SCRIPT_SAMPLE = 2_000;

    /**
     * The languages an article is analysed in: its own when supported; otherwise those written in the
     * article's script (Latin: en, es, pt; Cyrillic: uk, ru), judged on its first characters; all five when
     * the script is neither or mixed. Analysing in every language costs five times one, and a Russian rule
     * has nothing to find in a Latin-script text.
     */
    static Set<Language> languages(MatchInput input) {
        Language own = Language.fromCode(input.lang()).orElse(null);
        if (own != null) {
            return EnumSet.of(own);
        }
        int latin = 0;
        int cyrillic = 0;
        String sample = input.text().length() > SCRIPT_SAMPLE ? input.text().substring(0, SCRIPT_SAMPLE) : input.title() + " " + input.text();
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else if (script == Character.UnicodeScript.CYRILLIC) {
                    cyrillic++;
                }
            }
        }
        if (latin > 9 * cyrillic && latin > 0) {
            return EnumSet.copyOf(LATIN);
        }
        if (cyrillic > 9 * latin && cyrillic > 0) {
            return EnumSet.copyOf(CYRILLIC);
        }
        return EnumSet.allOf(Language.class);
    }

    /**
     * Whether the title is indexed as the first value of the text fields. A title without a letter or digit
     * yields no token, and Lucene would then not shift the text's offsets: it is left out instead.
     */
    static boolean titleIndexed(String title) {
        return title.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Offset in the text fields at which the article text starts. */
    static int textBase(String title) {
        return titleIndexed(title) ? title.length() + 1 : 0;
    }

    static Document document(MatchInput input) {
        Document doc = new Document();
        boolean withTitle = titleIndexed(input.title());
        for (Language l : languages(input)) {
            if (withTitle) {
                doc.add(new TextField(text(l), input.title(), Field.Store.NO));
                doc.add(new TextField(title(l), input.title(), Field.Store.NO));
            }
            doc.add(new TextField(text(l), input.text(), Field.Store.NO));
            doc.add(new StringField(LANGUAGE, l.code(), Field.Store.NO));
        }
        for (EntityMention e : input.entities()) {
            doc.add(new StringField(ENTITY, entityId(e.id()), Field.Store.NO));
        }
        return doc;
    }

    /** The analyzer for every field of {@link #document}. Thread-safe. */
    static Analyzer analyzer() {
        return new FieldAnalyzer();
    }

    private static final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
        private final Map<String, Analyzer> byField = new java.util.HashMap<>();
        private final Analyzer keyword = new KeywordAnalyzer();

        FieldAnalyzer() {
            super(PER_FIELD_REUSE_STRATEGY);
            for (Language l : Language.values()) {
                LanguageAnalyzer a = LanguageAnalyzer.forIndex(l);
                byField.put(text(l), a);
                byField.put(title(l), a);
            }
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return byField.getOrDefault(fieldName, keyword);
        }
    }
}
