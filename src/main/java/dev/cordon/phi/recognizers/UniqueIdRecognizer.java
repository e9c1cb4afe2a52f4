package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Any other unique identifying number or code: labeled ("ID: 987654321", "case #JH-998877",
 * "ref. code EM-2554"), letter-prefixed codes ("QX-789012", "ABC234567"), and long digit runs that
 * need a cue word nearby. Values right after ICD/CPT/NDC/LOINC are clinical codes, not identifiers.
 * Immutable and thread-safe.
 */
final class UniqueIdRecognizer extends LabeledIdRecognizer {

    private static final String[] CODE_SYSTEMS = {"icd", "cpt", "hcpcs", "ndc", "loinc", "snomed", "drg", "rxnorm"};

    UniqueIdRecognizer() {
        super("unique-id", PhiType.UNIQUE_IDENTIFIER,
                "id|identifier|patient id|pt id|case|case no|ref|reference|claim|accession|encounter|visit id|"
                        + "confirmation|ticket|study id|subject id|barcode|wristband|csn|fin|empi|mpi|uid|uuid|"
                        + "authorization|auth|prior auth|referral|voucher|rx",
                List.of(NamedPattern.of("prefixed", "(?<![\\w-])#?[A-Z]{2,6}-\\d{4,12}+(?:-[A-Z0-9]{1,6})?(?![\\w-])", 0.55, Starts.upperAlnum().withDigits(Integer.MAX_VALUE, 0, null, "#")),
                        NamedPattern.of("glued", "(?<![\\w-])[A-Z]{2,4}\\d{5,12}+[A-Z]{0,3}(?![\\w-])", 0.5, Starts.upperWord()),
                        NamedPattern.of("suffixed", "(?<![\\w-])\\d{4,10}-[A-Z]{2,5}(?![\\w-])", 0.5, Starts.digits(4, 10, "-")),
                        NamedPattern.of("acronym-label", "\\b[A-Z]{2,5}#?:\\s{0,2}+((?=[A-Z0-9-]{0,12}+\\d)[A-Z0-9]{1,6}+"
                                + "-[A-Z0-9-]{2,20}+)(?![\\w/.])", 0.6, 1, Starts.upperWord()),
                        NamedPattern.of("digits", "(?<![\\w.,/-])\\d{6,12}+(?![\\w.,/%-])", 0.35, Starts.digits(6, 12, null)),
                        NamedPattern.of("grouped", "(?<![\\w.,/-])\\d{3,5}-\\d{2,4}(?:-\\d{3,5})?(?![\\w.,/%-])", 0.3, Starts.digits(3, 5, "-"))),
                Set.of("id", "mrn", "number", "record", "chart", "insurance", "policy", "member", "account",
                        "acct", "ref", "case", "identifier", "ssn", "patient", "pt", "dob"));
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        if (pattern.name().equals("labeled")) {
            return super.invalidate(text, start, end, pattern);
        }
        for (String system : CODE_SYSTEMS) {
            if (TextScan.wordBefore(text, start, 16, system)) {
                return true;
            }
        }
        boolean rangeShaped = pattern.name().equals("grouped") || pattern.name().equals("acronym-label");
        return rangeShaped && looksLikeRange(text, start, end);
    }

    /** "120-140" or "2019-2021" are ranges of values or years, not identifiers. */
    private static boolean looksLikeRange(CharSequence text, int start, int end) {
        int dashes = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return false;
            }
            dashes += c == '-' ? 1 : 0;
        }
        return dashes == 1 && end - start <= 9;
    }

    @Override
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        if (pattern.name().equals("prefixed") && isYearSuffix(text, end)) {
            return 0.0;
        }
        return score;
    }

    private static boolean isYearSuffix(CharSequence text, int end) {
        int dash = end - 5;
        return dash > 0 && text.charAt(dash) == '-' && (text.charAt(dash + 1) == '1' || text.charAt(dash + 1) == '2')
                && (text.charAt(dash + 2) == '9' || text.charAt(dash + 2) == '0');
    }
}
