package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every date element more specific than a year: "May 30th, 2022", "Feb 21", "12th April 2022",
 * "July 2021", "4/3/2023", "3/4", "2023-04-12", "Jan 20th '23", "on the 5th", "last July", and
 * ranges such as "May 3-5". A year alone ("in 2019"), times ("14:30", "0600") and fractions or
 * blood pressures ("1/2 tab", "120/80") are not matched. Immutable and thread-safe.
 */
final class DateRecognizer extends PatternRecognizer {

    static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Starts MONTH_STARTS = Starts.words("jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december");
    private static final String MONTH_FULL = "(?:January|February|March|April|May|June|July|August|September"
            + "|Sept|October|November|December)";
    private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s{0,2}(?:19|20)\\d{2}(?!\\d)|\\s?['’]\\d{2}(?!\\d))";
    private static final String RANGE = "(?:\\s?[-–]\\s?" + DAY + "(?![\\d/]))?";
    private static final String M = "(?:0?[1-9]|1[0-2])";
    private static final String D = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final String[] NOT_A_DATE_AFTER = {"of", "tab", "tabs", "tablet", "tablets", "cup", "cups", "dose",
        "doses", "strength", "ns", "normal", "pills", "pill", "caps", "capsule", "ml", "mg", "units", "inch", "in", "pain", "murmur", "power", "strength", "motor", "dilution"};

    /** Words before "n/m" that make it a measurement, not a date. */
    private static final Set<String> MEASURES = Set.of("bp", "gcs", "ratio", "score", "strength", "power", "grade",
            "murmur", "vision", "va", "motor", "pain", "fio2", "apgar", "nihss", "ages", "age", "aged", "between",
            "range", "from", "stage", "level", "levels", "x", "q", "every", "sizes", "size", "dilated", "reflexes", "pupils", "pupil");

    DateRecognizer() {
        super("date", PhiType.DATE, List.of(
                NamedPattern.of("month-day", "(?i)\\b" + MONTH + "\\.?\\s{0,2}" + DAY + "(?![\\d:])" + RANGE + YEAR + "?", 0.85, MONTH_STARTS),
                NamedPattern.of("day-month", "(?i)\\b(?:the\\s)?" + DAY + "[\\s-](?:of\\s)?" + MONTH + "\\b\\.?"
                        + "(?:" + YEAR + "|-(?:19|20)?\\d{2}(?!\\d))?", 0.8, Starts.digitOrWords("the").withDigits(1, 2, null, "")),
                NamedPattern.of("month-year", "(?i)\\b" + MONTH + "\\.?,?\\s(?:of\\s)?(?:19|20)\\d{2}(?!\\d)", 0.75, MONTH_STARTS),
                NamedPattern.of("numeric", "(?<![\\d/.-])" + M + "([/.-])" + D + "\\1(?:19|20)?\\d{2}(?![\\d/-])", 0.85, Starts.digits(1, 2, "/.-")),
                NamedPattern.of("month-year-numeric", "(?<![\\d/.-])" + M + "/(?:19|20)\\d{2}(?![\\d/-])", 0.6, Starts.digits(1, 2, "/")),
                NamedPattern.of("ymd-slash", "(?<![\\d/.-])(?:19|20)\\d{2}/(?:0?[1-9]|1[0-2])/" + D + "(?![\\d/-])", 0.85, Starts.digits(4, 4, "/")),
                NamedPattern.of("iso", "(?<![\\d/.-])(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?![\\d-])", 0.85, Starts.digits(4, 4, "-")),
                NamedPattern.of("month-slash-day", "(?<![\\d/.,-])" + M + "/" + D + "(?![\\d/%]|[.,]\\d|\\s?mm)", 0.55, Starts.digits(1, 2, "/")),
                NamedPattern.of("month-dash-day", "(?<![\\d/.,-])(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?![\\d/.,%-])", 0.3, Starts.digits(2, 2, "-")),
                NamedPattern.of("weekday", "\\b(?:[Ll]ast|[Tt]his past|[Tt]his coming|[Nn]ext|[Oo]n|[Tt]his)\\s"
                        + "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b", 0.65, Starts.words("last this next on")),
                NamedPattern.of("weekday-day", "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s"
                        + "(?:the\\s)?(?:3[01]|[12]?\\d)(?:st|nd|rd|th)\\b", 0.8,
                        Starts.words("monday tuesday wednesday thursday friday saturday sunday")),
                NamedPattern.of("on-the-nth", "(?i)\\b(?:on|since|until|by) the (?:3[01]|[12]?\\d)(?:st|nd|rd|th)\\b", 0.7, Starts.words("on since until by")),
                NamedPattern.of("relative-month", "\\b(?:[Ii]n|[Ll]ast|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id|[Dd]uring|[Uu]ntil"
                        + "|[Tt]his|[Nn]ext|[Pp]ast|[Bb]y|[Bb]efore|[Aa]fter)[ -](?:-?\\s?)" + MONTH_FULL + "\\b(?!\\s?\\d)", 0.65, Starts.words("in last since early late mid during until this next past by before after"))),
                Set.of("dob", "born", "birth", "birthday", "date", "admitted", "discharged", "seen", "on", "since",
                        "visit", "dos", "doa", "dod", "died", "surgery"));
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        String name = pattern.name();
        if (name.equals("month-slash-day") || name.equals("month-dash-day")) {
            String next = TextScan.nextWord(text, end);
            for (String w : NOT_A_DATE_AFTER) {
                if (w.equals(next)) {
                    return true;
                }
            }
            return precededByVitalSign(text, start);
        }
        if (name.equals("month-day") || name.equals("day-month") || name.equals("month-year")) {
            return lowerCaseAbbreviation(text, start, end);
        }
        return false;
    }

    /**
     * "may 2 weeks", "dec 2 units", "mar 5": a lower-case "may" or lower-case month abbreviation is
     * far more often a verb or an abbreviation than a month; capitalised forms and full lower-case
     * month names still count.
     */
    private static boolean lowerCaseAbbreviation(CharSequence text, int start, int end) {
        int i = start;
        while (i < end) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < end && Character.isLetter(text.charAt(j))) {
                j++;
            }
            String w = text.subSequence(i, j).toString();
            if (!w.equals("the") && !w.equals("of") && !w.matches("(?i)st|nd|rd|th")) {
                boolean lower = Character.isLowerCase(w.charAt(0));
                return lower && (w.length() <= 4 || w.equals("may") || w.equals("sept"));
            }
            i = j;
        }
        return false;
    }

    /** "BP 9/6", "GCS 3/15"-like ratios are measurements. */
    private static boolean precededByVitalSign(CharSequence text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        int j = i;
        while (j >= 0 && Character.isLetter(text.charAt(j))) {
            j--;
        }
        String w = text.subSequence(j + 1, i + 1).toString().toLowerCase(Locale.ROOT);
        return MEASURES.contains(w);
    }
}
