package dev.cordon.pipeline;

/**
 * Describes a throwable for logs without its message: messages of parser, driver and client
 * exceptions can quote request content, and request content may be PHI.
 */
public final class SafeThrowables {

    private static final int FRAMES = 6;

    private SafeThrowables() {}

    /** Class names of the cause chain and the top frames of the root, never messages. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getName());
            root = c;
            if (c.getCause() == c) {
                break;
            }
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            sb.append("\n\tat ").append(frames[i]);
        }
        return sb.toString();
    }
}
