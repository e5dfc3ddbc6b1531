package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedTimeParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-03-07T06:45:00+01:00         | 2025-03-07T05:45:00Z",
            "2025-03-07T06:45:00.123456+0100   | 2025-03-07T05:45:00.123456Z",
            "2025-03-07 06:45:00-0600          | 2025-03-07T12:45:00Z",
            "2025-03-07T06:45Z                 | 2025-03-07T06:45:00Z",
            "2025-03-07T06:45:00+02            | 2025-03-07T04:45:00Z",
            "2025-03-07T06:45:00               | 2025-03-07T06:45:00Z",
            "2025-03-07T06:45:00 GMT           | 2025-03-07T06:45:00Z",
            "2025-03-07                        | 2025-03-07T00:00:00Z",
            "2025-3-7                          | 2025-03-07T00:00:00Z",
            "Fri, 07 Mar 2025 06:45:00 GMT     | 2025-03-07T06:45:00Z",
            "1741329900                        | 2025-03-07T06:45:00Z",
            "1741329900000                     | 2025-03-07T06:45:00Z",
            "'  2025-03-07T06:45:00Z  '        | 2025-03-07T06:45:00Z"})
    void shouldReadTheFormatsPagesUse(String value, String expected) {
        assertThat(PublishedTimeParser.parse(value)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "0001-01-01T00:00:00Z", "2025-02-31", "2025-13-01T00:00:00Z",
            "2025-03-07T25:00:00Z", "2150-01-01", "12345", "7 March 2025"})
    void shouldReadPlaceholdersAndNonsenseAsNoTime(String value) {
        assertThat(PublishedTimeParser.parse(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 10_000})
    void shouldNotTryOverlongValues(int length) {
        assertThat(PublishedTimeParser.parse("2025-03-07" + " ".repeat(length) + "x")).isNull();
    }
}
