package io.dataguardian.bench.detect;

import io.dataguardian.bench.corpus.CorpusGenerator;
import io.dataguardian.bench.corpus.EntityType;
import io.dataguardian.bench.corpus.Label;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-process accuracy of the detector catalogue alone (no CLI, no extractors) on the labelled corpus
 * of {@link CorpusGenerator}: each file streamed through {@link TextScanner}, each finding matched to
 * a positive label of the same scoring class by span overlap. For tuning detectors; the product
 * figure comes from {@code bench/scripts/accuracy.sh} over the CLI's SARIF.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.detect.DetectAccuracy DIR [--generate FILES SIZE_MB SEED] [--show N]
 * </pre>
 * {@code --show} prints N misses per class with the text around them: generated data only.
 */
public final class DetectAccuracy {

    private DetectAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int show = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--generate")) {
                CorpusGenerator.main(new String[] {"--out", dir.toString(), "--files", args[i + 1], "--size", args[i + 2],
                    "--seed", args[i + 3], "--clean"});
                i += 3;
            } else if (args[i].equals("--show")) {
                show = Integer.parseInt(args[++i]);
            }
        }
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        CorpusGenerator.Corpus corpus = mapper.readValue(dir.resolve("labels.json").toFile(), CorpusGenerator.Corpus.class);
        TextScanner scanner = Catalogue.standard().newScanner(
                DetectionSettings.withKey("accuracy-harness-key-0123456789".getBytes(StandardCharsets.UTF_8)));
        Map<String, int[]> stats = new TreeMap<>(); // labels, found, predictions, correct
        Map<String, List<String>> misses = new TreeMap<>();
        for (CorpusGenerator.FileLabels fl : corpus.fileLabels()) {
            Path file = dir.resolve(fl.path());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Finding> findings = new ArrayList<>();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                scanner.scan(r, fl.path(), null, new FindingSink() {
                    @Override
                    public void finding(Finding f) {
                        findings.add(f);
                    }

                    @Override
                    public void error(FileError e) {
                    }
                });
            }
            boolean[] found = new boolean[fl.positives().size()];
            for (Finding f : findings) {
                EntityType t = EntityType.parse(f.entityType());
                if (t == null) {
                    continue;
                }
                String cls = t.scoringClass();
                int s = (int) f.location().offset();
                int e = s + f.location().length();
                boolean ok = false;
                for (int k = 0; k < found.length; k++) {
                    Label l = fl.positives().get(k);
                    if (l.type().scoringClass().equals(cls) && l.offset() < e && s < l.offset() + l.length()) {
                        ok = true;
                        found[k] = true;
                    }
                }
                int[] st = stats.computeIfAbsent(cls, x -> new int[4]);
                st[2]++;
                if (ok) {
                    st[3]++;
                } else {
                    String neg = "";
                    for (Label l : fl.negatives()) {
                        if (l.offset() < e && s < l.offset() + l.length()) {
                            neg = " [neg " + l.kind() + "]";
                        }
                    }
                    misses.computeIfAbsent(cls, x -> new ArrayList<>()).add("FP " + f.detectorId() + neg + " " + fl.path()
                            + ": " + around(text, s, e));
                }
            }
            for (int k = 0; k < found.length; k++) {
                Label l = fl.positives().get(k);
                int[] st = stats.computeIfAbsent(l.type().scoringClass(), x -> new int[4]);
                st[0]++;
                if (found[k]) {
                    st[1]++;
                } else {
                    misses.computeIfAbsent(l.type().scoringClass(), x -> new ArrayList<>()).add("FN " + l.kind() + " "
                            + fl.path() + ": " + around(text, l.offset(), l.offset() + l.length()));
                }
            }
        }
        int tl = 0;
        int tf = 0;
        int tp = 0;
        int tc = 0;
        System.out.printf(Locale.ROOT, "%-16s %7s %7s %7s %7s %6s %6s %6s%n", "class", "labels", "found", "pred",
                "correct", "P", "R", "F1");
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            int[] s = e.getValue();
            tl += s[0];
            tf += s[1];
            tp += s[2];
            tc += s[3];
            double p = s[2] == 0 ? 1 : (double) s[3] / s[2];
            double r = s[0] == 0 ? 1 : (double) s[1] / s[0];
            System.out.printf(Locale.ROOT, "%-16s %7d %7d %7d %7d %6.3f %6.3f %6.3f%n", e.getKey(), s[0], s[1], s[2], s[3],
                    p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
        double p = tp == 0 ? 1 : (double) tc / tp;
        double r = tl == 0 ? 1 : (double) tf / tl;
        System.out.printf(Locale.ROOT, "%-16s %7d %7d %7d %7d %6.3f %6.3f %6.3f%n", "MICRO", tl, tf, tp, tc, p, r,
                2 * p * r / (p + r));
        if (show > 0) {
            for (Map.Entry<String, List<String>> e : misses.entrySet()) {
                System.out.println("== " + e.getKey() + " (" + e.getValue().size() + " misses)");
                e.getValue().stream().limit(show).forEach(m -> System.out.println("  " + m));
            }
        }
    }

    private static String around(String text, int s, int e) {
        int a = Math.max(0, s - 50);
        int b = Math.min(text.length(), e + 30);
        return (text.substring(a, s) + "<<" + text.substring(s, Math.min(e, text.length())) + ">>" + text.substring(Math.min(e, text.length()), b))
                .replace("\n", "\\n").replace("\r", "\\r");
    }
}
