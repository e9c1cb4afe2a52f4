package dev.cordon.phi.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.phi.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Surnames missing from the 1990 Census list are still caught after a well-attested given name. */
class UnlistedSurnameTest {

    private final NameRecognizer recognizer = new NameRecognizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Pt Margaret Okonkwo, MRN pending.|Margaret Okonkwo",
        "Discussed with Susan Nakamura-Reyes at bedside.|Susan Nakamura-Reyes",
        "Son David Adeyemi will drive her home.|David Adeyemi",
        "Referred by Thomas O'Callaghan last week.|Thomas O'Callaghan",
        "Daughter Emily McAllister is the proxy.|Emily McAllister"})
    void aKnownGivenNameTakesTheUnlistedSurnameAfterIt(String text, String name) {
        List<Finding> found = recognizer.recognize(text);

        assertThat(found).anySatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Started on Lasix 40 mg daily.|Lasix",
        "Patient has Parkinson disease with tremor.|Parkinson",
        "Margaret reports syndrome improved.|syndrome",
        "Rocky Mountain spotted fever suspected after a tick bite.|Mountain",
        "Transferred from Grace Memorial yesterday.|Memorial"})
    void clinicalWordsAfterNamesAreNotTakenAsSurnames(String text, String notName) {
        List<Finding> found = recognizer.recognize(text);

        assertThat(found).noneSatisfy(f -> assertThat(text.substring(f.start(), f.end())).contains(notName));
    }
}
