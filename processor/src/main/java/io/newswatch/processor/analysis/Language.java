package io.newswatch.processor.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages newswatch analyses with their own stemming. Articles in any other language (or with no
 * language) are analysed with all of them, so a rule still finds its words there.
 */
public enum Language {
    ENGLISH("en"),
    SPANISH("es"),
    PORTUGUESE("pt"),
    UKRAINIAN("uk"),
    RUSSIAN("ru");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, e.g. {@code en}. */
    public String code() {
        return code;
    }

    /**
     * Finds the language for a code such as {@code es}, {@code ES} or {@code pt-BR} (the region is ignored).
     *
     * @return the language, or empty for {@code null}, blank or unsupported codes
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        int region = indexOfAny(c, '-', '_');
        if (region >= 0) {
            c = c.substring(0, region);
        }
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
