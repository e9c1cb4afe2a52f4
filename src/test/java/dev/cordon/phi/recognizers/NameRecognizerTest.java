package dev.cordon.phi.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRecognizerTest {

    private final NameRecognizer names = new NameRecognizer();

    @ParameterizedTest(name = "\"{0}\" names \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "seen by Dr. John L. at the clinic|Dr. John L.",
        "a 50-year-old woman, Anna S., post-op|Anna S.",
        "referencing Mr. James T., operated|Mr. James T.",
        "cath placed by Mr. Foley yesterday|Mr. Foley",
        "patient Mary Johnson was admitted|Mary Johnson",
        "a male named Stanley Kowalczyk, with|Stanley Kowalczyk",
        "his daughter Emma called|Emma",
        "pt john smith 70yo with chf|john smith",
        "dr smith reviewed|dr smith",
        "PT JOHN SMITH SEEN IN CLINIC TODAY FOR FOLLOW UP|JOHN SMITH",
        "pt is John D seen at|John D",
        "ref Paul M's case at|Paul M",
        "for Anne-Marie B., who|Anne-Marie B.",
        "referenced in John's notes|John",
        "seen by Dr. A. at|Dr. A.",
        "case reviewed, Stan M., seen|Stan M.",
        "per Dr. J. Smith today|Dr. J. Smith",
        "signed by A. R. Patel after|A. R. Patel",
        "Registration: Garcia, Maria, 3rd floor|Garcia, Maria",
        "seen by Ms. Rosalind Achebe today|Ms. Rosalind Achebe",
        "Patient Wei Zhang seen today|Wei Zhang",
        "seen by NP Kowalski on|NP Kowalski",
        "pt named lakisha brown, dob|lakisha brown",
        "Name: MARIA GARCIA LOPEZ. Admitted|MARIA GARCIA LOPEZ",
        "Patient: DOE, JOHN Q. Room 4|DOE, JOHN Q.",
        "pt: h. nguyen, 88 y/o|h. nguyen",
        "chart for Anthony 'Tony' Russo, MRN|Anthony 'Tony' Russo",
        "the mother (Linda) called|Linda"})
    void findsNamesByDictionaryShapeAndCue(String text, String expected) {
        assertEquals(List.of(expected), Found.values(names, text));
    }

    @ParameterizedTest(name = "\"{0}\" names nobody")
    @CsvSource(delimiter = '|', value = {
        "Foley catheter placed",
        "history of Parkinson's and Bell's palsy",
        "Crohn disease and Hodgkin lymphoma",
        "Alzheimer's dementia, Cushing syndrome, Addison's disease",
        "Graves disease and Down syndrome",
        "Wilson's disease with a positive Babinski sign and Murphy's sign",
        "diagnosed with Lou Gehrig’s disease",
        "seen May 3 for follow up",
        "Will the patient need insulin?",
        "a high Framingham Risk Score and positive Chaddock reflex",
        "Wells criteria and Gleason score of 7",
        "started Lantus and Plavix, on Vitamin D.",
        "African American male with Type 2 diabetes",
        "switched from Lyrica to Allegra and Norco",
        "patient on Allegra daily"})
    void leavesEponymsMonthsAndDrugsAlone(String text) {
        List<String> found = Found.values(names, text);
        assertTrue(found.isEmpty(), () -> "found " + found);
    }
}
