package io.newswatch.ingest.feed;

import io.newswatch.config.ConfigType;
import java.time.Duration;

/**
 * Durations as written in feed lists: {@code 30s}, {@code 10m}, {@code 2h}, or ISO-8601 ({@code PT10M}). Parsing is
 * the config module's, so feed lists and the main config accept the same spellings. Stateless and thread-safe.
 */
final class DurationText {

    private DurationText() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is accepted, or that it is out of range. */
    static Duration parse(String text) {
        return ConfigType.DURATION_TYPE.parse(text);
    }

    /** The shortest exact spelling: {@code 2h}, {@code 10m}, {@code 45s}, else ISO-8601. */
    static String format(Duration d) {
        if (d.isZero() || d.isNegative() || d.getNano() != 0) {
            return d.toString();
        }
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
