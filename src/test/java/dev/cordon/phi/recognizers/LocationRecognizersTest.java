package dev.cordon.phi.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationRecognizersTest {

    private final FacilityRecognizer facilities = new FacilityRecognizer();
    private final GazetteerRecognizer gazetteer = new GazetteerRecognizer();

    @ParameterizedTest(name = "\"{0}\" has the facility \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "operated at St. Vincent's on|St. Vincent's",
        "seen at Mt. Sinai on|Mt. Sinai",
        "admitted to Riverbend General Hospital on|Riverbend General Hospital",
        "treated at Oakridge Clinic for|Oakridge Clinic",
        "transferred to Pinecrest Nursing Home, then|Pinecrest Nursing Home",
        "seen at Lakeshore Medical Center in|Lakeshore Medical Center",
        "f/u at Fairhaven Med. Center in|Fairhaven Med. Center",
        "seen at Maplewood Medical on|Maplewood Medical",
        "from our Tucson clinic last|Tucson clinic",
        "lives in Smallville now|Smallville",
        "discharged to Sunrise Assisted Living in|Sunrise Assisted Living"})
    void findsFacilitiesByShape(String text, String expected) {
        assertEquals(List.of(expected), Found.values(facilities, text));
    }

    @ParameterizedTest(name = "\"{0}\" has no facility")
    @CsvSource(delimiter = '|', value = {
        "referred to the Cardiology Clinic",
        "per National Cancer Institute guidance",
        "Hospital Course: uneventful",
        "took St. John's wort daily",
        "seen in the Emergency Department",
        "Home Health visit and Senior Living options"})
    void ignoresSpecialtiesOrganisationsAndHerbs(String text) {
        List<String> found = Found.values(facilities, text);
        assertTrue(found.isEmpty(), () -> "found " + found);
    }

    @ParameterizedTest(name = "\"{0}\" has the place \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "moved from Chicago last|Chicago",
        "seen at Cleveland Clinic on|Cleveland Clinic",
        "imaging at UCSF then|UCSF",
        "lives in San Francisco with|San Francisco",
        "admitted to Good Samaritan yesterday|Good Samaritan"})
    void findsListedCitiesAndHealthSystems(String text, String expected) {
        List<String> found = Found.values(gazetteer, text);
        assertTrue(found.contains(expected), () -> "found " + found);
    }

    @ParameterizedTest(name = "\"{0}\" has no place")
    @CsvSource(delimiter = '|', value = {
        "a Duke criteria assessment",
        "Framingham risk score of 20%",
        "Jackson-Pratt drain output",
        "Texas and Ohio residents"})
    void treatsPlaceNamesBeforeMedicalNounsAsTerms(String text) {
        assertEquals(List.of(), Found.values(gazetteer, text));
    }
}
