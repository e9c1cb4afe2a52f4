package dev.cordon.phi.recognizers;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiRecognizer;
import dev.cordon.phi.PhiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base for regex recognizers (Presidio style): named patterns with base scores, optional
 * {@link #validate} (a checksum confirms and raises the score) and {@link #invalidate} (prunes
 * impossible values). Patterns are compiled once; every quantifier in them is bounded or
 * possessive, and input longer than {@link #MAX_INPUT} is refused so a caller cannot bypass the
 * analyzer's windowing. Subclasses are immutable and thread-safe.
 */
abstract class PatternRecognizer implements PhiRecognizer {

    /** The longest text one call may scan; the analyzer windows larger texts. */
    static final int MAX_INPUT = 16_384;

    /**
     * A compiled pattern; {@code group} selects the part of the match that is the value and
     * {@code starts} says at which offsets a match can begin.
     */
    record NamedPattern(String name, Pattern pattern, double score, int group, Starts starts) {
        static NamedPattern of(String name, String regex, double score, Starts starts) {
            return new NamedPattern(name, Pattern.compile(regex), score, 0, starts);
        }

        static NamedPattern of(String name, String regex, double score, int group, Starts starts) {
            return new NamedPattern(name, Pattern.compile(regex), score, group, starts);
        }
    }

    private final String id;
    private final PhiType type;
    private final List<NamedPattern> patterns;
    private final Set<String> context;
    /** Matchers reused per thread: allocating ~50 per window showed up in the allocation profile. */
    private final ThreadLocal<Matcher[]> matchers;

    PatternRecognizer(String id, PhiType type, List<NamedPattern> patterns, Set<String> context) {
        this.id = id;
        this.type = type;
        this.patterns = List.copyOf(patterns);
        this.context = Set.copyOf(context);
        this.matchers = ThreadLocal.withInitial(() -> new Matcher[this.patterns.size()]);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final PhiType type() {
        return type;
    }

    @Override
    public final Set<String> contextWords() {
        return context;
    }

    @Override
    public List<Finding> recognize(CharSequence text) {
        if (text.length() > MAX_INPUT) {
            throw new IllegalArgumentException("input of " + text.length() + " chars exceeds " + MAX_INPUT);
        }
        if (!worthScanning(text)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(4);
        Candidates candidates = Candidates.of(text);
        Matcher[] reusable = matchers.get();
        for (int k = 0; k < patterns.size(); k++) {
            NamedPattern p = patterns.get(k);
            Matcher m = reusable[k] == null ? p.pattern().matcher(text) : reusable[k].reset(text);
            reusable[k] = m;
            try {
                scan(text, p, m, candidates, out);
            } finally {
                m.reset(""); // drop the reference to the text: it may hold PHI
            }
        }
        return out;
    }

    private void scan(CharSequence text, NamedPattern p, Matcher m, Candidates candidates, List<Finding> out) {
        if (p.starts().kind() == Starts.Kind.ANY) {
            while (m.find()) {
                accept(text, p, m, out);
            }
        } else {
            // transparent bounds: lookbehinds and \b still see the text before a candidate offset
            m.useTransparentBounds(true).useAnchoringBounds(false);
            scanCandidates(text, p, m, candidates, out);
        }
    }

    /** Anchored attempts at candidate offsets, left to right, without overlapping matches. */
    private void scanCandidates(CharSequence text, NamedPattern p, Matcher m, Candidates c, List<Finding> out) {
        Starts starts = p.starts();
        Starts.Kind kind = starts.kind();
        boolean special = kind == Starts.Kind.AT || kind == Starts.Kind.DOTTED || kind == Starts.Kind.HEX_COLON;
        int[] digits = special ? c.special(kind) : kind == Starts.Kind.WORD ? EMPTY : c.digits();
        int[] words = special || kind == Starts.Kind.DIGIT ? EMPTY : c.words();
        int[] index = words.length == 0 ? EMPTY : wordIndex(starts, c);
        int wordCount = index == null ? words.length : index.length;
        int di = 0;
        int wi = 0;
        int lastEnd = 0;
        int n = text.length();
        while (di < digits.length || wi < wordCount) {
            int word = wi < wordCount ? (index == null ? wi : index[wi]) : -1;
            boolean takeDigit = word < 0 || (di < digits.length && digits[di] < words[word]);
            int at;
            if (takeDigit) {
                at = digits[di++];
                if (!special && !starts.digits().accepts(c.run(di - 1), c.after(di - 1))) {
                    continue;
                }
            } else {
                at = words[word];
                wi++;
                if (index == null ? !wordQualifies(text, starts, c, word)
                        : starts.upper() && !Character.isUpperCase(text.charAt(at))) {
                    continue;
                }
            }
            if (at >= lastEnd) {
                m.region(at, n);
                if (m.lookingAt()) {
                    accept(text, p, m, out);
                    lastEnd = Math.max(m.end(), at + 1);
                }
            }
        }
    }

    /** A pre-filtered list of word indexes, or null to test every word with {@link #wordQualifies}. */
    private static int[] wordIndex(Starts starts, Candidates c) {
        if (starts.triggers() != null) {
            return starts.bit() >= 0 && c.triggersCurrent() ? c.wordsWithBit(starts.bit(), starts.ahead()) : null;
        }
        return starts.upper() ? c.upperWords() : null;
    }

    private static boolean wordQualifies(CharSequence text, Starts starts, Candidates c, int index) {
        int[] words = c.words();
        if (starts.upper() && !Character.isUpperCase(text.charAt(words[index]))) {
            return false;
        }
        CharTable triggers = starts.triggers();
        if (triggers == null) {
            return true;
        }
        int last = Math.min(words.length - 1, index + starts.ahead());
        if (starts.bit() >= 0 && c.triggersCurrent()) {
            int bit = 1 << starts.bit();
            for (int k = index; k <= last; k++) {
                if ((c.wordBits(k) & bit) != 0) {
                    return true;
                }
            }
            return false;
        }
        for (int k = index; k <= last; k++) {
            if (triggers.contains(text, words[k], c.wordEnd(k), c.wordHash(k))) {
                return true;
            }
        }
        return false;
    }

    private static final int[] EMPTY = new int[0];

    private void accept(CharSequence text, NamedPattern p, Matcher m, List<Finding> out) {
        int start = m.start(p.group());
        if (start < 0) {
            return;
        }
        int end = trimEnd(text, start, m.end(p.group()));
        if (end <= start || invalidate(text, start, end, p)) {
            return;
        }
        double score = validate(text, start, end, p, p.score());
        if (score > 0.0) {
            out.add(new Finding(type, start, end, Math.min(1.0, score), id));
        }
    }

    /** Cheap pre-check (e.g. "contains '@'") that lets most texts skip the regexes. */
    boolean worthScanning(CharSequence text) {
        return true;
    }

    /** Lets a recognizer drop trailing punctuation that its pattern had to allow. */
    int trimEnd(CharSequence text, int start, int end) {
        return end;
    }

    /** True when the value cannot be of this type (bad area number, impossible month...). */
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        return false;
    }

    /** The score after checks that can confirm the value, such as a check digit. */
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        return score;
    }
}
