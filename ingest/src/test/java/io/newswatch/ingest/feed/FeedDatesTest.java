package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Tue, 10 Jun 2025 06:30:00 +0000      | 2025-06-10T06:30:00Z",
            "Mon, 10 Jun 2025 06:30:00 GMT        | 2025-06-10T06:30:00Z",  // wrong weekday, kept
            "10 Jun 25 06:30 EDT                  | 2025-06-10T10:30:00Z",
            "Tuesday, 10 June 2025 06:30:00 -03:00 | 2025-06-10T09:30:00Z",
            "ter, 10 set 2025 06:30:00 -0300      | 2025-09-10T09:30:00Z",
            "mié, 10 dic 2025 06:30:00 -0600      | 2025-12-10T12:30:00Z",
            "2025-06-10T08:15:00+03:00            | 2025-06-10T05:15:00Z",
            "2025-06-10T08:15:00.123456Z          | 2025-06-10T08:15:00.123456Z",
            "2025-06-10 08:15:00                  | 2025-06-10T08:15:00Z",
            "2025-06-10T08:15-0500                | 2025-06-10T13:15:00Z",
            "2025-06-10                           | 2025-06-10T00:00:00Z",
    })
    void readsTheFormsFeedsUse(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Sun, 30 Feb 2025 10:00:00 GMT", "2025-02-30T10:00:00Z", "2025-13-01", "2025-06-10T25:00:00Z",
            "10 Jun 2025 06:30:00 XYZ", "yesterday", "10 июн 2025 06:30:00 +0300", "1718000000"})
    void impossibleOrUnknownDatesAreNull(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void blankIsNull(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }
}
