package dev.cordon.phi.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumsTest {

    @ParameterizedTest(name = "Luhn of {0} is {1}")
    @CsvSource({"4111111111111111,true", "4111111111111112,false", "79927398713,true", "79927398710,false", "'',false"})
    void luhnAcceptsOnlyNumbersWhoseCheckDigitMatches(String digits, boolean valid) {
        assertEquals(valid, Checksums.luhn(digits));
    }

    @ParameterizedTest(name = "NPI {0} is valid: {1}")
    @CsvSource({"1234567893,true", "1234567890,false", "1245319599,true", "3234567893,false", "123456789,false"})
    void npiUsesLuhnWithThe80840Prefix(String npi, boolean valid) {
        assertEquals(valid, Checksums.npi(npi));
    }

    @ParameterizedTest(name = "DEA {0} is valid: {1}")
    @CsvSource({"AB1234563,true", "AB1234564,false", "BJ6125341,true", "A91234563,true", "1B1234563,false", "AB123456,false"})
    void deaCheckDigitIsOddSumPlusTwiceEvenSum(String dea, boolean valid) {
        assertEquals(valid, Checksums.dea(dea));
    }

    @ParameterizedTest(name = "SSN {0} plausible: {1}")
    @CsvSource({"123456789,true", "000456789,false", "666456789,false", "912456789,false", "123006789,false",
        "123450000,false", "078051120,true"})
    void ssnRejectsImpossibleAreaGroupAndSerial(String ssn, boolean valid) {
        assertEquals(valid, Checksums.plausibleSsn(ssn));
    }

    @ParameterizedTest(name = "MBI {0} valid: {1}")
    @CsvSource({"1EG4-TE5-MK73,true", "1EG4TE5MK73,true", "0EG4TE5MK73,false", "1SG4TE5MK73,false",
        "1EG4TE5MK7,false", "1EG4TE5MKB3,false", "11G4TE5MK73,false"})
    void mbiFollowsTheCmsPositionRules(String mbi, boolean valid) {
        assertEquals(valid, Checksums.mbi(mbi));
    }

    @ParameterizedTest(name = "VIN {0} valid: {1}")
    @CsvSource({"1HGCM82633A004352,true", "1HGCM82634A004352,false", "11111111111111111,true",
        "1M8GDM9AXKP042788,true", "1HGCM82633A00435,false", "1HGCM8263IA004352,false"})
    void vinCheckDigitIsPositionNine(String vin, boolean valid) {
        assertEquals(valid, Checksums.vin(vin));
    }
}
