package dev.cordon.phi.recognizers;

/**
 * Finds facility-shaped word runs for {@link FacilityRecognizer}. A match is packed in a long
 * (first word, last word, score) like {@link NameShapes}. Not thread-safe; one per call.
 */
final class FacilityRuns {

    static final long NONE = -1L;
    private static final int MAX_RUN = 7;

    /** Head words that make a run a facility when any word precedes them. */
    private static final CharTable STRONG = table("hospital hospitals hosp clinic clinics infirmary hospice sanatorium "
            + "healthcare healthcenter nursing rehab sanitarium polyclinic");
    /** Head words that need a distinctive (non-generic) word before them. */
    private static final CharTable WEAK = table("medical med center centre ctr health general gen memorial institute "
            + "presbyterian methodist baptist va er office practice pavilion campus medicine");
    /** A run containing one of these is a publication or organisation, not a place of care. */
    private static final CharTable ORGANISATION = table("journal society association college academy board "
            + "guideline guidelines foundation task force organization organisation");
    /** Lower-case heads that may follow a capitalised place ("Dallas clinic"). */
    private static final CharTable LOWER_HEADS = table("clinic hospital hosp facility office practice center er ed");
    /** Words that do not make a run distinctive: specialties, generic adjectives, organisations. */
    private static final CharTable GENERIC = table("mental public behavioral behavioural global women's men's womens oral "
            + "occupational digital population home allied reproductive sexual environmental internal family emergency "
            + "nuclear sports sleep critical primary preventive preventative national american world international "
            + "federal european canadian british joint the our your his her a an this that cardiology oncology neurology "
            + "dermatology pediatrics pediatric paediatric orthopedics orthopedic urology nephrology rheumatology "
            + "endocrinology gastroenterology gi pulmonary pulmonology psychiatry psychiatric surgery surgical radiology "
            + "hematology infectious ob gyn obgyn ent eye dental wound pain memory fertility dialysis urgent walk "
            + "outpatient inpatient specialty physical speech anticoagulation coumadin lipid heart cancer transplant "
            + "trauma stroke vascular vein breast spine bariatric weight travel vaccine flu covid student employee free "
            + "surgeon attorney inspector secretary diabetes hiv std tb "
            + "sexual addiction methadone suboxone infusion imaging lab laboratory sleep research veterans affairs "
            + "department dept icu nicu picu ccu micu sicu ward unit floor");
    /** Generic words that still do not distinguish a run headed by a weak head ("Medical Center"). */
    private static final CharTable WEAK_GENERIC = table("medical med center centre ctr health general gen memorial "
            + "university hospital clinic medicine");
    private static final CharTable SAINTS = table("st saint mt mount ft fort");
    private static final CharTable ABBREVIATIONS = table("st mt ft med hosp univ ctr gen dept");
    private static final CharTable RESIDENCE = table("lives living resides residing resident native moved relocated "
            + "hometown born visiting");

    private final WordTokens w;

    FacilityRuns(WordTokens w) {
        this.w = w;
    }

    static int firstWord(long m) {
        return (int) (m & 0x1FFFFF);
    }

    static int lastWord(long m) {
        return (int) ((m >>> 21) & 0x1FFFFF);
    }

    static double score(long m) {
        return (m >>> 42) / 1000.0;
    }

    private static long pack(int first, int last, double score) {
        return ((long) Math.round(score * 1000) << 42) | ((long) last << 21) | first;
    }

    long match(int i) {
        if (!upper(i)) {
            return NONE;
        }
        int last = runEnd(i);
        long facility = headedRun(i, last);
        if (facility != NONE) {
            return facility;
        }
        if (Vocabulary.in(SAINTS, w, i) && last > i && !wortFollows(i + 1)) {
            return pack(i, Math.max(i + 1, Math.min(last, i + 2)), 0.8);
        }
        if (residenceCue(i) && !Vocabulary.in(Vocabulary.COMMON, w, i) && !termWithin(i, last)) {
            return pack(i, Math.min(last, i + 2), 0.7);
        }
        return NONE;
    }

    /** The last word of the capitalised run starting at i (joined by spaces, "of", "and", "&", "St."). */
    private int runEnd(int i) {
        int last = i;
        while (last - i < MAX_RUN && last + 1 < w.size() && joined(last)) {
            int k = last + 1;
            if (upper(k)) {
                last = k;
            } else if (connector(k) && k + 1 < w.size() && w.spaced(k) && upper(k + 1)) {
                last = k + 1;
            } else {
                break;
            }
        }
        return last;
    }

    private boolean joined(int j) {
        if (w.spaced(j) || w.gapIs(j, " &")) {
            return true;
        }
        return w.gapIs(j, ".") && Vocabulary.in(ABBREVIATIONS, w, j);
    }

    private long headedRun(int i, int last) {
        boolean named = false;
        boolean distinctive = false;
        for (int k = i; k <= last; k++) {
            boolean strong = Vocabulary.in(STRONG, w, k) || careCompound(k) || hyphenHead(k);
            if ((strong && (named || (k == i && careCompound(k)))) || (Vocabulary.in(WEAK, w, k) && distinctive)) {
                int end = lowerHeadTail(last);
                return firstIsOrganisation(i) || containsOrganisation(i, last) ? NONE : pack(i, end, 0.85);
            }
            boolean plain = !Vocabulary.in(GENERIC, w, k) && !connector(k) && !Vocabulary.in(Vocabulary.TERM_NOUNS, w, k);
            named |= plain;
            distinctive |= plain && !Vocabulary.in(WEAK_GENERIC, w, k);
        }
        if (distinctive && last + 1 < w.size() && w.spaced(last) && Vocabulary.in(LOWER_HEADS, w, last + 1)
                && !Vocabulary.in(Vocabulary.COMMON, w, i) && !Vocabulary.in(GENERIC, w, last)) {
            return pack(i, last + 1, 0.75);
        }
        return NONE;
    }

    private int lowerHeadTail(int last) {
        return last + 1 < w.size() && w.spaced(last) && w.lower(last + 1) && Vocabulary.in(LOWER_HEADS, w, last + 1)
                ? last + 1 : last;
    }

    /** "BronxCare", "ChristianaCare". */
    private boolean careCompound(int k) {
        int e = w.end(k);
        return w.length(k) > 5 && TextScan.regionMatches(w.text, e - 4, "care") && w.text.charAt(e - 4) == 'C';
    }

    /** "NewYork-Presbyterian": the last hyphen part is a head word. */
    private boolean hyphenHead(int k) {
        for (int c = w.end(k) - 1; c > w.start(k); c--) {
            if (w.text.charAt(c) == '-') {
                return STRONG.contains(w.text, c + 1, w.end(k)) || WEAK.contains(w.text, c + 1, w.end(k));
            }
        }
        return false;
    }

    private boolean firstIsOrganisation(int i) {
        return Vocabulary.in(GENERIC, w, i) && !Vocabulary.in(STRONG, w, i) && w.capitalized(i)
                && (isWord(i, "national") || isWord(i, "american") || isWord(i, "world") || isWord(i, "international")
                || isWord(i, "federal") || isWord(i, "european") || isWord(i, "canadian") || isWord(i, "british")
                || isWord(i, "joint"));
    }

    private boolean containsOrganisation(int i, int last) {
        for (int k = i; k <= last; k++) {
            if (Vocabulary.in(ORGANISATION, w, k)) {
                return true;
            }
        }
        return false;
    }

    private boolean residenceCue(int i) {
        for (int back = 1; back <= 2 && i - back >= 0; back++) {
            if (Vocabulary.in(RESIDENCE, w, i - back)) {
                return true;
            }
        }
        return false;
    }

    private boolean termWithin(int i, int last) {
        for (int k = i; k <= Math.min(w.size() - 1, last + 1); k++) {
            if (Vocabulary.in(Vocabulary.TERM_NOUNS, w, k)) {
                return true;
            }
        }
        return false;
    }

    private boolean wortFollows(int k) {
        return k + 1 < w.size() && isWord(k + 1, "wort");
    }

    private boolean upper(int j) {
        return j < w.size() && Character.isUpperCase(w.text.charAt(w.start(j)));
    }

    private boolean connector(int j) {
        return isWord(j, "of") || isWord(j, "and") || isWord(j, "the");
    }

    private boolean isWord(int i, String word) {
        return i < w.size() && w.length(i) == word.length() && TextScan.regionMatches(w.text, w.start(i), word);
    }

    private static CharTable table(String words) {
        String[] parts = words.trim().split("\\s+");
        CharTable t = new CharTable(parts.length);
        for (String p : parts) {
            t.put(p, 1);
        }
        return t;
    }
}
