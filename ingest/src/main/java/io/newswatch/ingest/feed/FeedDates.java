package io.newswatch.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of the dates feeds carry: RFC 822 ({@code pubDate}) and W3C/ISO 8601 ({@code dc:date}, Atom,
 * JSON Feed).
 *
 * <p>Rome parses with lenient {@link java.text.SimpleDateFormat}s, which turn "30 Feb" into 2 March; a wrong
 * date would then pass for a real one and skew story timing, so dates are parsed again here and anything
 * impossible gives {@code null} (the caller falls back to the fetch time). Tolerated, because real feeds do
 * it: a missing or wrong weekday, two-digit years, missing seconds, North-American zone names, Spanish and
 * Portuguese month abbreviations (ene, abr, ago, dic; fev, mai, set, out, dez), a space instead of {@code T},
 * and no zone at all (read as UTC). Stateless and thread-safe.
 */
final class FeedDates {

    private static final Pattern RFC_822 = Pattern.compile(
            "^(?:[^\\d,\\s]+,?\\s*)?(\\d{1,2})[\\s-]+([^\\d\\s.,-]{3,})\\.?[\\s-]+(\\d{2}|\\d{4}),?\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern ISO_8601 = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("ene", 1),
            Map.entry("feb", 2), Map.entry("fev", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4), Map.entry("abr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("ago", 8),
            Map.entry("sep", 9), Map.entry("set", 9),
            Map.entry("oct", 10), Map.entry("out", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12), Map.entry("dic", 12), Map.entry("dez", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    /** Longer than any real date; a longer text is not one, and is not worth matching. */
    private static final int MAX_LENGTH = 80;

    private FeedDates() {
    }

    /** The instant {@code text} denotes, or {@code null} when it is blank, unrecognised or impossible. */
    static Instant parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return null;
        }
        String s = text.strip();
        try {
            Matcher iso = ISO_8601.matcher(s);
            if (iso.matches()) {
                return iso(iso);
            }
            Matcher rfc = RFC_822.matcher(s);
            if (rfc.matches()) {
                return rfc822(rfc);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Instant iso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
        LocalDateTime time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        return time.toInstant(offset(m.group(8)));
    }

    private static Instant rfc822(Matcher m) {
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        LocalDateTime time = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        String zone = m.group(7);
        if (zone != null && Character.isLetter(zone.charAt(0))) {
            Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
            if (hours == null) {
                return null;
            }
            return time.toInstant(ZoneOffset.ofHours(hours));
        }
        return time.toInstant(offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
