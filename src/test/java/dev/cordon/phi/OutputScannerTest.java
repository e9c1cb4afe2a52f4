package dev.cordon.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.pipeline.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputScannerTest {

    private final OutputScanner scanner = new OutputScanner(PhiEngines.defaultAnalyzer());

    private static Reply.ChatResult answer(String text) {
        return new Reply.ChatResult(text, List.of(), "stop", Reply.Usage.NONE);
    }

    @Test
    void identifiersTheCallerNeverSentAreMaskedAndCounted() {
        TokenVault vault = new TokenVault();
        vault.tokenFor(PhiType.NAME, "Margaret Okonkwo");

        OutputScanner.Result result = scanner.scan(
                answer("Margaret Okonkwo resembles the case of John Smith, MRN 99887766, last year."), vault, true);

        assertThat(result.answer().content()).contains("Margaret Okonkwo").doesNotContain("John Smith", "99887766");
        assertThat(result.unsentByType()).containsEntry("NAME", 1).containsEntry("MEDICAL_RECORD_NUMBER", 1);
    }

    @Test
    void flagModeCountsButLeavesTheAnswerAsItIs() {
        OutputScanner.Result result = scanner.scan(answer("Call Dr. Alan Reyes at (617) 555-0142."), new TokenVault(), false);

        assertThat(result.answer().content()).isEqualTo("Call Dr. Alan Reyes at (617) 555-0142.");
        assertThat(result.unsentByType()).containsKeys("NAME", "PHONE_NUMBER");
    }

    @Test
    void aClinicalAnswerWithoutIdentifiersIsUntouched() {
        OutputScanner.Result result = scanner.scan(answer("Start furosemide 40 mg IV, recheck K and Cr 2.1 in 6 h."), new TokenVault(), true);

        assertThat(result.unsentByType()).isEmpty();
        assertThat(result.answer().content()).isEqualTo("Start furosemide 40 mg IV, recheck K and Cr 2.1 in 6 h.");
    }
}
