package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Street addresses ("123 Maple St., Springfield, IL 62704"), named streets ("Elm Street"),
 * PO boxes, "City, ST" / "City, State" pairs and ZIP codes (which need a state or a cue word).
 * A state on its own is not PHI under Safe Harbor and is never matched alone.
 * Immutable and thread-safe.
 */
final class AddressRecognizer extends PatternRecognizer {

    static final String STATE_ABBR = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
            + "|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)";
    static final String STATE_NAME = "(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
            + "|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan"
            + "|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York"
            + "|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota"
            + "|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way"
            + "|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Alley|Plaza|Loop|Pike)";
    private static final String CAP_WORD = "(?:[A-Z][A-Za-z'’-]{0,30}+|\\d{1,3}(?:st|nd|rd|th))";
    private static final String CITY = "[A-Z][a-z]{1,20}+(?:\\s[A-Z][a-z]{1,20}+){0,2}+";
    private static final String TAIL = "(?:,?\\s(?:Apt|Apartment|Suite|Ste|Unit|#)\\.?\\s?#?[A-Za-z0-9-]{1,6}+)?"
            + "(?:,\\s" + CITY + ")?(?:,?\\s(?:" + STATE_ABBR + "|" + STATE_NAME + ")\\b)?(?:\\s\\d{5}(?:-\\d{4})?(?!\\d))?";

    AddressRecognizer() {
        super("address", PhiType.GEOGRAPHIC_LOCATION, List.of(
                NamedPattern.of("street-address", "\\b\\d{1,6}[A-Za-z]?\\s(?:[NSEW]\\.?\\s)?(?:" + CAP_WORD + "\\s){1,4}?"
                        + SUFFIX + "\\b\\.?" + TAIL, 0.9, Starts.digits(1, 6, null)),
                NamedPattern.of("named-street", "\\b(?:" + CAP_WORD + "\\s){1,2}?(?:Street|Avenue|Boulevard|Road|Lane|Drive"
                        + "|Parkway|Highway)\\b" + TAIL, 0.6, Starts.upperWordsBefore("street avenue boulevard road lane drive parkway highway", 2)),
                NamedPattern.of("county", "\\b[A-Z][a-z]{1,20}+(?:\\s[A-Z][a-z]{1,20}+)?\\s(?:County|Parish|Township|Borough)\\b",
                        0.8, Starts.upperWordsBefore("county parish township borough", 2)),
                NamedPattern.of("po-box", "(?i)\\bP\\.?\\s?O\\.?\\s?Box\\s\\d{1,8}+", 0.85, Starts.words("p po")),
                NamedPattern.of("city-state", "\\b" + CITY + ",\\s" + STATE_ABBR + "\\b(?:\\s\\d{5}(?:-\\d{4})?(?!\\d))?", 0.7, Starts.upperWord()),
                NamedPattern.of("city-state-name", "\\b" + CITY + ",\\s" + STATE_NAME + "\\b", 0.65, Starts.upperWord()),
                NamedPattern.of("zip-after-state", "(?<=\\b" + STATE_ABBR + "\\s)\\d{5}(?:-\\d{4})?(?!\\d)", 0.8, Starts.digits(5, 5, null)),
                NamedPattern.of("zip", "(?<![\\w.,/-])\\d{5}(?:-\\d{4})?(?![\\w.,/%-])", 0.25, Starts.digits(5, 5, null))),
                Set.of("zip", "zipcode", "postal", "address", "lives", "resides", "located", "area"));
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        String name = pattern.name();
        if (name.equals("city-state") || name.equals("city-state-name")) {
            return Vocabulary.COMMON.contains(text, start, wordEnd(text, start)) || credential(text, end);
        }
        return false;
    }

    /** "Evelyn Marsh, MD" / ", PA": credentials, not Maryland or Pennsylvania, unless a ZIP follows. */
    private static boolean credential(CharSequence text, int end) {
        return end >= 2 && ((text.charAt(end - 2) == 'M' && text.charAt(end - 1) == 'D')
                || (text.charAt(end - 2) == 'P' && text.charAt(end - 1) == 'A'));
    }

    private static int wordEnd(CharSequence text, int start) {
        int e = start;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e;
    }
}
