package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextEnhancerTest {

    private final ContextEnhancer enhancer = new ContextEnhancer(Map.of("digits", Set.of("mrn", "acct")));

    @ParameterizedTest(name = "\"{0}\" scores {1}")
    @CsvSource(delimiter = '|', value = {
        "MRN 123456789|0.65",
        "acct: 123456789|0.65",
        "the 123456789|0.3",
        "123456789 (mrn)|0.65"})
    void aCueWordNearTheFindingRaisesItsScore(String text, double expected) {
        int start = text.indexOf('1');
        Finding f = new Finding(PhiType.UNIQUE_IDENTIFIER, start, start + 9, 0.3, "digits");
        assertEquals(expected, enhancer.enhance(text, List.of(f)).get(0).score(), 1e-9);
    }
}
