package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(Map<String, ?> object) {
        return new String(CanonicalJson.encode(object), StandardCharsets.UTF_8);
    }

    @Test
    void theSameMembersInAnyInsertionOrderGiveTheSameBytes() {
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("b", 2L);
        forward.put("a", "x");
        forward.put("c", Map.of("z", true, "y", false));
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("c", Map.of("y", false, "z", true));
        backward.put("a", "x");
        backward.put("b", 2);

        String bytes = canonical(forward);

        assertThat(bytes).isEqualTo(canonical(backward)).isEqualTo("{\"a\":\"x\",\"b\":2,\"c\":{\"y\":false,\"z\":true}}");
    }

    @Test
    void keysSortByUtf16CodeUnitsNotByCodePoints() {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FFFD by code unit but after it by code point.
        Map<String, Object> object = Map.of("\uFFFD", 1L, "\uD83D\uDE00", 2L, "é", 3L, "Z", 4L, "a", 5L);

        String bytes = canonical(object);

        assertThat(bytes).isEqualTo("{\"Z\":4,\"a\":5,\"é\":3,\"\uD83D\uDE00\":2,\"\uFFFD\":1}");
    }

    @Test
    void aNullMemberIsOmittedSoNullAndAbsentSignAlike() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", 1L);
        withNull.put("b", null);
        withNull.put("c", Map.of());

        String bytes = canonical(withNull);

        assertThat(bytes).isEqualTo(canonical(Map.of("a", 1L, "c", Map.of()))).isEqualTo("{\"a\":1,\"c\":{}}");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControlCharacters() {
        String text = "q\" b\\ \b\f\n\r\t \u0000\u0001\u001f \u007f / é ✓ \uD83D\uDE00 <>&'";

        String bytes = canonical(Map.of("s", text));

        assertThat(bytes).isEqualTo("{\"s\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \u007f / é ✓ \uD83D\uDE00 <>&'\"}");
    }

    @Test
    void nonAsciiIsWrittenAsUtf8IncludingCharactersOutsideTheBmp() {
        byte[] bytes = CanonicalJson.encode(Map.of("s", "é\uD83D\uDE00"));

        assertThat(bytes).containsExactly('{', '"', 's', '"', ':', '"', 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, '"', '}');
    }

    @Test
    void aLoneSurrogateIsEscapedRatherThanLost() {
        String bytes = canonical(Map.of("s", "a\uD800b\uDC00"));

        assertThat(bytes).isEqualTo("{\"s\":\"a\\ud800b\\udc00\"}");
    }

    @Test
    void integersAreWrittenInFullIncludingTheLongExtremes() {
        Map<String, Object> numbers = Map.of("max", Long.MAX_VALUE, "min", Long.MIN_VALUE, "neg", -1, "zero", 0L);

        String bytes = canonical(numbers);

        assertThat(bytes).isEqualTo("{\"max\":9223372036854775807,\"min\":-9223372036854775808,\"neg\":-1,\"zero\":0}");
    }

    @Test
    void fractionsAndArraysAreRejectedNamingTheKeyButNotTheValue() {
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("score", 0.5d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score").hasMessageNotContaining("0.5");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("list", List.of("secret"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("list").hasMessageNotContaining("secret");
    }

    @Test
    void aParsedCanonicalLineReEncodesToTheSameBytes() throws Exception {
        String line = canonical(Map.of("s", "\u0001 é \uD83D\uDE00", "n", Long.MIN_VALUE, "o", Map.of("b", true)));

        byte[] again = CanonicalJson.encode(new ObjectMapper().readTree(line));

        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(line);
    }

    @Test
    void aParsedFractionOrOversizedIntegerIsRejected() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThatThrownBy(() -> CanonicalJson.encode(mapper.readTree("{\"n\":1.5}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(mapper.readTree("{\"n\":9223372036854775808}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsHaveExactlyThreeFractionDigitsInUtc() {
        assertThat(CanonicalJson.timestamp(Instant.parse("2026-11-23T13:48:04.123456789Z"))).isEqualTo("2026-11-23T13:48:04.123Z");
        assertThat(CanonicalJson.timestamp(Instant.parse("2026-11-23T13:48:04Z"))).isEqualTo("2026-11-23T13:48:04.000Z");
    }
}
