package dev.cordon.phi.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables for the identifier recognizers: positives, checksum near-misses and non-identifiers. */
class IdentifierRecognizersTest {

    private static void check(dev.cordon.phi.PhiRecognizer r, String text, String expected) {
        List<String> found = Found.values(r, text);
        if (expected.isEmpty()) {
            assertTrue(found.isEmpty(), () -> "expected nothing but found " + found);
        } else {
            assertTrue(found.contains(expected), () -> "expected " + expected + " in " + found);
        }
    }

    @ParameterizedTest(name = "email in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "PT's email is patel56@example.com.|patel56@example.com",
        "contact dr.brown@ny.presbyterian.org today|dr.brown@ny.presbyterian.org",
        "not an address: user@localhost|",
        "version 1.2@3.4|"})
    void emailRecognizerFindsAddressesWithAlphabeticDomains(String text, String expected) {
        check(new EmailRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "phone in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Phone: (617) 555-7890.|(617) 555-7890",
        "call 312-555-1234 after 5|312-555-1234",
        "cell +1 415.555.1234|+1 415.555.1234",
        "Pager 45678 overnight|45678",
        "BP 120/80, HR 88, 0600 meds|",
        "SSN 123-45-6789|"})
    void phoneRecognizerFindsFormattedNumbersOnly(String text, String expected) {
        check(new PhoneRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "fax in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Fax: 650-123-4567|650-123-4567",
        "fax records to 987-654-3210.|987-654-3210",
        "Phone: 650-123-4567|"})
    void faxRecognizerNeedsTheWordFaxBeforeTheNumber(String text, String expected) {
        check(new FaxRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "SSN in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "SSN: 987-65-4321|987-65-4321",
        "ss# 123 45 6789|123",
        "value 123-45-6789 noted|123-45-6789",
        "value 000-12-3456 noted|",
        "value 666-12-3456 noted|",
        "value 912-12-3456 noted|",
        "value 123-00-3456 noted|",
        "value 123-45-0000 noted|"})
    void ssnRecognizerTrustsLabelsAndChecksUnlabeledNumbers(String text, String expected) {
        List<String> found = Found.values(new SsnRecognizer(), text);
        if (expected == null) {
            assertTrue(found.isEmpty(), () -> "found " + found);
        } else {
            assertTrue(found.stream().anyMatch(v -> v.startsWith(expected)), () -> "found " + found);
        }
    }

    @ParameterizedTest(name = "MRN in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "(MRN: CC-998877)?|CC-998877",
        "med rec #99887766, w/ hx|99887766",
        "MedRec# CM-11223|CM-11223",
        "medical record 12345-JH needing|12345-JH",
        "MRN pending|",
        "chart reviewed 12|"})
    void medicalRecordRecognizerUsesTheLabel(String text, String expected) {
        check(new MedicalRecordRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "health plan id in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "insurance ID is ZX-987654|ZX-987654",
        "Medicare #AB-987654|AB-987654",
        "policy number: HP-987654|HP-987654",
        "MBI 1EG4-TE5-MK73 on file|1EG4-TE5-MK73",
        "code 1SG4-TE5-MK73 on file|",
        "age group 65-74|",
        "policy on file since 2019|"})
    void healthPlanRecognizerFindsLabeledNumbersAndValidMbis(String text, String expected) {
        check(new HealthPlanRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "account in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "(Acct#: GRM-998877)|GRM-998877",
        "card 4111 1111 1111 1111 on file|4111 1111 1111 1111",
        "number 4111 1111 1111 1112 on file|"})
    void accountRecognizerFindsLabelsAndLuhnValidCards(String text, String expected) {
        check(new AccountNumberRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "license in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "(License No: CLN-112233)?|CLN-112233",
        "DEA AB1234563|AB1234563",
        "prescriber BJ6125341 signed|BJ6125341",
        "prescriber BJ6125342 signed|",
        "NPI: 1234567893|1234567893"})
    void licenseRecognizerChecksDeaAndNpiDigits(String text, String expected) {
        check(new LicenseRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "vehicle id in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "car 1HGCM82633A004352 towed|1HGCM82633A004352",
        "license plate: 7ABC123|7ABC123",
        "code 1HGCM82634A004352 seen|"})
    void vehicleRecognizerConfirmsVinsByCheckDigit(String text, String expected) {
        check(new VehicleRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "device id in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "pacemaker serial no. PJN-884213|PJN-884213",
        "UDI (01)00844588003288(17)141120(10)7654321D|(01)00844588003288(17)141120(10)7654321D",
        "device was checked|"})
    void deviceRecognizerFindsSerialsAndUdis(String text, String expected) {
        check(new DeviceRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "biometric id in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "fingerprint ID FP-88231 on record|FP-88231",
        "retinal scan #RS-7781|RS-7781",
        "fingerprint collected|"})
    void biometricRecognizerNeedsAValueAfterTheReference(String text, String expected) {
        check(new BiometricRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "unique id in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "(ID: 987654321)?|987654321",
        "case #JH-998877|JH-998877",
        "ref. code: EM-2554.|EM-2554",
        "(Patient ID: ABCD1234)|ABCD1234",
        "insurance is QX-789012.|QX-789012",
        "ICD-10 E11.9 and CPT 99213|",
        "COVID-19 and HbA1c 7.2|",
        "range 120-140 and 2019-2021|"})
    void uniqueIdRecognizerFindsLabeledAndPrefixedCodesButNotClinicalCodes(String text, String expected) {
        check(new UniqueIdRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "IP in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "logged from 192.168.10.45 at|192.168.10.45",
        "host 2001:db8::8a2e:370:7334 up|2001:db8::8a2e:370:7334",
        "version 1.2.3.4.5|",
        "at 14:30:00 today|",
        "octet 256.1.1.1|"})
    void ipRecognizerValidatesOctetsAndIpv6Groups(String text, String expected) {
        check(new IpAddressRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "URL in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "see https://portal.example.org/p?id=7.|https://portal.example.org/p?id=7",
        "visit www.mychart-example.com today|www.mychart-example.com",
        "dose 5.5 mg|"})
    void urlRecognizerTrimsTrailingPunctuation(String text, String expected) {
        check(new UrlRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "age in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "a 92yo woman|92yo",
        "95-year-old male|95-year-old",
        "is 92 years of age|92 years of age",
        "aged 101, frail|aged 101",
        "70yo M w/ CHF|",
        "82-year-old man|",
        "89 years old|"})
    void ageRecognizerFlagsOnlyAgesOverEightyNine(String text, String expected) {
        check(new AgeRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "location in \"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "resides at 123 Maple St., Springfield, IL 62704 now|123 Maple St., Springfield, IL 62704",
        "seen on Elm Street, Denver|Elm Street, Denver",
        "moved to Atlanta, GA last|Atlanta, GA",
        "PO Box 1234|PO Box 1234",
        "resident of Harris County since|Harris County",
        "Resides at 45 W. 34th St., Apt. 12B, New York, NY 10001|45 W. 34th St., Apt. 12B, New York, NY 10001"})
    void addressRecognizerFindsStreetsCitiesWithStatesAndBoxes(String text, String expected) {
        check(new AddressRecognizer(), text, expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "no address in \"{0}\"")
    @CsvSource(delimiter = '|', value = {"lives in Texas", "dose 100 mg daily", "Cr 2.1, HR 88"})
    void addressRecognizerIgnoresStatesAndLabValues(String text) {
        assertEquals(List.of(), Found.values(new AddressRecognizer(), text));
    }
}
