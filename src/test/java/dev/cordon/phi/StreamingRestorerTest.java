package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingRestorerTest {

    private TokenVault vault;
    private String text;

    @BeforeEach
    void givenAVaultAndAResponseWithSeveralTokens() {
        vault = new TokenVault();
        for (int i = 1; i <= 12; i++) {
            vault.tokenFor(PhiType.NAME, "Person " + i);
        }
        vault.tokenFor(PhiType.DATE, "May 3");
        vault.tokenFor(PhiType.MEDICAL_RECORD_NUMBER, "CC-998877");
        text = "[NAME_1] saw [NAME_12] on [DATE_1]; chart [MEDICAL_RECORD_NUMBER_1]. [NAME_9] [[NAME_2]] "
                + "[UNKNOWN_1] [NAME_13] [NAME_1[DATE_1]] end [NAME_";
    }

    @Test
    void everySingleSplitPointGivesTheSameResultAsTheWholeText() {
        String expected = Restorer.restore(text, vault);
        for (int cut = 0; cut <= text.length(); cut++) {
            assertEquals(expected, stream(List.of(text.substring(0, cut), text.substring(cut))), "cut at " + cut);
        }
    }

    @Test
    void everyPairOfSplitPointsGivesTheSameResult() {
        String expected = Restorer.restore(text, vault);
        for (int a = 0; a <= text.length(); a++) {
            for (int b = a; b <= text.length(); b++) {
                List<String> chunks = List.of(text.substring(0, a), text.substring(a, b), text.substring(b));
                assertEquals(expected, stream(chunks), "cuts at " + a + "," + b);
            }
        }
    }

    @Test
    void randomChunkingsGiveTheSameResult() {
        String expected = Restorer.restore(text, vault);
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            List<String> chunks = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int n = 1 + random.nextInt(8);
                chunks.add(text.substring(i, Math.min(text.length(), i + n)));
                i += n;
            }
            assertEquals(expected, stream(chunks));
        }
    }

    @Test
    void onlyAPossibleTokenPrefixIsHeldBack() {
        StreamingRestorer restorer = new StreamingRestorer(vault);
        assertEquals("Hello ", restorer.feed("Hello [NAM"));
        assertEquals("Person 1 and [x", restorer.feed("E_1] and [x"));
        String out = restorer.feed("[MEDICAL_RECORD_NUMBER");
        assertEquals("", out);
        assertEquals("[MEDICAL_RECORD_NUMBER", restorer.finish());
    }

    @Test
    void heldBackTextNeverExceedsTheLongestTokenMinusOne() {
        StreamingRestorer restorer = new StreamingRestorer(vault);
        StringBuilder fed = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            fed.append(c);
            out.append(restorer.feed(String.valueOf(c)));
            String restoredSoFar = Restorer.restore(fed.toString(), vault);
            int held = restoredSoFar.length() - out.length();
            assertTrue(held <= vault.maxTokenLength() - 1, "held " + held);
        }
    }

    private String stream(List<String> chunks) {
        StreamingRestorer restorer = new StreamingRestorer(vault);
        StringBuilder out = new StringBuilder();
        for (String c : chunks) {
            out.append(restorer.feed(c));
        }
        return out.append(restorer.finish()).toString();
    }
}
