package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * References to biometric identifiers with a value ("fingerprint ID FP-88231", "retinal scan
 * #RS-7781", "voiceprint 55012"). The mere word "fingerprint" identifies no one and is not flagged.
 */
final class BiometricRecognizer extends LabeledIdRecognizer {

    BiometricRecognizer() {
        super("biometric", PhiType.BIOMETRIC_IDENTIFIER,
                "fingerprint|finger print|retinal scan|retina scan|retinal|iris scan|iris|voiceprint|voice print|"
                        + "faceprint|face print|facial recognition|facial geometry|palm print|palmprint|biometric|"
                        + "dna profile|gait signature",
                List.of(), Set.of("biometric", "fingerprint", "retinal", "iris", "voiceprint"));
    }
}
