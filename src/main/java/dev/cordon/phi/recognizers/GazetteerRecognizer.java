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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * US cities and well-known health systems from a list shipped in the jar, matched in one
 * Aho-Corasick pass (case-sensitive, whole words). Names that are also words or given names score
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
        List<Finding> out = new ArrayList<>();
        for (Emit e : places.trie.parseText(text)) {
            int start = e.getStart();
            int end = e.getEnd() + 1;
            if (termFollows(text, end)) {
                continue;
            }
            double score = places.ambiguous.contains(e.getKeyword()) ? AMBIGUOUS_SCORE : SCORE;
            out.add(new Finding(PhiType.GEOGRAPHIC_LOCATION, start, end, score, id()));
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
        final Trie trie;
        final Set<String> ambiguous;

        private Places(Trie trie, Set<String> ambiguous) {
            this.trie = trie;
            this.ambiguous = ambiguous;
        }

        private static Places load() {
            Trie.TrieBuilder builder = Trie.builder().onlyWholeWords();
            Set<String> ambiguous = new HashSet<>();
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
                    if (name.startsWith("~")) {
                        name = name.substring(1);
                        ambiguous.add(name);
                    }
                    builder.addKeyword(name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PLACES, e);
            }
            return new Places(builder.build(), Set.copyOf(ambiguous));
        }
    }
}
