package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0} formats and parses back to itself")
    @ValueSource(strings = {"2026-11-23T13:48:04.123Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
        "2024-02-29T23:59:59.001Z", "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00.000Z"})
    void theTrailFormRoundTripsAndAgreesWithIsoParsing(String text) {
        Instant instant = Timestamps.parse(text);

        assertThat(instant).isEqualTo(Instant.parse(text));
        assertThat(Timestamps.format(instant)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} is not the trail form")
    @ValueSource(strings = {"2026-11-23T13:48:04Z", "2026-11-23T13:48:04.1234Z", "2026-11-23 13:48:04.123Z",
        "2026-02-30T13:48:04.123Z", "2026-11-23T24:00:00.000Z", "2026-11-23T13:48:04.12aZ", "2026-11-23T13:48:04.123+"})
    void anythingElseIsRejected(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
