package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    /** A Thursday. */
    private static final Instant NOW = Instant.parse("2025-11-20T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            120                               | PT2M
            0                                 | PT0S
            '  30 '                           | PT30S
            86400                             | PT24H
            31536001                          | PT8760H
            99999999999999999999999           | PT8760H
            Thu, 20 Nov 2025 10:02:00 GMT     | PT2M
            Mon, 20 Nov 2025 10:02:00 GMT     | PT2M
            Thu, 20 Nov 2025 09:59:00 GMT     | PT0S
            Thu, 1 Jan 2026 00:00:00 GMT      | PT998H
            Thursday, 20-Nov-25 10:05:00 GMT  | PT5M
            Sunday, 06-Nov-94 08:49:37 GMT    | PT0S
            Thu Nov 20 10:01:00 2025          | PT1M
            Sun Nov  6 08:49:37 1994          | PT0S
            Fri Nov 21 10:00:00 2025          | PT24H
            """)
    void shouldParseDelaySecondsAndAllThreeDateForms(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "-5", "1.5", "soon", "2 minutes", "Thu, 20 Nov 2025 10:02:00 +0000",
            "Thu, 32 Nov 2025 10:02:00 GMT", "Thursday", "20 Nov 2025 10:02:00 GMT", "0x10"})
    void shouldIgnoreValuesThatAreNotADelay(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2025-11-20T10:00:00Z | Friday, 19-Nov-76 10:00:00 GMT   | PT0S
            2025-11-20T10:00:00Z | Sunday, 19-Nov-75 10:00:00 GMT   | PT8760H
            2099-12-31T23:00:00Z | Friday, 01-Jan-00 00:00:00 GMT   | PT1H
            """)
    void shouldReadTwoDigitYearsMoreThanFiftyYearsAheadAsThePastCentury(Instant now, String header, Duration expected) {
        assertThat(RetryAfter.parse(header, now)).isEqualTo(expected);
    }
}
