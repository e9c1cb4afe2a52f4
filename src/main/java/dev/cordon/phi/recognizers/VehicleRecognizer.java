package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Vehicle identifiers: VINs (check digit confirms; an unconfirmed 17-character code needs the cue
 * "VIN") and labeled licence plates. Immutable and thread-safe.
 */
final class VehicleRecognizer extends LabeledIdRecognizer {

    VehicleRecognizer() {
        super("vehicle", PhiType.VEHICLE_IDENTIFIER,
                "vin|vehicle identification|vehicle id|license plate|licence plate|plate|tag number|vehicle",
                List.of(NamedPattern.of("vin", "\\b[A-HJ-NPR-Z0-9]{17}\\b", 0.3, Starts.upperAlnum().withDigits(1, 17, null, ""))),
                Set.of("vin", "vehicle", "car", "truck", "plate"));
    }

    @Override
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        if (!pattern.name().equals("vin")) {
            return score;
        }
        String value = text.subSequence(start, end).toString();
        boolean letters = value.chars().anyMatch(Character::isLetter);
        boolean digits = value.chars().anyMatch(Character::isDigit);
        if (!letters || !digits) {
            return 0.0;
        }
        return Checksums.vin(value) ? 0.95 : score;
    }
}
