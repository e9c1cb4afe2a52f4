package dev.cordon.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line the application writes while started, as text: message, parameters and any stack
 * trace. For tests that assert what must never reach the logs (PHI, tokens, justifications).
 * Thread-safe; {@link #stop()} it after each test.
 */
public final class CapturedLogs extends Handler {

    private final List<String> lines = new ArrayList<>();

    private CapturedLogs() {}

    public static CapturedLogs start() {
        CapturedLogs capture = new CapturedLogs();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    /** A snapshot of the lines captured so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(' ').append(p);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
