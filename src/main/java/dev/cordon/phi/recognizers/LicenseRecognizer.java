package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Certificate and license numbers: labeled ones, NPIs (Luhn with the 80840 prefix) and DEA
 * registrations (DEA check digit). Unlabeled values that fail their checksum are dropped.
 * Immutable and thread-safe.
 */
final class LicenseRecognizer extends LabeledIdRecognizer {

    LicenseRecognizer() {
        super("license", PhiType.CERTIFICATE_LICENSE_NUMBER,
                "license|licence|lic|certificate|cert|certification|npi|dea|registration|permit|credential|"
                        + "board cert|state license|medical license|driver'?s license|dl",
                List.of(NamedPattern.of("npi", "(?<![\\w-])[12]\\d{9}(?![\\w-])", 0.35, Starts.digits(10, 10, null)),
                        NamedPattern.of("dea", "\\b[A-Za-z][A-Za-z9]\\d{7}\\b", 0.35, Starts.upperWord())),
                Set.of("npi", "dea", "license", "licence", "certificate", "registration", "prescriber", "lic"));
    }

    @Override
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        String value = text.subSequence(start, end).toString();
        return switch (pattern.name()) {
            case "npi" -> Checksums.npi(value) ? 0.45 : 0.0;
            case "dea" -> Checksums.dea(value) ? 0.6 : 0.0;
            default -> score;
        };
    }
}
