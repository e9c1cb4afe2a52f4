package dev.cordon.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PHI hidden behind look-alike or invisible characters is still found, and redacted as written. */
class LookAlikeCharactersTest {

    private final PhiAnalyzer analyzer = PhiEngines.defaultAnalyzer();
    private final Redactor redactor = new Redactor(analyzer);

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "SSN \uFF10\uFF17\uFF18-\uFF10\uFF15-\uFF11\uFF11\uFF12\uFF10 on file.|\uFF10\uFF17\uFF18-\uFF10\uFF15-\uFF11\uFF11\uFF12\uFF10|full-width digits",
        "Pt Mar\u200Bgaret Okon\u200Ckwo seen today.|Mar\u200Bgaret Okon\u200Ckwo|zero-width characters inside a name",
        "Call \uD835\uDFDE\uD835\uDFE3\uD835\uDFE9-\uD835\uDFDB\uD835\uDFDB\uD835\uDFDB-\uD835\uDFD8\uD835\uDFD9\uD835\uDFDA\uD835\uDFDB now.|\uD835\uDFDE\uD835\uDFE3\uD835\uDFE9-\uD835\uDFDB\uD835\uDFDB\uD835\uDFDB-\uD835\uDFD8\uD835\uDFD9\uD835\uDFDA\uD835\uDFDB|mathematical bold digits",
        "Email margaret\u00ADokonkwo@example.org today.|margaret\u00ADokonkwo@example.org|a soft hyphen inside an email"})
    void lookAlikeIdentifiersAreFoundAtTheirOriginalOffsets(String text, String hidden, String why) {
        List<Finding> found = analyzer.analyze(text);

        assertThat(found).anySatisfy(f -> assertThat(text.substring(f.start(), f.end())).contains(hidden));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "SSN \uFF10\uFF17\uFF18-\uFF10\uFF15-\uFF11\uFF11\uFF12\uFF10 on file.|\uFF10\uFF17\uFF18",
        "Pt Mar\u200Bgaret Okonkwo seen today.|Okonkwo"})
    void redactionRemovesTheOriginalLookAlikeCharacters(String text, String fragment) {
        Redaction redaction = redactor.redact(text, PhiPolicy.tokenizeAll(), new TokenVault());

        assertThat(redaction.text()).doesNotContain(fragment);
    }
}
