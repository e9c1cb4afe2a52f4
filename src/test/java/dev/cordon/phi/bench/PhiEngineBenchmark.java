package dev.cordon.phi.bench;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiAnalyzer;
import dev.cordon.phi.PhiEngines;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the default analyzer on clinical-note-sized inputs (1-3 KB, written for this
 * benchmark; no evaluation data). One operation analyses all notes, {@link #TOTAL_CHARS} chars, so
 * MB/s per core = ops/s x TOTAL_CHARS / 1e6 (the notes are ASCII; the benchmark is single-threaded).
 *
 * <p>Run: {@code mvn -B -Pjmh test-compile exec:exec -Djmh.args="-f 2 -wi 2 -i 3 -prof gc"} (offline, once the
 * plugin is cached: {@code mvn -B -o -Pjmh test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec ...})
 * (or pass any JMH options in {@code jmh.args}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PhiEngineBenchmark {

    static final List<String> NOTES = SyntheticNotes.all();
    static final int TOTAL_CHARS = NOTES.stream().mapToInt(String::length).sum();

    private PhiAnalyzer analyzer;

    @Setup
    public void setUp() {
        analyzer = PhiEngines.defaultAnalyzer();
        analyzer.analyze(NOTES.get(0));
    }

    @Benchmark
    public void analyzeNotes(Blackhole bh) {
        for (String note : NOTES) {
            List<Finding> findings = analyzer.analyze(note);
            bh.consume(findings);
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("PhiEngineBenchmark: " + NOTES.size() + " notes, " + TOTAL_CHARS
                + " chars per op; MB/s = ops/s * " + TOTAL_CHARS + " / 1e6");
        org.openjdk.jmh.Main.main(args.length == 0 ? new String[] {PhiEngineBenchmark.class.getSimpleName()}
                : prepend(PhiEngineBenchmark.class.getSimpleName(), args));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
