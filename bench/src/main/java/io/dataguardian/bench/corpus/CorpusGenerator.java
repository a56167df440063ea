package io.dataguardian.bench.corpus;

import io.dataguardian.bench.corpus.Documents.Format;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a deterministic labelled corpus for the accuracy target of issue 3, or one big mixed-text
 * file for the throughput target.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.CorpusGenerator \
 *      --out DIR --seed 42 --files 400 --size 4 [--labels FILE] [--clean]
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.CorpusGenerator \
 *      --throughput FILE --seed 42 --size 2GB
 * </pre>
 *
 * <p>Same seed, same arguments: the same bytes. Every file draws from its own {@link Random}
 * seeded from (seed, file index), so the output does not depend on the order of work.
 */
public final class CorpusGenerator {

    /** One generated file in labels.json. */
    public record FileLabels(String path, String format, String lineEnding, int chars,
                             List<Label> positives, List<Label> negatives) {
    }

    /** labels.json. */
    public record Corpus(String generator, int version, long seed, int files, long totalChars,
                         Map<String, Integer> positivesByType, Map<String, Integer> negativesByType,
                         List<FileLabels> fileLabels) {
    }

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = parseArgs(args);
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        if (opts.containsKey("throughput")) {
            long bytes = parseSize(opts.getOrDefault("size", "1GB"));
            Path file = Path.of(opts.get("throughput"));
            double cleanShare = Double.parseDouble(opts.getOrDefault("clean-share", "0.9"));
            long t0 = System.nanoTime();
            long[] planted = new long[1];
            long written = writeThroughputFile(file, seed, bytes, cleanShare, planted);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "wrote %s: %d bytes in %.1f s; about %d planted positives (%.0f per MB), clean share %.2f%n",
                    file, written, secs, planted[0], planted[0] / (written / 1048576.0), cleanShare);
            return;
        }
        if (!opts.containsKey("out")) {
            usage("--out DIR or --throughput FILE is required");
        }
        Path out = Path.of(opts.get("out"));
        int files = Integer.parseInt(opts.getOrDefault("files", "400"));
        long bytes = parseSize(opts.getOrDefault("size", "4"));
        Path labels = Path.of(opts.getOrDefault("labels", out.resolve("labels.json").toString()));
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    if (!opts.containsKey("clean")) {
                        usage(out + " is not empty: remove it or pass --clean");
                    }
                    deleteTree(out);
                }
            }
        }
        Corpus corpus = writeCorpus(out, seed, files, bytes);
        Files.createDirectories(labels.toAbsolutePath().getParent());
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        mapper.writeValue(labels.toFile(), corpus);
        System.out.printf(Locale.ROOT, "wrote %d files, %d chars, to %s; labels: %s%n", corpus.files(), corpus.totalChars(), out, labels);
        System.out.println("positives by type: " + corpus.positivesByType());
        System.out.println("hard negatives by confusable type: " + corpus.negativesByType());
    }

    static Corpus writeCorpus(Path out, long seed, int files, long totalBytes) throws IOException {
        Format[] formats = Format.values();
        long average = Math.max(512, totalBytes / Math.max(1, files));
        List<FileLabels> all = new ArrayList<>();
        Map<EntityType, Integer> pos = new EnumMap<>(EntityType.class);
        Map<EntityType, Integer> neg = new EnumMap<>(EntityType.class);
        long total = 0;
        for (int i = 0; i < files; i++) {
            Random r = new Random(mix(seed, i));
            Values values = new Values(r);
            Format format = formats[i % formats.length];
            int target = (int) Math.max(300, average / 2 + r.nextInt((int) Math.min(Integer.MAX_VALUE, average)));
            LabelledText text = new Documents(values).generate(format, target);
            String rel = format.dir + "/" + format.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + String.format(Locale.ROOT, "%05d", i) + "." + format.ext;
            Path file = out.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.text(), StandardCharsets.UTF_8);
            String eol = text.text().contains("\r\n") ? "CRLF" : "LF";
            all.add(new FileLabels(rel, format.name(), eol, text.length(), List.copyOf(text.positives()), List.copyOf(text.negatives())));
            text.positives().forEach(l -> pos.merge(l.type(), 1, Integer::sum));
            text.negatives().forEach(l -> neg.merge(l.type(), 1, Integer::sum));
            total += text.length();
        }
        return new Corpus("dataguardian-bench CorpusGenerator", 1, seed, files, total, byName(pos), byName(neg), all);
    }

    /** Streams mixed documents to one file until it holds exactly {@code bytes} bytes (cut at a line end). */
    static long writeThroughputFile(Path file, long seed, long bytes, double cleanShare, long[] planted) throws IOException {
        Format[] formats = Format.values();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        long written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long k = 0; written < bytes; k++) {
                Random r = new Random(mix(seed, k));
                Format format = formats[r.nextInt(formats.length)];
                Documents docs = new Documents(new Values(r));
                LabelledText text = r.nextDouble() < cleanShare ? docs.clean(16_384 + r.nextInt(49_152))
                        : docs.generate(format, 16_384 + r.nextInt(49_152));
                planted[0] += text.positives().size();
                byte[] chunk = text.text().getBytes(StandardCharsets.UTF_8);
                int len = chunk.length;
                if (written + len > bytes) {
                    len = (int) (bytes - written);
                    while (len > 0 && chunk[len - 1] != '\n') {
                        len--;
                    }
                    if (len == 0) {
                        // pad the tail with a plain line so the size is exact
                        byte[] pad = new byte[(int) (bytes - written)];
                        java.util.Arrays.fill(pad, (byte) ' ');
                        pad[pad.length - 1] = '\n';
                        os.write(pad);
                        written += pad.length;
                        break;
                    }
                }
                os.write(chunk, 0, len);
                written += len;
            }
        }
        return written;
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Map<String, Integer> byName(Map<EntityType, Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    /** "200" = 200 MB; also "512MB", "2GB", "64KB", "1000B". */
    static long parseSize(String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        long mult = 1L << 20;
        if (u.endsWith("GB") || u.endsWith("G")) {
            mult = 1L << 30;
        } else if (u.endsWith("KB") || u.endsWith("K")) {
            mult = 1L << 10;
        } else if (u.endsWith("B") && !u.endsWith("MB")) {
            mult = 1;
        }
        String num = u.replaceAll("[A-Z]+$", "");
        return (long) (Double.parseDouble(num) * mult);
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                usage("unexpected argument: " + a);
            }
            String key = a.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(key, args[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return m;
    }

    private static void usage(String message) {
        System.err.println(message);
        System.err.println("usage: CorpusGenerator --out DIR [--seed 42] [--files 400] [--size MB] [--labels FILE] [--clean]");
        System.err.println("       CorpusGenerator --throughput FILE [--seed 42] [--size 1GB] [--clean-share 0.9]");
        System.exit(2);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
