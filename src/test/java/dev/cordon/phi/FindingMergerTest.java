package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingMergerTest {

    @Test
    void overlappingFindingsBecomeOneSpanWithTheBestMembersType() {
        List<Finding> merged = FindingMerger.merge(List.of(
                new Finding(PhiType.GEOGRAPHIC_LOCATION, 0, 20, 0.8, "facility"),
                new Finding(PhiType.NAME, 5, 30, 0.9, "name"),
                new Finding(PhiType.DATE, 40, 45, 0.7, "date")), 0.5);
        assertEquals(List.of(new Finding(PhiType.NAME, 0, 30, 0.9, "name"), new Finding(PhiType.DATE, 40, 45, 0.7, "date")),
                merged);
    }

    @Test
    void findingsBelowTheThresholdAreDroppedBeforeMerging() {
        List<Finding> merged = FindingMerger.merge(List.of(
                new Finding(PhiType.NAME, 0, 50, 0.3, "name"),
                new Finding(PhiType.DATE, 10, 15, 0.7, "date")), 0.5);
        assertEquals(List.of(new Finding(PhiType.DATE, 10, 15, 0.7, "date")), merged);
    }

    @Test
    void tiesAreBrokenByLengthThenTypeSoTheResultIsDeterministic() {
        Finding a = new Finding(PhiType.UNIQUE_IDENTIFIER, 0, 10, 0.85, "unique-id");
        Finding b = new Finding(PhiType.MEDICAL_RECORD_NUMBER, 0, 10, 0.85, "mrn");
        assertEquals(FindingMerger.merge(List.of(a, b), 0.5), FindingMerger.merge(List.of(b, a), 0.5));
        assertEquals(PhiType.MEDICAL_RECORD_NUMBER, FindingMerger.merge(List.of(a, b), 0.5).get(0).type());
    }
}
