package io.callbook.common.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResponseTimeFormatTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0.000ms",
            "999, 0.000ms",
            "1000, 0.001ms",
            "45000, 0.045ms",
            "1234567, 1.234ms",
            "250000000, 250.000ms",
            "12005000000, 12005.000ms"})
    void millisWithThreeDecimals(long nanos, String expected) {
        assertEquals(expected, RequestObservabilityFilter.formatMillis(nanos));
    }
}
