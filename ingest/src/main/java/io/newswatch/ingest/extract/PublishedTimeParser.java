package io.newswatch.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication times that pages write in meta tags, JSON-LD and {@code <time datetime>}:
 * ISO 8601 with or without offset, seconds, fraction or the {@code T} ({@code 2024-03-01 08:15:00+0200}),
 * plain dates, RFC 1123 ({@code Fri, 01 Mar 2024 06:15:00 GMT}) and Unix epoch seconds or millis.
 * A time without an offset is taken as UTC; a date alone as midnight UTC. Times before 1990 or after
 * 2099 are placeholders ({@code 0001-01-01}) or ids, and read as none.
 *
 * <p>Stateless and thread-safe.
 */
final class PublishedTimeParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*"
                    + "(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    /** Earlier than this a time is a placeholder ("0001-01-01") and an epoch number more likely an id. */
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private PublishedTimeParser() {
    }

    /** @return the instant, or {@code null} when {@code value} is null or not a time it knows */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        Instant t = parseAny(s);
        return t != null && !t.isBefore(EARLIEST) && t.isBefore(LATEST) ? t : null;
    }

    private static Instant parseAny(String s) {
        Matcher iso = ISO.matcher(s);
        if (iso.lookingAt()) {
            return fromIso(iso);
        }
        if (EPOCH.matcher(s).matches()) {
            long n = Long.parseLong(s);
            return Instant.ofEpochSecond(s.length() >= 12 ? n / 1000 : n);
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fromIso(Matcher m) {
        try {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (m.group(4) == null) {
                return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "00000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return OffsetDateTime.of(local, offset(m.group(8))).toInstant();
        } catch (RuntimeException e) {
            // 2024-02-31 and the like: a broken value is the same as none
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = z.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
