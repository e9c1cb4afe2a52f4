package dev.cordon.audit.chain;

import java.util.Objects;

/**
 * One stored segment handed to the verifier: its object key and its bytes as downloaded.
 * The array is not copied; callers must not change it during verification.
 */
public record SegmentInput(String key, byte[] bytes) {

    public SegmentInput {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "SegmentInput[key=" + key + ", bytes=" + bytes.length + "]";
    }
}
