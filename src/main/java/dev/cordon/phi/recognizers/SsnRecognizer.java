package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Social Security numbers: labeled ones ("SSN: ...") are trusted; unlabeled 3-2-4 numbers must
 * pass the SSA area/group/serial rules. Immutable and thread-safe.
 */
final class SsnRecognizer extends LabeledIdRecognizer {

    SsnRecognizer() {
        super("ssn", PhiType.SOCIAL_SECURITY_NUMBER, "ssn|ss#|ss|social security|social sec|soc sec|ssa", List.of(
                NamedPattern.of("dashed", "(?<![\\w-])\\d{3}-\\d{2}-\\d{4}(?![\\w-])", 0.6, Starts.digits(3, 3, "-")),
                NamedPattern.of("spaced", "(?<![\\w-])\\d{3} \\d{2} \\d{4}(?![\\w-])", 0.45, Starts.digits(3, 3, " "))),
                Set.of("ssn", "social", "security", "ss", "ssa"));
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        if (pattern.name().equals("labeled")) {
            return super.invalidate(text, start, end, pattern);
        }
        return !Checksums.plausibleSsn(Checksums.digitsOnly(text.subSequence(start, end)));
    }
}
