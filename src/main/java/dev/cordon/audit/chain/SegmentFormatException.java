package dev.cordon.audit.chain;

/**
 * A segment's bytes are not a well-formed audit segment (not gzip, no seal, a line that is not
 * canonical JSON, a missing or mistyped field). The message names the line and field, never a
 * field's value, so it is safe to log.
 */
public final class SegmentFormatException extends RuntimeException {

    public SegmentFormatException(String message) {
        super(message);
    }

    public SegmentFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
