package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String NOTE = "Mr. James Smith seen on May 30th, 2022, MRN: CC-998877.";
    private final Redactor redactor = new Redactor(PhiEngines.defaultAnalyzer());

    @Test
    void tokenizeReplacesEachValueWithAVaultTokenAndRestoreBringsItBack() {
        TokenVault vault = new TokenVault();
        Redaction r = redactor.redact(NOTE, PhiPolicy.tokenizeAll(), vault);
        assertEquals("[NAME_1] seen on [DATE_1], MRN: [MEDICAL_RECORD_NUMBER_1].", r.text());
        assertEquals(Map.of(PhiType.NAME, 1, PhiType.DATE, 1, PhiType.MEDICAL_RECORD_NUMBER, 1), r.counts());
        assertEquals(NOTE, Restorer.restore(r.text(), vault));
    }

    @Test
    void maskAllowAndBlockFollowThePolicyPerType() {
        PhiPolicy policy = new PhiPolicy(Map.of(PhiType.DATE, PhiAction.ALLOW, PhiType.NAME, PhiAction.MASK,
                PhiType.MEDICAL_RECORD_NUMBER, PhiAction.BLOCK), PhiAction.TOKENIZE);
        Redaction r = redactor.redact(NOTE, policy, new TokenVault());
        assertEquals("[NAME] seen on May 30th, 2022, MRN: [MEDICAL_RECORD_NUMBER_1].", r.text());
        assertEquals(Set.of(PhiType.MEDICAL_RECORD_NUMBER), r.blockedTypes());
        assertFalse(r.counts().containsKey(PhiType.DATE));
        assertTrue(r.blocked());
    }

    @Test
    void textWithoutPhiIsReturnedUnchanged() {
        Redaction r = redactor.redact("metformin 500 mg BID, A1c 7.2", PhiPolicy.tokenizeAll(), new TokenVault());
        assertEquals("metformin 500 mg BID, A1c 7.2", r.text());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void restoreLeavesUnknownAndMalformedTokensAlone() {
        TokenVault vault = new TokenVault();
        vault.tokenFor(PhiType.NAME, "Ann");
        assertEquals("Ann, [NAME_7], [NAME_1, [UNKNOWN]", Restorer.restore("[NAME_1], [NAME_7], [NAME_1, [UNKNOWN]", vault));
        assertEquals("[Ann]", Restorer.restore("[[NAME_1]]", vault));
    }
}
