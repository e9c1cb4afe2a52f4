package dev.cordon.phi.recognizers;

/**
 * Builds the regex for "LABEL [filler] [:#] VALUE" phrasings ("MRN: CC-998877", "insurance ID is
 * ZX-9876", "Acct#: GRM-1234", "ins. #789-1234-567"). Group 1 is the value: one run of letters,
 * digits and inner dashes. Every quantifier is bounded or possessive, so matching stays linear.
 * Stateless.
 */
final class LabeledIds {

    /** Words that may sit between a label and its value ("policy number", "member ID"). */
    private static final String FILLER = "(?:number|num|nbr|no|#|id|ids|identifier|code|plan|policy|card|"
            + "record|rec|registration|reg|account|acct|is|was|of|on|file|for|patient|pt)";

    /** A value: optional '#', must contain a digit within its first characters. */
    private static final String VALUE = "(#?+(?=[A-Za-z-]{0,12}+[0-9])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){2,29}+)";

    private LabeledIds() {
    }

    /** Case-insensitive label alternatives, e.g. {@code "mrn|medical record"}. */
    static String after(String labels) {
        return "(?i:\\b(?:" + labels + "))(?![A-Za-z])"
                + "(?:['’]s)?(?:[\\s.:#]{0,4}+(?i:" + FILLER + ")\\b){0,3}"
                + "[\\s.]{0,3}+(?:[:#=]{1,3}+\\s{0,3}+)?(?:(?i:is|of)\\s{1,3}+)?" + VALUE;
    }

    /** Rejects values that are clearly not identifiers: fewer than three digits, or a bare year. */
    static boolean implausible(CharSequence text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits < 3) {
            return true;
        }
        int len = end - start;
        if (len == 4 && digits == 4) {
            char c0 = text.charAt(start);
            char c1 = text.charAt(start + 1);
            return (c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0');
        }
        return false;
    }
}
