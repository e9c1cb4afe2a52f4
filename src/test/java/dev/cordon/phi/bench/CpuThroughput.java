package dev.cordon.phi.bench;

import dev.cordon.phi.PhiAnalyzer;
import dev.cordon.phi.PhiEngines;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Analyzer throughput per CPU-second of the calling thread (not wall time), a per-core figure that
 * stays meaningful on a shared, busy machine where JMH's wall-clock numbers drop with contention.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> dev.cordon.phi.bench.CpuThroughput [seconds]}.
 */
public final class CpuThroughput {

    private CpuThroughput() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        PhiAnalyzer analyzer = PhiEngines.defaultAnalyzer();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        run(analyzer, Math.max(2, seconds / 3) * 1000, mx); // warm-up
        long[] r = run(analyzer, seconds * 1000, mx);
        double mbPerCpuSecond = r[0] / (r[1] / 1e9) / 1e6;
        System.out.printf(Locale.ROOT, "%d chars in %.2f CPU-s: %.2f MB/s per core (%d findings)%n",
                r[0], r[1] / 1e9, mbPerCpuSecond, r[2]);
    }

    private static long[] run(PhiAnalyzer analyzer, long millis, ThreadMXBean mx) {
        long chars = 0;
        long findings = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (String note : PhiEngineBenchmark.NOTES) {
                findings += analyzer.analyze(note).size();
                chars += note.length();
            }
        }
        return new long[] {chars, mx.getCurrentThreadCpuTime() - cpu0, findings};
    }
}
