package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/** E-mail addresses. The top-level domain must be alphabetic. Immutable and thread-safe. */
final class EmailRecognizer extends PatternRecognizer {

    EmailRecognizer() {
        super("email", PhiType.EMAIL_ADDRESS, List.of(
                NamedPattern.of("address", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@"
                        + "[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,6}+", 0.9, Starts.of(Starts.Kind.AT))),
                Set.of("email", "e-mail", "mail", "contact"));
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.contains(text, '@');
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        int dot = -1;
        for (int i = end - 1; i > start; i--) {
            if (text.charAt(i) == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0 || end - dot - 1 < 2) {
            return true;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
