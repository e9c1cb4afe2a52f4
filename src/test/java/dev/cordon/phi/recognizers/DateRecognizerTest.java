package dev.cordon.phi.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRecognizerTest {

    private final DateRecognizer dates = new DateRecognizer();

    @ParameterizedTest(name = "\"{0}\" contains the date \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "operated on May 30th, 2022 (ID|May 30th, 2022",
        "seen Feb 21, 2023. looking|Feb 21, 2023",
        "seen Feb 21 for f/u|Feb 21",
        "on 12th April 2022. MRN|12th April 2022",
        "stroke in July 2021 and|July 2021",
        "seen 4/3/2023, dx'd|4/3/2023",
        "seen on 08/22, with MRN|08/22",
        "started 3/4 at home|3/4",
        "admitted 08-15-2023 with|08-15-2023",
        "on Jan 20th '23 (MRN|Jan 20th '23",
        "ISO 2023-04-12 entry|2023-04-12",
        "seen on the 5th for|on the 5th",
        "flare last July and|last July",
        "admitted May 3-5 for|May 3-5",
        "DOB: Sept 1st, 1950|Sept 1st, 1950",
        "came in last Friday with|last Friday",
        "admitted 15-Feb-2023 for|15-Feb-2023",
        "symptoms since 03/2023 and|03/2023",
        "scan 2023/04/12 showed|2023/04/12",
        "Follow-up on Tuesday the 14th|Tuesday the 14th"})
    void findsEveryDateElementMoreSpecificThanAYear(String text, String expected) {
        List<String> found = Found.values(dates, text);
        assertTrue(found.contains(expected), () -> "found " + found);
    }

    @ParameterizedTest(name = "\"{0}\" contains no date")
    @CsvSource(delimiter = '|', value = {
        "diagnosed in 2019",
        "BP 120/80 and BP 90-110/50",
        "take 1/2 tab daily",
        "meds at 0600 and 14:30",
        "strength 5/5 bilaterally",
        "pain 7/10 today",
        "patients may 2 weeks later",
        "dec 2 units of insulin",
        "Cr 2.1, HR 88, 100mcg",
        "last summer of 2022"})
    void ignoresYearsTimesRatiosAndModalVerbs(String text) {
        assertEquals(List.of(), Found.values(dates, text));
    }
}
