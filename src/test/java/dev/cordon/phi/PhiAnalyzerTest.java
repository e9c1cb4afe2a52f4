package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhiAnalyzerTest {

    private final PhiAnalyzer analyzer = PhiEngines.defaultAnalyzer();

    @ParameterizedTest(name = "\"{0}\" is left as it is")
    @CsvSource(delimiter = '|', value = {
        "Rec mgmt of 70yo M w/ CHF, 82-year-old sister also affected",
        "diagnosed in 2019, BP 90-110/50, Cr 2.1, HR 88",
        "levothyroxine 100mcg daily and metformin 500 mg BID, 5 mg prednisone",
        "meds given at 0600 and 14:30, K 4.1, Na 138, WBC 11.2",
        "ICD-10 E11.9, CPT 99213, HbA1c 7.2%",
        "Foley catheter placed; history of Parkinson's and Bell's palsy",
        "positive Babinski sign, Murphy's sign negative, Wells score 3",
        "Alzheimer's disease, Crohn's disease, Hodgkin lymphoma, Cushing syndrome",
        "on warfarin with INR 2.0-3.0, eGFR 45, EF 35%",
        "children ages 10-12 on amoxicillin, pupils 3/2 reactive, reflexes 2/4",
        "Apply the Wells score and PERC rule; Glasgow Coma Scale 14; Ottawa ankle rule negative",
        "Hashimoto's thyroiditis, Kawasaki disease, Lou Gehrig's disease, Rocky Mountain spotted fever"})
    void doesNotFlagWhatSafeHarborAllowsAndCliniciansNeed(String text) {
        List<Finding> found = analyzer.analyze(text);
        assertTrue(found.isEmpty(), () -> "unexpected " + describe(text, found));
    }

    static Stream<Object[]> phiCases() {
        return Stream.of(
                new Object[] {"Mr. Foley was seen today", PhiType.NAME, "Mr. Foley"},
                new Object[] {"DOB 03-14", PhiType.DATE, "03-14"},
                new Object[] {"MRN 123456789 noted", PhiType.MEDICAL_RECORD_NUMBER, "123456789"},
                new Object[] {"phone 6175557890 for callbacks", PhiType.PHONE_NUMBER, "6175557890"},
                new Object[] {"Fax: 650-123-4567", PhiType.FAX_NUMBER, "650-123-4567"},
                new Object[] {"a 97-year-old woman", PhiType.AGE_OVER_89, "97-year-old"},
                new Object[] {"NPI 1234567893 on the order", PhiType.CERTIFICATE_LICENSE_NUMBER, "1234567893"});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("phiCases")
    void contextCuesLiftFindingsAboveTheThreshold(String text, PhiType type, String value) {
        List<Finding> found = analyzer.analyze(text);
        assertTrue(found.stream().anyMatch(f -> f.type() == type && text.substring(f.start(), f.end()).equals(value)),
                () -> describe(text, found));
    }

    @Test
    void findingsAreSortedNonOverlappingAndAboveTheThreshold() {
        String text = "Mr. James T., seen at St. Francis Hospital, Chicago on May 30th, 2022 (MRN: CC-998877), "
                + "phone 312-555-1234, email jt@example.com";
        List<Finding> found = analyzer.analyze(text);
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).end() <= found.get(i).start());
        }
        assertTrue(found.stream().allMatch(f -> f.score() >= PhiEngines.DEFAULT_THRESHOLD));
        assertEquals(7, found.size(), () -> describe(text, found));
    }

    @Test
    void anAnalyzerLimitedToSomeTypesReportsOnlyThoseTypes() {
        PhiAnalyzer datesOnly = PhiEngines.analyzer(Set.of(PhiType.DATE), 0.5);
        List<Finding> found = datesOnly.analyze("Mr. James T. seen May 30th, 2022");
        assertEquals(List.of(PhiType.DATE), found.stream().map(Finding::type).toList());
    }

    @Test
    void aRecognizerExceptionPropagatesWithoutTheText() {
        PhiRecognizer broken = new PhiRecognizer() {
            public String id() {
                return "broken";
            }

            public PhiType type() {
                return PhiType.NAME;
            }

            public List<Finding> recognize(CharSequence text) {
                throw new IllegalStateException("recognizer failed");
            }
        };
        PhiAnalyzer failing = new DefaultPhiAnalyzer(List.of(broken), 0.5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.analyze("John Smith"));
        assertTrue(!e.getMessage().contains("John"));
    }

    @Test
    void findingsInLongTextsAreFoundOnceAcrossWindowBoundaries() {
        String unit = "Pt seen 4/3/2023 by Dr. Alice Turner at Cedar Grove Clinic, MRN: ZX-123456. ";
        String text = unit.repeat(400);
        List<Finding> found = analyzer.analyze(text);
        long dates = found.stream().filter(f -> f.type() == PhiType.DATE).count();
        assertEquals(400, dates);
    }

    static Stream<String> adversarialInputs() {
        return Stream.of("1-".repeat(100_000), "aaaa@".repeat(40_000), "1".repeat(200_000),
                "Aaaa ".repeat(40_000), "St. ".repeat(50_000), "MRN: ".repeat(40_000), "1.1.".repeat(50_000),
                "a:".repeat(100_000), "(01)".repeat(50_000), "www.".repeat(50_000));
    }

    @ParameterizedTest(name = "adversarial input #{index} finishes quickly")
    @MethodSource("adversarialInputs")
    void adversarialInputCannotStallTheAnalyzer(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> analyzer.analyze(text));
    }

    @Test
    void concurrentAnalysesGiveTheSameFindingsAsSequentialOnes() throws Exception {
        List<String> texts = List.of(
                "Mr. James T., seen at St. Francis Hospital on May 30th, 2022 (MRN: CC-998877)",
                "pt john smith 92yo, phone 312-555-1234, lives in Fresno",
                "Dr. Alice Turner, NPI 1234567893, fax 650-123-4567, jt@example.com",
                "Foley catheter, BP 120/80, Cr 2.1, metformin 500 mg");
        List<List<Finding>> expected = texts.stream().map(analyzer::analyze).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int k = 0; k < texts.size(); k++) {
                            if (!analyzer.analyze(texts.get(k)).equals(expected.get(k))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyTypeHasARecognizer() {
        Set<PhiType> covered = EnumSet.noneOf(PhiType.class);
        dev.cordon.phi.recognizers.Recognizers.all().forEach(r -> covered.add(r.type()));
        assertEquals(EnumSet.allOf(PhiType.class), covered);
    }

    private static String describe(String text, List<Finding> found) {
        return found.stream().map(f -> f.type() + ":" + text.substring(f.start(), f.end()) + ":" + f.score()).toList().toString();
    }
}
