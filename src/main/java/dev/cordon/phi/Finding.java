package dev.cordon.phi;

import java.util.Objects;

/**
 * One detected identifier: Java String offsets {@code [start, end)} into the analysed text.
 * Deliberately holds no copy of the value so that a finding can be logged without leaking PHI.
 * Immutable and thread-safe; {@code type} and {@code recognizer} are never null.
 */
public record Finding(PhiType type, int start, int end, double score, String recognizer) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recognizer, "recognizer");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + "," + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** The same finding moved by {@code delta} characters (used when text is scanned in windows). */
    public Finding shift(int delta) {
        return delta == 0 ? this : new Finding(type, start + delta, end + delta, score, recognizer);
    }

    public Finding withScore(double newScore) {
        return new Finding(type, start, end, newScore, recognizer);
    }
}
