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

    /** A compiled pattern; {@code group} selects the part of the match that is the value. */
    record NamedPattern(String name, Pattern pattern, double score, int group) {
        static NamedPattern of(String name, String regex, double score) {
            return new NamedPattern(name, Pattern.compile(regex), score, 0);
        }

        static NamedPattern of(String name, String regex, double score, int group) {
            return new NamedPattern(name, Pattern.compile(regex), score, group);
        }
    }

    private final String id;
    private final PhiType type;
    private final List<NamedPattern> patterns;
    private final Set<String> context;

    PatternRecognizer(String id, PhiType type, List<NamedPattern> patterns, Set<String> context) {
        this.id = id;
        this.type = type;
        this.patterns = List.copyOf(patterns);
        this.context = Set.copyOf(context);
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
        for (NamedPattern p : patterns) {
            Matcher m = p.pattern().matcher(text);
            while (m.find()) {
                int start = m.start(p.group());
                int end = trimEnd(text, start, m.end(p.group()));
                if (start < 0 || end <= start || invalidate(text, start, end, p)) {
                    continue;
                }
                double score = validate(text, start, end, p, p.score());
                if (score > 0.0) {
                    out.add(new Finding(type, start, end, Math.min(1.0, score), id));
                }
            }
        }
        return out;
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
