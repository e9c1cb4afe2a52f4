package dev.cordon.phi.recognizers;

/**
 * Finds facility-shaped word runs for {@link FacilityRecognizer}. A match is packed in a long
 * (first word, last word, score) like {@link NameShapes}. Not thread-safe; one per call.
 */
final class FacilityRuns {

    static final long NONE = -1L;
    private static final int MAX_RUN = 7;

    private static final int STRONG = 1;
    private static final int WEAK = 1 << 1;
    private static final int LOWER_HEAD = 1 << 2;
    private static final int GENERIC = 1 << 3;
    private static final int WEAK_GENERIC = 1 << 4;
    private static final int SAINT = 1 << 5;
    private static final int ABBREVIATION = 1 << 6;
    private static final int RESIDENCE = 1 << 7;
    private static final int ORGANISATION = 1 << 8;
    private static final int TERM = 1 << 9;
    private static final int COMMON = 1 << 10;
    private static final int CONNECTOR = 1 << 11;
    private static final int NATIONAL = 1 << 12;
    private static final int WORT = 1 << 13;
    private static final int FUNCTION_WORD = 1 << 14;

    /** One lookup per word gives all its categories. */
    private static final CharTable LEXICON = lexicon();

    private final WordTokens w;
    private final int[] masks;

    FacilityRuns(WordTokens w) {
        this.w = w;
        this.masks = new int[w.size()];
        for (int i = 0; i < w.size(); i++) {
            int m = LEXICON.get(w.text, w.start(i), w.coreEnd(i), w.coreHash(i), 0);
            if (w.coreEnd(i) != w.end(i)) {
                m |= LEXICON.get(w.text, w.start(i), w.end(i), w.fullHash(i), 0);
            }
            masks[i] = m | (Vocabulary.in(Vocabulary.TERM_NOUNS, w, i) ? TERM : 0)
                    | (Vocabulary.in(Vocabulary.COMMON, w, i) ? COMMON : 0);
        }
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
        if (!upper(i) || is(i, FUNCTION_WORD)) {
            return NONE;
        }
        int last = runEnd(i);
        long facility = headedRun(i, last);
        if (facility != NONE) {
            return facility;
        }
        if (is(i, SAINT) && last > i && !(i + 2 < w.size() && is(i + 2, WORT)) && !termWithin(i, last)) {
            return pack(i, Math.max(i + 1, Math.min(last, i + 2)), 0.8);
        }
        if (residenceCue(i) && !is(i, COMMON) && !termWithin(i, last)) {
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
            } else if (is(k, CONNECTOR) && k + 1 < w.size() && w.spaced(k) && upper(k + 1)) {
                last = k + 1;
            } else {
                break;
            }
        }
        return last;
    }

    private boolean joined(int j) {
        return w.spaced(j) || w.gapIs(j, " &") || (is(j, ABBREVIATION) && w.gapIs(j, "."));
    }

    private long headedRun(int i, int last) {
        boolean named = false;
        boolean distinctive = false;
        for (int k = i; k <= last; k++) {
            boolean strong = is(k, STRONG) || careCompound(k) || hyphenHead(k);
            if ((strong && (named || (k == i && careCompound(k)))) || (is(k, WEAK) && distinctive)) {
                return organisation(i, last) ? NONE : pack(i, lowerHeadTail(last), 0.85);
            }
            boolean plain = !is(k, GENERIC) && !is(k, CONNECTOR) && !is(k, TERM);
            named |= plain;
            distinctive |= plain && !is(k, WEAK_GENERIC);
        }
        if (distinctive && last + 1 < w.size() && w.spaced(last) && is(last + 1, LOWER_HEAD)
                && !is(i, COMMON) && !is(last, GENERIC)) {
            return pack(i, last + 1, 0.75);
        }
        return NONE;
    }

    private int lowerHeadTail(int last) {
        return last + 1 < w.size() && w.spaced(last) && w.lower(last + 1) && is(last + 1, LOWER_HEAD) ? last + 1 : last;
    }

    /** "BronxCare", "ChristianaCare". */
    private boolean careCompound(int k) {
        int e = w.end(k);
        return w.length(k) > 5 && w.text.charAt(e - 4) == 'C' && TextScan.regionMatches(w.text, e - 4, "care");
    }

    /** "NewYork-Presbyterian": the last hyphen part is a head word. */
    private boolean hyphenHead(int k) {
        for (int c = w.end(k) - 1; c > w.start(k); c--) {
            if (w.text.charAt(c) == '-') {
                return (LEXICON.get(w.text, c + 1, w.end(k), 0) & (STRONG | WEAK)) != 0;
            }
        }
        return false;
    }

    /** National bodies and publications ("American Heart Association", "Journal of Medicine"). */
    private boolean organisation(int i, int last) {
        if (is(i, NATIONAL) && w.capitalized(i)) {
            return true;
        }
        for (int k = i; k <= last; k++) {
            if (is(k, ORGANISATION)) {
                return true;
            }
        }
        return false;
    }

    private boolean residenceCue(int i) {
        return (i >= 1 && is(i - 1, RESIDENCE)) || (i >= 2 && is(i - 2, RESIDENCE));
    }

    private boolean termWithin(int i, int last) {
        for (int k = i; k <= Math.min(w.size() - 1, last + 2); k++) {
            if (is(k, TERM)) {
                return true;
            }
        }
        return false;
    }

    private boolean is(int k, int category) {
        return (masks[k] & category) != 0;
    }

    private boolean upper(int j) {
        return j < w.size() && Character.isUpperCase(w.text.charAt(w.start(j)));
    }

    private static CharTable lexicon() {
        CharTable t = new CharTable(600);
        // Head words that make a run a facility when a name precedes them.
        add(t, STRONG, "hospital hospitals hosp clinic clinics infirmary hospice sanatorium "
            + "healthcare healthcenter nursing rehab sanitarium polyclinic");
        // Head words that need a distinctive word before them.
        add(t, WEAK, "medical med center centre ctr health general gen memorial institute "
            + "presbyterian methodist baptist va er office practice pavilion campus medicine living home manor "
            + "residence");
        // Lower-case heads that may follow a capitalised place ("Dallas clinic").
        add(t, LOWER_HEAD, "clinic hospital hosp facility office practice center er ed");
        // Specialties, generic adjectives and organisations: they do not name a place.
        add(t, GENERIC, "mental public behavioral behavioural global women's men's womens oral "
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
            + "department dept icu nicu picu ccu micu sicu ward unit floor failure disease diseases disorders "
            + "disorder syndrome kidney renal liver lung headache epilepsy movement foot vision hearing allergy "
            + "asthma copd obesity nutrition diabetic endocrine thyroid bone spine hand arthritis "
            + "hypertension lipids weight-loss wellness");
        // Generic words that do not distinguish a run headed by a weak head ("Medical Center").
        add(t, WEAK_GENERIC, "medical med center centre ctr health general gen memorial "
            + "university hospital clinic medicine assisted senior retirement living home");
        // Saints and mounts.
        add(t, SAINT, "st saint mt mount ft fort");
        // Abbreviations whose period does not end the run.
        add(t, ABBREVIATION, "st mt ft med hosp univ ctr gen dept");
        // Words after which a capitalised word is a place ("lives in Fresno").
        add(t, RESIDENCE, "lives living resides residing resident native moved relocated "
            + "hometown born visiting");
        // A run containing one of these is a publication or organisation.
        add(t, ORGANISATION, "journal society association college academy board "
            + "guideline guidelines foundation task force organization organisation proceedings review reports "
            + "letters bulletin quarterly");
        add(t, CONNECTOR, "of and the");
        add(t, NATIONAL, "national american world international federal european canadian british joint");
        add(t, WORT, "wort");
        // Sentence-initial function words are never the start of a facility name ("Is Mayo Clinic...").
        add(t, FUNCTION_WORD, "is are was were be do does did should can could would will may might must what how when "
                + "where why which who whom if for and or but with at in on to by from per our his her their this that "
                + "these those we i you a an please patient pt seen admitted transferred");
        return t;
    }

    private static void add(CharTable t, int category, String words) {
        for (String word : words.trim().split("\\s+")) {
            t.put(word, t.get(word, 0, word.length(), 0) | category);
        }
    }
}
