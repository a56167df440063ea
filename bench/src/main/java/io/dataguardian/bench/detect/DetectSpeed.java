package io.dataguardian.bench.detect;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Speed of the whole built-in catalogue on one thread, in MB (10^6 bytes of the file) per CPU-second
 * of the scanning thread (ThreadMXBean), so that the figure holds on a loaded machine where wall
 * time does not. Each file is read once into a String and streamed through
 * {@link TextScanner#scan(java.io.Reader, String, String, FindingSink)} from a StringReader.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.detect.DetectSpeed [--passes N] [--warmup N] [--candidates-only] [--each] FILE...
 * </pre>
 * {@code --candidates-only} disables every detector after candidate generation (no scoring, masking,
 * fingerprints or snippets), to split the time between the one-pass finder and per-finding work;
 * {@code --each} also prints every pass's figure as it ends (the JIT's slow and fast phases).
 * Prints per file: findings per pass, and the best and median MB per CPU-second over the passes
 * after warm-up, and a digest of every field of every finding of the last (untimed) pass, so that an
 * optimisation can be checked to change no finding, mask, fingerprint, confidence or snippet. Files are interleaved pass by pass so that drift in machine load hits all alike.
 */
public final class DetectSpeed {

    private DetectSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int passes = 5;
        boolean each = false;
        int warmup = 3;
        boolean candidatesOnly = false;
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--each" -> each = true;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--candidates-only" -> candidatesOnly = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        String[] texts = new String[files.size()];
        long[] bytes = new long[files.size()];
        for (int f = 0; f < texts.length; f++) {
            byte[] raw = Files.readAllBytes(files.get(f));
            bytes[f] = raw.length;
            texts[f] = new String(raw, StandardCharsets.UTF_8);
        }
        byte[] key = "benchmark-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        java.util.Set<String> off = new java.util.HashSet<>();
        if (candidatesOnly) {
            Catalogue.standard().detectors().forEach(d -> off.add(d.id()));
        }
        TextScanner scanner = Catalogue.standard().newScanner(
                new DetectionSettings(key, off, java.util.List.of(), java.util.Set.of()));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] mbps = new double[texts.length][Math.max(1, passes - 1)];
        long[] findings = new long[texts.length];
        long[] digest = new long[texts.length];
        for (int p = -warmup; p < passes; p++) {
            for (int f = 0; f < texts.length; f++) {
                long[] count = new long[2];
                boolean last = p == passes - 1;
                FindingSink sink = new FindingSink() {
                    @Override
                    public void finding(Finding finding) {
                        count[0]++;
                        if (last) {
                            count[1] = count[1] * 1_000_003 + finding.toString().hashCode();
                        }
                    }

                    @Override
                    public void error(FileError error) {
                    }
                };
                long t0 = mx.getCurrentThreadCpuTime();
                scanner.scan(new StringReader(texts[f]), "speed.txt", null, sink);
                long cpu = mx.getCurrentThreadCpuTime() - t0;
                findings[f] = count[0];
                digest[f] = count[1];
                if (p >= 0 && !last) {
                    mbps[f][p] = bytes[f] / 1e6 / (cpu / 1e9);
                }
                if (each) {
                    System.out.printf(Locale.ROOT, "pass %d: %.1f MB per CPU-second%n", p, bytes[f] / 1e6 / (cpu / 1e9));
                }
            }
        }
        for (int f = 0; f < texts.length; f++) {
            double[] s = mbps[f].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%s: %.1f MB, %d findings/pass (%.0f per MB, digest %016x): best %.1f, median %.1f MB per CPU-second%n",
                    files.get(f), bytes[f] / 1e6, findings[f], findings[f] / (bytes[f] / 1e6), digest[f], s[s.length - 1],
                    s[s.length / 2]);
        }
    }
}
