package io.dataguardian.bench.detect;

import io.dataguardian.bench.corpus.CorpusGenerator;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of the whole built-in catalogue, one thread, over mixed realistic text (prose EN/NL,
 * logs, CSV, JSON, YAML, .env, code with planted PII and secrets) from the corpus generator's
 * throughput mode. {@code megabytesPerSecond}'s secondary result {@code mb} is MB/s directly
 * (10^6 UTF-8 bytes of the file per second); {@code fullPass} counts whole passes.
 *
 * <pre>
 * mvn -B -q -o -pl bench -am -DskipTests package
 * java -jar bench/target/benchmarks.jar TextScannerBenchmark -f 1 -wi 2 -i 3
 * </pre>
 * The text is written once to {@code file} (default /tmp/dataguardian-bench-mixed.txt, 32 MB, seed
 * 42); ripgrep can be timed over the same file with bench/scripts/pii-patterns.txt.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TextScannerBenchmark {

    @Param({"/tmp/dataguardian-bench-mixed.txt"})
    public String file;

    @Param({"32MB"})
    public String size;

    private String text;
    private TextScanner scanner;
    private long megabytes;

    /** Findings per pass, so the work cannot be optimised away and can be eyeballed. */
    public static final LongAdder FINDINGS = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            CorpusGenerator.main(new String[] {"--throughput", file, "--seed", "42", "--size", size});
        }
        byte[] bytes = Files.readAllBytes(p);
        text = new String(bytes, StandardCharsets.UTF_8);
        megabytes = Math.max(1, bytes.length / 1_000_000);
        scanner = Catalogue.standard().newScanner(
                DetectionSettings.withKey("benchmark-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        System.out.printf("%n%s: %d bytes, %d chars, %d MB%n", file, bytes.length,
                text.length(), megabytes);
    }

    /** One full pass over the file per operation: MB/s = ops/s x the file's MB (printed at set-up). */
    @Benchmark
    public long fullPass() throws IOException {
        CountingSink sink = new CountingSink();
        scanner.scan(new StringReader(text), "mixed.txt", null, sink);
        FINDINGS.add(sink.count);
        return sink.count;
    }

    /** Secondary result {@code mb}: megabytes scanned per second (JMH normalises OPERATIONS counters by time). */
    @org.openjdk.jmh.annotations.AuxCounters(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Megabytes {
        public long mb;
    }

    @Benchmark
    public long megabytesPerSecond(Megabytes counter) throws IOException {
        CountingSink sink = new CountingSink();
        scanner.scan(new StringReader(text), "mixed.txt", null, sink);
        counter.mb += megabytes;
        return sink.count;
    }

    static final class CountingSink implements FindingSink {
        long count;

        @Override
        public void finding(Finding finding) {
            count++;
        }

        @Override
        public void error(FileError error) {
        }
    }
}
