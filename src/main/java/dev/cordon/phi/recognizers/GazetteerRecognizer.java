package dev.cordon.phi.recognizers;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiRecognizer;
import dev.cordon.phi.PhiType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * US cities and well-known health systems from a list shipped in the jar, matched by hash lookups
 * of word spans starting at capitalised words (case-sensitive, whole words, longest first). Names that are also words or given names score
 * low and rely on cue words. A place followed by a medical noun ("Framingham risk score", "Duke
 * criteria") is a term, not a location. Immutable and thread-safe.
 */
final class GazetteerRecognizer implements PhiRecognizer {

    static final String PLACES = "/phi/places/us-places.txt";
    private static final double SCORE = 0.8;
    private static final double AMBIGUOUS_SCORE = 0.4;

    @Override
    public String id() {
        return "gazetteer";
    }

    @Override
    public PhiType type() {
        return PhiType.GEOGRAPHIC_LOCATION;
    }

    @Override
    public Set<String> contextWords() {
        return Set.of("in", "at", "from", "lives", "live", "living", "resides", "near", "moved", "city", "hospital",
                "clinic", "admitted", "transferred", "seen", "treated", "visited");
    }

    @Override
    public List<Finding> recognize(CharSequence text) {
        if (text.length() > PatternRecognizer.MAX_INPUT) {
            throw new IllegalArgumentException("input of " + text.length() + " chars exceeds " + PatternRecognizer.MAX_INPUT);
        }
        Places places = Places.INSTANCE;
        WordTokens w = WordTokens.of(text);
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < w.size()) {
            int last = Character.isUpperCase(text.charAt(w.start(i))) ? places.longestAt(w, i) : -1;
            if (last < 0) {
                i++;
                continue;
            }
            int start = w.start(i);
            int end = w.end(last);
            if (!termFollows(text, end)) {
                double score = places.ambiguous(text, start, end) ? AMBIGUOUS_SCORE : SCORE;
                out.add(new Finding(PhiType.GEOGRAPHIC_LOCATION, start, end, score, id()));
            }
            i = last + 1;
        }
        return out;
    }

    /** Looks at up to three following words (after an optional possessive) for a medical noun. */
    static boolean termFollows(CharSequence text, int end) {
        int i = end;
        if (i + 1 < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '’') && text.charAt(i + 1) == 's') {
            i += 2;
        }
        for (int n = 0; n < 3; n++) {
            int s = i;
            while (s < text.length() && (text.charAt(s) == ' ' || text.charAt(s) == '-')) {
                s++;
            }
            if (s == i || s >= text.length() || !Character.isLetter(text.charAt(s))) {
                return false;
            }
            int e = s;
            while (e < text.length() && Character.isLetter(text.charAt(e))) {
                e++;
            }
            if (Vocabulary.TERM_NOUNS.contains(text, s, e)) {
                return true;
            }
            i = e;
        }
        return false;
    }

    /** Loaded once, on first use, from a fixed resource path. */
    private static final class Places {
        static final Places INSTANCE = load();
        private final CharTable index;
        /** First words of listed places: most capitalised words are rejected with one probe. */
        private final CharTable firstWords;
        private final String[] names;
        private final boolean[] ambiguous;
        private final int maxWords;

        private Places(List<String> names, List<Boolean> ambiguous) {
            this.names = names.toArray(new String[0]);
            this.ambiguous = new boolean[names.size()];
            this.index = new CharTable(names.size());
            this.firstWords = new CharTable(names.size());
            int words = 1;
            for (int k = 0; k < names.size(); k++) {
                this.ambiguous[k] = ambiguous.get(k);
                index.put(names.get(k), k);
                WordTokens first = new WordTokens(names.get(k));
                firstWords.put(names.get(k).substring(0, first.end(0)), 1);
                words = Math.max(words, names.get(k).split("[ ]+").length);
            }
            this.maxWords = words;
        }

        /** Index of the last word of the longest listed place starting at word i, or -1. */
        int longestAt(WordTokens w, int i) {
            if (!firstWords.contains(w.text, w.start(i), w.end(i), w.fullHash(i))) {
                return -1;
            }
            for (int j = Math.min(w.size() - 1, i + maxWords - 1); j >= i; j--) {
                int k = index.get(w.text, w.start(i), w.end(j), -1);
                if (k >= 0 && exact(w.text, w.start(i), names[k])) {
                    return j;
                }
            }
            return -1;
        }

        boolean ambiguous(CharSequence text, int start, int end) {
            int k = index.get(text, start, end, -1);
            return k >= 0 && ambiguous[k];
        }

        private static boolean exact(CharSequence text, int start, String name) {
            for (int c = 0; c < name.length(); c++) {
                char t = text.charAt(start + c);
                char n = name.charAt(c);
                if (t != n && !(t == '’' && n == '\'') && !(t == '\'' && n == '’')) {
                    return false;
                }
            }
            return true;
        }

        private static Places load() {
            List<String> names = new ArrayList<>();
            List<Boolean> ambiguous = new ArrayList<>();
            try (InputStream raw = GazetteerRecognizer.class.getResourceAsStream(PLACES)) {
                if (raw == null) {
                    throw new IllegalStateException("missing resource " + PLACES);
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String name = line.strip();
                    if (name.isEmpty() || name.startsWith("#")) {
                        continue;
                    }
                    boolean low = name.startsWith("~");
                    name = low ? name.substring(1) : name;
                    names.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
                    ambiguous.add(low);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PLACES, e);
            }
            return new Places(names, ambiguous);
        }
    }
}
